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

    public init(text: String, filter: ArticleFacetFilter = ArticleFacetFilter(), limit: Int = 20, offset: Int = 0, includeFacets: Bool = true) {
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

    static func search(_ q: ArticleSearchQuery, reader: Reader, engine: Engine, on db: any SQLDatabase) async throws -> ArticleSearchResult {
        let tokens = SearchExpressions.queryTokens(q.text)
        let audience = ArticleFilters.audience(reader)
        let facetFilter = ArticleFilters.facets(q.filter)
        let cond = facetFilter.map { audience + " AND " + $0 } ?? audience
        let indexCond =
            facetFilter.map { f in ArticleFilters.indexFilter(reader).map { $0 + " AND " + f } ?? f } ?? ArticleFilters.indexFilter(reader)
        if tokens.isEmpty {
            return ArticleSearchResult(hits: [], total: 0, totalIsCapped: false, facets: nil, matchedAll: true, tokens: [])
        }
        let want = q.offset + q.limit + extraCandidates
        var matchedAll = true
        var rows = try await db.raw(ArticleIndex.matches(tokens: tokens, all: true, engine: engine, filter: indexCond, limit: want)).all()
        if rows.isEmpty && tokens.count > 1 {
            matchedAll = false
            rows = try await db.raw(ArticleIndex.matches(tokens: tokens, all: false, engine: engine, filter: indexCond, limit: want)).all()
        }
        let ranked = try await rank(rows, tokens: tokens, window: q.offset..<(q.offset + q.limit), on: db)

        var total = rows.count
        var capped = false
        var facets: ArticleFacets?
        if q.includeFacets {
            let groups = try await facetGroups(tokens: tokens, all: matchedAll, engine: engine, audience: audience, on: db)
            capped = groups.total >= countCap
            facets = try await facetCounts(groups, tokens: tokens, all: matchedAll, engine: engine, audience: audience, on: db)
            total = try await count(q.filter, groups: groups, tokens: tokens, all: matchedAll, engine: engine, cond: cond, on: db)
        } else {
            // Without facets the search stays light: the total is the candidates found, flagged when there are more.
            capped = rows.count >= want
        }
        return ArticleSearchResult(hits: ranked, total: total, totalIsCapped: capped, facets: facets, matchedAll: matchedAll, tokens: tokens)
    }

    /// Blends relevance with freshness and quality, sorts, and builds snippets for the requested window.
    static func rank(_ rows: [any SQLRow], tokens: [String], window: Range<Int>, on db: any SQLDatabase) async throws -> [ArticleHit] {
        let scored = try rows.map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "rel", as: Double.self)) }
        let best = scored.map(\.1).max() ?? 1
        let articles = try await ArticleRows.fetch(ids: scored.map(\.0), withBody: false, withLinks: false, on: db)
        let relevance = Dictionary(scored, uniquingKeysWith: { a, _ in a })
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let today = String(Timestamp.now().prefix(10))
        var hits = articles.map { a in
            let rel = best > 0 ? (relevance[a.id] ?? 0) / best : 0
            let fresh = a.freshness(nowMilliseconds: now)
            let quality = a.quality
            return ArticleHit(
                article: a, relevance: rel, freshness: fresh, quality: quality,
                score: KnowledgeScores.rank(relevance: rel, freshness: fresh, quality: quality),
                badge: KnowledgeScores.badge(freshness: fresh, pastDue: a.isPastDue(today: today)), snippet: [])
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.article.id < $1.article.id }
        let page = Array(hits[min(window.lowerBound, hits.count)..<min(window.upperBound, hits.count)])
        // Candidates were read without their links; only the page's hits need them, and their text for snippets.
        let texts = try await ArticleRows.plainTexts(ids: page.map(\.article.id), on: db)
        let links = try await ArticleRows.links(ids: page.map(\.article.id), on: db)
        return page.map { hit in
            var hit = hit
            if let l = links[hit.article.id] {
                (hit.article.productIDs, hit.article.accountIDs, hit.article.competitorIDs) = (l.products, l.accounts, l.competitors)
            }
            hit.snippet = Snippet.make(text: texts[hit.article.id] ?? "", query: tokens)
            return hit
        }
    }

    /// The matched articles' (type, language, category) combinations with counts, capped.
    static func facetGroups(tokens: [String], all: Bool, engine: Engine, audience: SQLQueryString, on db: any SQLDatabase) async throws
        -> (rows: [(type: String, language: String, category: Int64?, n: Int)], total: Int)
    {
        let rows = try await db.raw(
            "SELECT m.type, m.language, m.category_id, COUNT(*) AS n FROM (\(matchedSet(tokens, all: all, engine: engine, audience: audience))) m GROUP BY m.type, m.language, m.category_id"
        ).all().map {
            (
                try $0.decode(column: "type", as: String.self), try $0.decode(column: "language", as: String.self),
                try SQLValues.optionalInt($0, "category_id"),
                try $0.decode(column: "n", as: Int.self)
            )
        }
        return (rows, rows.reduce(0) { $0 + $1.3 })
    }

    static func facetCounts(
        _ groups: (rows: [(type: String, language: String, category: Int64?, n: Int)], total: Int), tokens: [String], all: Bool, engine: Engine,
        audience: SQLQueryString, on db: any SQLDatabase
    ) async throws -> ArticleFacets {
        var f = ArticleFacets()
        for g in groups.rows {
            f.types[g.type, default: 0] += g.n
            f.languages[g.language, default: 0] += g.n
            if let c = g.category { f.categories[c, default: 0] += g.n }
        }
        // The matched set drives the join (SQLite's CROSS JOIN fixes the order; otherwise it scans every product link).
        let join: SQLQueryString = engine == .sqlite ? "CROSS JOIN" : "JOIN"
        let products = try await db.raw(
            """
            SELECT l.target_id, COUNT(*) AS n FROM (\(matchedSet(tokens, all: all, engine: engine, audience: audience))) m \(join) article_links l \
            ON l.article_id = m.id WHERE l.kind = 'product' GROUP BY l.target_id ORDER BY n DESC LIMIT 20
            """
        ).all()
        for row in products { f.products[try row.decode(column: "target_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self) }
        return f
    }

    /// The total with the page's filters: summed from the groups when they can tell, counted otherwise.
    static func count(
        _ filter: ArticleFacetFilter, groups: (rows: [(type: String, language: String, category: Int64?, n: Int)], total: Int), tokens: [String],
        all: Bool, engine: Engine, cond: SQLQueryString, on db: any SQLDatabase
    ) async throws -> Int {
        if filter.productID == nil && filter.tag == nil {
            return groups.rows.filter { g in
                (filter.types.isEmpty || filter.types.map(\.rawValue).contains(g.type)) && (filter.language.map { $0.rawValue == g.language } ?? true)
                    && (filter.categoryID.map { $0 == g.category } ?? true)
            }.reduce(0) { $0 + $1.n }
        }
        return try await db.raw("SELECT COUNT(*) AS n FROM (\(matchedSet(tokens, all: all, engine: engine, audience: cond))) m").first()!
            .decode(column: "n", as: Int.self)
    }

    /// Up to ``countCap`` matching article ids from the index alone.
    static func matchedIDs(_ tokens: [String], all: Bool, engine: Engine) -> SQLQueryString {
        switch engine {
        case .sqlite:
            return
                "SELECT rowid FROM article_fts WHERE article_fts MATCH \(bind: SearchExpressions.fts5(tokens, all: all)) LIMIT \(unsafeRaw: String(countCap))"
        case .postgres:
            return """
                SELECT article_id FROM article_search WHERE tsv @@ CAST(\(bind: SearchExpressions.tsquery(tokens, all: all)) AS tsquery) \
                LIMIT \(unsafeRaw: String(countCap))
                """
        }
    }

    /// Up to ``countCap`` matching articles (id, type, language, category) — unranked, for counting.
    static func matchedSet(_ tokens: [String], all: Bool, engine: Engine, audience: SQLQueryString) -> SQLQueryString {
        switch engine {
        case .sqlite:
            return """
                SELECT a.id, a.type, a.language, a.category_id FROM article_fts CROSS JOIN articles a ON a.id = article_fts.rowid \
                WHERE article_fts MATCH \(bind: SearchExpressions.fts5(tokens, all: all)) AND \(audience) LIMIT \(unsafeRaw: String(countCap))
                """
        case .postgres:
            return """
                SELECT a.id, a.type, a.language, a.category_id FROM article_search s JOIN articles a ON a.id = s.article_id \
                WHERE s.tsv @@ CAST(\(bind: SearchExpressions.tsquery(tokens, all: all)) AS tsquery) AND \(audience) LIMIT \(unsafeRaw: String(countCap))
                """
        }
    }
}
