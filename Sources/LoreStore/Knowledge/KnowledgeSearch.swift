import Foundation
import LoreCore
import SQLKit

/// A knowledge-base search: text, facet filters and a page.
public struct ArticleSearchQuery: Sendable {
    public var text: String
    public var filter: ArticleFacetFilter
    public var limit: Int
    public var offset: Int
    public var includeFacets: Bool

    public init(
        text: String, filter: ArticleFacetFilter = ArticleFacetFilter(), limit: Int = 20, offset: Int = 0,
        includeFacets: Bool = true
    ) {
        self.text = text
        self.filter = filter
        self.limit = limit
        self.offset = offset
        self.includeFacets = includeFacets
    }
}

/// One result: the article (without its body), how well it matched, its scores and a highlighted snippet.
public struct ArticleHit: Sendable {
    public var article: Article
    /// Text relevance normalised to the best match of the query (0...1).
    public var relevance: Double
    public var freshness: Double
    public var quality: Double
    public var score: Double
    public var badge: FreshnessBadge
    public var snippet: [Snippet.Part]
}

/// Counts of matching articles per facet value.
public struct ArticleFacets: Sendable, Equatable {
    public var types: [String: Int] = [:]
    public var languages: [String: Int] = [:]
    public var categories: [Int64: Int] = [:]
    public var products: [Int64: Int] = [:]
}

public struct ArticleSearchResult: Sendable {
    public var hits: [ArticleHit]
    /// Matching articles (counted up to ``KnowledgeSearch/countCap``).
    public var total: Int
    public var totalIsCapped: Bool
    public var facets: ArticleFacets?
    /// False when no article had every word and the results match any of them instead.
    public var matchedAll: Bool
    public var tokens: [String]
}

/// Ranked full-text search, suggestions and related articles over published articles the reader may see.
enum KnowledgeSearch {
    /// Counting and facets stop here (beyond it the total shows as "more than 2000"): counting joins each match to
    /// its article, which is random I/O on a large base.
    static let countCap = 2_000
    /// Candidates re-ranked with freshness and quality beyond the requested page.
    static let extraCandidates = 50

    /// Runs the search on `database`. On SQLite, when the facets count the same matches the page is ranked from (no
    /// facet filter), one statement ranks and lists the ids to count (``ArticleCandidates``); otherwise the ranking
    /// statement and the facet count run side by side on two readers. Then the page's rows.
    static func search(
        _ q: ArticleSearchQuery, reader: Reader, database: any LoreDatabase, facets cache: ArticleFacetCache
    ) async throws
        -> ArticleSearchResult
    {
        let index = database.fullTextIndex(.articles)
        let tokens = SearchExpressions.queryTokens(q.text)
        let audience = ArticleFilters.audience(reader)
        let facetFilter = ArticleFilters.facets(q.filter)
        let indexCond =
            facetFilter.map { f in ArticleFilters.indexFilter(reader).map { $0 + " AND " + f } ?? f }
            ?? ArticleFilters.indexFilter(reader)
        if tokens.isEmpty {
            return ArticleSearchResult(
                hits: [], total: 0, totalIsCapped: false, facets: nil, matchedAll: true, tokens: [])
        }
        let want = q.offset + q.limit + extraCandidates
        let plan = SearchPlan(
            tokens: tokens, reader: reader, filter: q.filter, index: index, indexCond: indexCond, want: want,
            includeFacets: q.includeFacets,
            oneWalk: q.includeFacets && facetFilter == nil && index.ranksAndListsInOneWalk,
            database: database, cache: cache)

        var matchedAll = true
        var (candidates, counted) = try await plan.attempt(all: true)
        if candidates.isEmpty && tokens.count > 1 {
            matchedAll = false
            (candidates, counted) = try await plan.attempt(all: false)
        }
        let found = candidates
        // Reading the page back is bounded (at most `limit` rows by id), so it is a point read: on SQLite it runs on
        // the calling thread over kept statements instead of through the thread pool.
        let page = try await SearchPhaseTimer.time(SearchPhaseTimer.page) {
            try await database.pointRead { db in
                try await rankedPage(found, window: q.offset..<(q.offset + q.limit), on: db)
            }
        }
        let ranked = await SearchPhaseTimer.time(SearchPhaseTimer.snippets) { await withSnippets(page, tokens: tokens) }
        guard let counted else {
            // Without facets the search stays light: the total is the candidates found, flagged when there are more.
            return ArticleSearchResult(
                hits: ranked, total: found.count, totalIsCapped: found.count >= want, facets: nil,
                matchedAll: matchedAll, tokens: tokens)
        }
        // Tags are not among the facet columns: a search filtered by tag counts its matches in SQL.
        var total = counted.passing
        if q.filter.tag != nil {
            let cond = facetFilter.map { audience + " AND " + $0 } ?? audience
            total = try await countInSQL(
                FullTextQuery(tokens: tokens, all: matchedAll), index: index, audience: cond, database: database)
        }
        return ArticleSearchResult(
            hits: ranked, total: total, totalIsCapped: counted.matched >= countCap, facets: counted.facets,
            matchedAll: matchedAll,
            tokens: tokens)
    }

