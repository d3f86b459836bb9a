import LoreCore
import SQLKit

/// What ranking blends with text relevance, for one article: its type, when it was last verified (else published,
/// else created) and its feedback and use counters.
struct ArticleSignals: Sendable {
    var type: ArticleType
    var since: String
    var helpful: Int
    var unhelpful: Int
    var views: Int
    var solved: Int
}

/// A match of a search's ranking statement: the article id, its raw text relevance and its signals.
struct ArticleCandidate: Sendable {
    var id: Int64
    var relevance: Double
    var signals: ArticleSignals
}

/// The statement a search ranks with: the best candidates by text relevance, each joined to its signals — and, on
/// SQLite when the facet counts cover the same matches, the ids of the first ``KnowledgeSearch/countCap`` of them
/// and the index log's position in one more row. One walk of the index then serves both: walking and intersecting
/// doclists is most of a search's cost, and the facets used to walk them a second time (bench/RESULTS.md §4,
/// session 10).
enum ArticleCandidates {
    /// The ids a search counts facets over, and the index log position they are as of.
    struct FacetIDs: Sendable {
        var through: Int64
        var ids: [Int64]

        /// From a row's `through` and `ids` (comma-joined) columns; none if the row is missing.
        init(_ row: (any SQLRow)?) throws {
            through = try row.flatMap { try SQLValues.optionalInt($0, "through") } ?? 0
            ids = KnowledgeSearch.parseIDs(try row.flatMap { try SQLValues.optionalString($0, "ids") } ?? "")
        }
    }

    private static let signalColumns: SQLQueryString = """
        s.type AS type, COALESCE(s.verified_at, s.published_at, s.created_at) AS since, s.helpful_count AS helpful_count, \
        s.unhelpful_count AS unhelpful_count, s.view_count AS view_count, s.solved_count AS solved_count
        """

    /// SQL for up to `limit` candidates with their signals (any order; the caller blends and sorts). With
    /// `facetIDs` (where the index ranks and lists in one walk) one further row has a NULL id and carries `ids` and
    /// `through` instead.
    static func statement(
        _ query: FullTextQuery, index: any FullTextIndex, filter: SQLQueryString?, limit: Int, facetIDs: Bool = false
    )
        -> SQLQueryString
    {
        guard facetIDs, index.ranksAndListsInOneWalk else {
            // The ranked candidates stay the outer loop: one primary-key probe per candidate.
            let ranked = index.matches(query, filter: filter, limit: limit)
            return
                "SELECT c.id AS id, c.rel AS rel, \(signalColumns) FROM (\(ranked)) c \(index.outerJoin) articles s ON s.id = c.id"
        }
        let walk = index.walk(query, filter: filter, limit: limit)
        let nulls =
            "NULL AS type, NULL AS since, NULL AS helpful_count, NULL AS unhelpful_count, NULL AS view_count, NULL AS solved_count"
        let listed = index.joinedIDs(of: "SELECT id FROM m LIMIT \(unsafeRaw: String(KnowledgeSearch.countCap))")
        // MATERIALIZED: the walk's rows are read twice (ranked, and the first of them listed), never walked again. The
        // listed ids are read back in the order the walk found them (newest first), as the facet statement had them.
        return """
            WITH m AS MATERIALIZED (\(walk)) \
            SELECT c.id AS id, c.rel AS rel, \(signalColumns), NULL AS ids, NULL AS through FROM (SELECT id, rel FROM m \
            ORDER BY rel DESC, id LIMIT \(unsafeRaw: String(limit))) c \(index.outerJoin) articles s ON s.id = c.id \
            UNION ALL SELECT NULL, NULL, \(unsafeRaw: nulls), \(listed), (SELECT MAX(seq) FROM article_index_log)
            """
    }

    /// The candidates of a statement's rows, and the facet row's ids if it has one.
    static func decode(_ rows: [any SQLRow]) throws -> (candidates: [ArticleCandidate], facetIDs: FacetIDs?) {
        var candidates: [ArticleCandidate] = []
        candidates.reserveCapacity(rows.count)
        var facetIDs: FacetIDs?
        for row in rows {
            guard let id = try SQLValues.optionalInt(row, "id") else {
                facetIDs = try FacetIDs(row)
                continue
            }
            let signals = ArticleSignals(
                type: ArticleType(rawValue: try row.decode(column: "type", as: String.self)) ?? .faq,
                since: try row.decode(column: "since", as: String.self),
                helpful: try row.decode(column: "helpful_count", as: Int.self),
                unhelpful: try row.decode(column: "unhelpful_count", as: Int.self),
                views: try row.decode(column: "view_count", as: Int.self),
                solved: try row.decode(column: "solved_count", as: Int.self))
            candidates.append(
                ArticleCandidate(id: id, relevance: try row.decode(column: "rel", as: Double.self), signals: signals))
        }
        return (candidates, facetIDs)
    }
}
