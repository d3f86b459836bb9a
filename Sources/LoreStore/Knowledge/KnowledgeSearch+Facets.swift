import LoreCore
import SQLKit

/// Facet counts: the matching ids (up to ``KnowledgeSearch/countCap``) come from the index in one statement, which
/// also reads the index log's position; the counting is done over the in-memory ``FacetColumns`` once they have
/// caught up with that position.
extension KnowledgeSearch {
    /// The facet counts, how many articles matched (up to the cap) and how many of those pass the page's filters.
    typealias FacetCount = (facets: ArticleFacets, matched: Int, passing: Int)

    static func countFacets(
        tokens: [String], all: Bool, reader: Reader, filter: ArticleFacetFilter, database: any LoreDatabase,
        cache: ArticleFacetCache
    ) async throws -> FacetCount {
        let index = database.fullTextIndex(.articles)
        let found = try await SearchPhaseTimer.time(SearchPhaseTimer.facets) {
            try await database.read { db in
                try ArticleCandidates.FacetIDs(
                    try await db.raw(matchedIDs(tokens, all: all, index: index, reader: reader)).first())
            }
        }
        return try await count(found, filter: filter, database: database, cache: cache)
    }

    /// Counts `found` over the facet columns, once they have caught up with the index log position the ids are as of.
    static func count(
        _ found: ArticleCandidates.FacetIDs, filter: ArticleFacetFilter, database: any LoreDatabase,
        cache: ArticleFacetCache
    )
        async throws -> FacetCount
    {
        try await SearchPhaseTimer.time(SearchPhaseTimer.count) {
            let counted = try await cache.columns(through: found.through, database: database).count(
                found.ids, filter: filter)
            return (counted.facets, found.ids.count, counted.passing)
        }
    }

    /// One row: `through`, the index log's newest position, and `ids`, the matching article ids joined by commas —
    /// one value instead of 2,000 rows, each of which costs more to decode than to find.
    static func matchedIDs(_ tokens: [String], all: Bool, index: any FullTextIndex, reader: Reader) -> SQLQueryString {
        let through: SQLQueryString = "(SELECT MAX(seq) FROM article_index_log)"
        // Staff may read every article in the index, so the index alone answers; portal customers' audience is
        // checked on the article row.
        let query = FullTextQuery(tokens: tokens, all: all)
        let ids =
            reader == .staff
            ? index.matchingIDs(query, limit: countCap)
            : matchedSet(query, index: index, audience: ArticleFilters.audience(reader))
        return "SELECT \(through) AS through, \(index.joinedIDs(of: ids)) AS ids"
    }

    static func parseIDs(_ text: String) -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(text.utf8.count / 6)
        var value: Int64 = 0
        var digits = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                value = value &* 10 &+ Int64(byte - 48)
                digits = true
            } else if digits {
                ids.append(value)
                (value, digits) = (0, false)
            }
        }
        if digits { ids.append(value) }
        return ids
    }

    /// Up to ``countCap`` ids of matching articles that pass `audience` (a condition on `articles a`) — unranked.
    /// The narrow facet index holds the audience columns but not the segment lists: only an article for chosen
    /// segments reads its wide row.
    static func matchedSet(_ query: FullTextQuery, index: any FullTextIndex, audience: SQLQueryString) -> SQLQueryString
    {
        index.matchingIDs(query, filter: audience, recordIndex: "idx_articles_facets", limit: countCap)
    }
}