    /// One search's ranking statement and facet count, tried with every word and, if nothing has them all, any.
    struct SearchPlan: Sendable {
        let tokens: [String]
        let reader: Reader
        let filter: ArticleFacetFilter
        let index: any FullTextIndex
        let indexCond: SQLQueryString?
        let want: Int
        let includeFacets: Bool
        /// One statement ranks and lists the ids the facets count (``ArticleCandidates``).
        let oneWalk: Bool
        let database: any LoreDatabase
        let cache: ArticleFacetCache

        /// The candidates matching every word (`all`) or any, and the facet counts over the same matches.
        @Sendable func attempt(all: Bool) async throws -> (candidates: [ArticleCandidate], facets: FacetCount?) {
            let (tokens, filter, database, cache) = (self.tokens, self.filter, self.database, self.cache)
            async let facets =
                includeFacets && !oneWalk
                ? countFacets(
                    tokens: tokens, all: all, reader: reader, filter: filter, database: database, cache: cache)
                : nil
            let (index, indexCond, want, oneWalk) = (self.index, self.indexCond, self.want, self.oneWalk)
            let (candidates, facetIDs) = try await SearchPhaseTimer.time(SearchPhaseTimer.rank) {
                try await database.read { db in
                    let statement = ArticleCandidates.statement(
                        FullTextQuery(tokens: tokens, all: all), index: index, filter: indexCond, limit: want,
                        facetIDs: oneWalk)
                    return try ArticleCandidates.decode(try await db.raw(statement).all())
                }
            }
            if let facetIDs {
                return (candidates, try await count(facetIDs, filter: filter, database: database, cache: cache))
            }
            return (candidates, try await facets)
        }
    }

    /// How many articles match `query` and pass `audience` (up to ``countCap``).
    static func countInSQL(
        _ query: FullTextQuery, index: any FullTextIndex, audience: SQLQueryString, database: any LoreDatabase
    )
        async throws -> Int
    {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM (\(matchedSet(query, index: index, audience: audience))) m")
                .first()
                .orMissing("a count").decode(column: "n", as: Int.self)
        }
    }

    /// Blends relevance with freshness and quality, sorts, and builds snippets for the requested window.
    static func rank(_ candidates: [ArticleCandidate], tokens: [String], window: Range<Int>, on db: any SQLDatabase)
        async throws -> [ArticleHit]
    {
        await withSnippets(try await rankedPage(candidates, window: window, on: db), tokens: tokens)
    }

    /// The page's hits (without snippets yet) and their plain texts. The blend needs only the candidates' signals,
    /// which came with them; the page's whole rows (without bodies), links and text come after, so a wide row is
    /// read only for a hit that is shown.
    static func rankedPage(_ candidates: [ArticleCandidate], window: Range<Int>, on db: any SQLDatabase) async throws
        -> (hits: [ArticleHit], texts: [Int64: String])
    {
        guard !candidates.isEmpty else { return ([], [:]) }
        let best = candidates.map(\.relevance).max() ?? 1
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var blended = candidates.map { c in
            let s = c.signals
            let rel = best > 0 ? c.relevance / best : 0
            let fresh = Article.freshness(
                since: s.since, type: s.type, helpful: s.helpful, unhelpful: s.unhelpful, nowMilliseconds: now)
            let quality = KnowledgeScores.quality(
                helpful: s.helpful, unhelpful: s.unhelpful, solvedCount: s.solved, views: s.views)
            return (
                id: c.id, rel: rel, fresh: fresh, quality: quality,
                score: KnowledgeScores.rank(relevance: rel, freshness: fresh, quality: quality)
            )
        }
        blended.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        let page = Array(blended[min(window.lowerBound, blended.count)..<min(window.upperBound, blended.count)])
        let ids = page.map(\.id)
        let (shown, texts) = try await ArticleRows.fetchWithPlainText(ids: ids, on: db)
        let articles = Dictionary(shown.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let today = String(Timestamp.now().prefix(10))
        let hits = page.compactMap { c -> ArticleHit? in
            guard let a = articles[c.id] else { return nil }
            return ArticleHit(
                article: a, relevance: c.rel, freshness: c.fresh, quality: c.quality, score: c.score,
                badge: KnowledgeScores.badge(freshness: c.fresh, pastDue: a.isPastDue(today: today)), snippet: [])
        }
        return (hits, texts)
    }

    /// Highlighted snippets for the hits, half of them on another thread: they are the largest share of a search's
    /// own (non-SQL) time, and a page's twenty are independent of each other.
    static func withSnippets(_ page: (hits: [ArticleHit], texts: [Int64: String]), tokens: [String]) async
        -> [ArticleHit]
    {
        let texts = page.hits.map { page.texts[$0.article.id] ?? "" }
        let half = texts.count / 2
        let rest = Array(texts[half...])
        async let second = rest.map { Snippet.make(text: $0, query: tokens) }
        let first = texts[..<half].map { Snippet.make(text: $0, query: tokens) }
        let snippets = first + (await second)
        return zip(page.hits, snippets).map { hit, snippet in
            var hit = hit
            hit.snippet = snippet
            return hit
        }
    }
}
