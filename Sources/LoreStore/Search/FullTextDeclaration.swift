import LoreCore

/// What makes a record type findable: the index's name, the table its documents are rows of, and the fields of
/// each document with their weights. Everything else — the SQLite and PostgreSQL tables (``FullTextSchema``),
/// writing, ranking, facets' id lists, rebuilding and term counts (``FullTextIndex``) — follows from it.
///
/// A new record type that needs search declares one of these, gives its records a ``FullTextDocument``
/// conformance, creates the tables in a migration with ``FullTextSchema/create(_:engine:on:)``, and asks the
/// database for `fullTextIndex(_:)`.
public struct FullTextDeclaration: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var name: String
        /// Relative to the other fields: a match in a field of weight 4 counts four times one in a field of weight 1.
        public var weight: Double
    }

    /// Names the tables (`<name>_fts` on SQLite; `<name>_search`, keyed by `<name>_id`, on PostgreSQL) and the
    /// term counts (`search_terms.index_name`).
    public let name: String
    /// The table of the records indexed; a filter on them joins it as `a`.
    public let table: String
    /// At most four (PostgreSQL has four weight labels), heaviest first is customary but not required.
    public let fields: [Field]
    /// Whether each change is written to `article_index_log`, which the article facet caches follow.
    let logsChanges: Bool

    var sqliteTable: String { name + "_fts" }
    var postgresTable: String { name + "_search" }
    var postgresKey: String { name + "_id" }

    /// Published articles: title four times the body (which carries the tags).
    public static let articles = FullTextDeclaration(
        name: "article", table: "articles", fields: [Field(name: "title", weight: 4), Field(name: "body", weight: 1)],
        logsChanges: true)
    /// Solved cases: subject (twice), description and resolution in one field.
    public static let cases = FullTextDeclaration(
        name: "case", table: "cases", fields: [Field(name: "body", weight: 1)], logsChanges: false)
}

/// A record as an index reads it: one text per field of its type's declaration, in the declaration's order.
public protocol FullTextDocument: Sendable {
    static var fullText: FullTextDeclaration { get }
    var id: Int64 { get }
    var fullTextFields: [String] { get }
}

extension FullTextDocument {
    /// The analysed tokens of each field, as the index stores them.
    public var fullTextTokens: [[String]] {
        fullTextFields.map { FullTextAnalysis.analyzer.tokens($0, mode: .index) }
    }
}

/// The one analyser every index and query uses (the same on both engines).
enum FullTextAnalysis {
    static let analyzer = TextAnalyzer()
}

extension Article: FullTextDocument {
    public static var fullText: FullTextDeclaration { .articles }
    /// The title; the body as plain text with the tags.
    public var fullTextFields: [String] { [title, Markdown.plainText(body) + "\n" + tags.joined(separator: " ")] }
}

extension ServiceCase: FullTextDocument {
    public static var fullText: FullTextDeclaration { .cases }
    /// The subject says most about the problem: it counts twice.
    public var fullTextFields: [String] {
        [String((subject + "\n" + subject + "\n" + description + "\n" + (resolution ?? "")).prefix(50_000))]
    }
}
