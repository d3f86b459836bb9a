import Foundation
import LoreCore
import LoreStore

/// The JSON Lines format of article import and export, shared by the API and the `lore kb` command.
public enum KnowledgeTransfer {
    /// One exported line: the article as the API shows it, plus its versions.
    public static func jsonLine(_ article: Article, versions: [ArticleVersion]) -> String {
        guard case .object(var o) = ArticleJSON.encode(article) else { return "{}" }
        o["versions"] = .array(versions.map(ArticleJSON.encode))
        return String(decoding: JSONValue.object(o).serialized(), as: UTF8.self)
    }

    /// Every non-empty line as a document or that line's error.
    public static func parseJSONLines(_ text: String) -> [(source: String, document: Result<ArticleDocument, FrontMatter.ParseError>)] {
        KnowledgeAPIController.parseLines(text)
    }
}
