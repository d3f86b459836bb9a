import Foundation
import LoreCore
import LoreStore

/// The JSON Lines format of article import and export, shared by the API and the `lore kb` command.
public enum KnowledgeTransfer {
    /// One exported line: the article as the API shows it, plus its versions.
    public static func jsonLine(_ article: Article, versions: [ArticleVersion]) -> String {
        ExportLine(article: ArticleBody(article), versions: versions).serialized()
    }

    /// Every non-empty line as a document or that line's error.
    public static func parseJSONLines(_ text: String) -> [(
        source: String, document: Result<ArticleDocument, FrontMatter.ParseError>
    )] {
        KnowledgeAPIController.parseLines(text)
    }
}

/// One line of an export: the article as the API shows it, plus its versions.
struct ExportLine: Encodable {
    var article: ArticleBody
    var versions: [ArticleVersion]

    private enum CodingKeys: String, CodingKey { case versions }

    func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(versions, forKey: .versions)
    }

    /// The line's JSON; `{}` if it could not be written (it always can: every value is a string, number or list).
    func serialized() -> String {
        guard let json = try? JSONValueEncoder().encode(self) else { return "{}" }
        return String(decoding: json.serialized(), as: UTF8.self)
    }
}
