import LoreCore
import SQLKit

/// A full-text query: analysed tokens, all required or any, optionally in one field only, the last token
/// optionally a prefix (for type-ahead).
public struct FullTextQuery: Sendable {
    public var tokens: [String]
    public var all: Bool
    /// Match only this field of the declaration (e.g. titles for suggestions).
    public var field: String?
    public var prefixLast: Bool

    public init(tokens: [String], all: Bool, field: String? = nil, prefixLast: Bool = false) {
        self.tokens = tokens
        self.all = all
        self.field = field
        self.prefixLast = prefixLast
    }
}

/// One record type's full-text index on one engine: writing documents, ranked and unranked matching, rebuilding,
/// and term statistics. ``SQLiteFullTextIndex`` (FTS5 ranked by `lore_bm25_rowid`) and ``PostgresFullTextIndex``
/// (a GIN-indexed tsvector ranked by `ts_rank`) are the two implementations; the database picks one
/// (`LoreDatabase.fullTextIndex(_:)`), so feature code never asks which engine it runs on.
///
/// Statements come back as SQL to run inside the caller's read or transaction: they compose with the caller's
/// own joins and filters, and writes land in the same transaction as the record they index.
public protocol FullTextIndex: Sendable {
    var declaration: FullTextDeclaration { get }

    /// Writes (or rewrites) a document from each field's analysed tokens. `countTerms: false` leaves the term
    /// counts alone, for a bulk load that recounts them at the end.
    func put(id: Int64, fields: [[String]], countTerms: Bool, on db: any SQLDatabase) async throws
    /// Takes a document out of the index.
    func remove(id: Int64, on db: any SQLDatabase) async throws

    /// Empties the index before a rebuild.
    func clear(on db: any SQLDatabase) async throws
    /// Adds documents during a rebuild, newest (highest id) first, without counting terms.
    func putBatch(_ documents: [(id: Int64, fields: [[String]])], on db: any SQLDatabase) async throws
    /// Ends a rebuild: term counts, merging, statistics for the planner.
    func finishRebuild(on db: any SQLDatabase) async throws

    /// SQL for matches as `(id, rel)` — relevance, higher is better — newest first and not sorted by relevance,
    /// at most ``FullTextLimits/rankingCap`` of them. `filter` is a condition on the record table as `a`; `limit`
    /// is how many of the best the caller will keep (the ranking may skip work for rows that cannot be among them).
    func walk(_ query: FullTextQuery, filter: SQLQueryString?, limit: Int) -> SQLQueryString
    /// SQL for up to `limit` matching ids, unranked, from the index alone.
    func matchingIDs(_ query: FullTextQuery, limit: Int) -> SQLQueryString
    /// SQL for up to `limit` matching ids whose record (`a`, read through `recordIndex` where the engine takes a
    /// hint) passes `filter`, unranked.
    func matchingIDs(_ query: FullTextQuery, filter: SQLQueryString, recordIndex: String?, limit: Int) -> SQLQueryString
    /// SQL aggregating the `id` column of `rows` into one comma-separated text.
    func joinedIDs(of rows: SQLQueryString) -> SQLQueryString
    /// How a statement joins the record table to the ranked rows so that the rows stay the outer loop.
    var outerJoin: SQLQueryString { get }
    /// Whether one statement may rank the matches and also list them for facet counts (a materialised walk);
    /// otherwise the two are separate statements, which the caller may run side by side.
    var ranksAndListsInOneWalk: Bool { get }

    /// How many documents contain each token (tokens in no document are absent).
    func documentFrequencies(_ tokens: [String], on db: any SQLDatabase) async throws -> [String: Int]
}

public enum FullTextLimits {
    /// Ranking is bounded: a query matching more than this many documents is ranked among the most recent this many
    /// of them, so one very common word cannot make a search scan a million documents. (README: "Search".)
    public static let rankingCap = 5_000
}

extension FullTextIndex {
    /// SQL for the `limit` best matches as `(id, rel)`, best first (ties by id).
    public func matches(_ query: FullTextQuery, filter: SQLQueryString? = nil, limit: Int) -> SQLQueryString {
        "SELECT id, rel FROM (\(walk(query, filter: filter, limit: limit))) c ORDER BY rel DESC, id LIMIT \(unsafeRaw: String(limit))"
    }

    /// Writes a record's document.
    public func put<D: FullTextDocument>(_ document: D, countTerms: Bool = true, on db: any SQLDatabase) async throws {
        try await put(id: document.id, fields: document.fullTextTokens, countTerms: countTerms, on: db)
    }

    /// The declared field's position, if the query names one.
    func fieldIndex(_ query: FullTextQuery) -> Int? {
        query.field.flatMap { name in declaration.fields.firstIndex { $0.name == name } }
    }
}
