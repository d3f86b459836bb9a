import Foundation
import LoreCore
import LoreStore

/// An article without its body, as lists and search hits show it (the `ArticleSummary` schema).
struct ArticleSummaryBody: Encodable {
    var id: Int64
    var type: ArticleType
    var title: String
    var language: ArticleLanguage
    var categoryID: Int64?
    var tags: [String]
    var productIDs: [Int64]
    var accountIDs: [Int64]
    var competitorIDs: [Int64]
    var status: ArticleStatus
    var audience: AudienceKind
    var audienceTiers: [String]
    var audienceIndustries: [String]
    var ownerID: Int64?
    var version: Int
    var publishedAt: String?
    var verifiedAt: String?
    var verifyBy: String?
    var helpfulCount: Int
    var unhelpfulCount: Int
    var viewCount: Int
    var solvedCount: Int
    /// Three decimals, like every score the API gives.
    var freshness: Double
    var freshnessBadge: FreshnessBadge
    var quality: Double
    var createdAt: String
    var updatedAt: String

    /// `scored` is the freshness and badge a search already worked out for the article (the same formula), so a
    /// page of hits does not parse and format timestamps again.
    init(_ a: Article, scored: (freshness: Double, badge: FreshnessBadge)? = nil) {
        let fresh = scored?.freshness ?? a.freshness(nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        freshnessBadge = scored?.badge ?? KnowledgeScores.badge(freshness: fresh, pastDue: a.isPastDue(today: String(Timestamp.now().prefix(10))))
        freshness = Self.round3(fresh)
        quality = Self.round3(a.quality)
        (id, type, title, language, categoryID, tags) = (a.id, a.type, a.title, a.language, a.categoryID, a.tags)
        (productIDs, accountIDs, competitorIDs, status) = (a.productIDs, a.accountIDs, a.competitorIDs, a.status)
        (audience, audienceTiers, audienceIndustries) = (a.audience.kind, a.audience.tiers, a.audience.industries)
        (ownerID, version, publishedAt, verifiedAt, verifyBy) = (a.ownerID, a.version, a.publishedAt, a.verifiedAt, a.verifyBy)
        (helpfulCount, unhelpfulCount, viewCount, solvedCount) = (a.helpfulCount, a.unhelpfulCount, a.viewCount, a.solvedCount)
        (createdAt, updatedAt) = (a.createdAt, a.updatedAt)
    }

    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

/// A whole article: the summary's fields, the Markdown body and its HTML (the `Article` schema).
struct ArticleBody: Encodable {
    var summary: ArticleSummaryBody
    var body: String
    var bodyHTML: String

    private enum CodingKeys: String, CodingKey { case body, bodyHTML }

    init(_ a: Article) {
        summary = ArticleSummaryBody(a)
        body = a.body
        bodyHTML = Markdown.html(a.body)
    }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(body, forKey: .body)
        try c.encode(bodyHTML, forKey: .bodyHTML)
    }
}

/// A search hit: the article's summary, how well it matched, and a highlighted snippet.
struct ArticleHitBody: Encodable {
    var article: ArticleSummaryBody
    var relevance: Double
    var score: Double
    var snippet: String
    var snippetHTML: String

    init(_ h: ArticleHit) {
        article = ArticleSummaryBody(h.article, scored: (h.freshness, h.badge))
        relevance = ArticleSummaryBody.round3(h.relevance)
        score = ArticleSummaryBody.round3(h.score)
        snippet = Snippet.plain(h.snippet)
        snippetHTML = Snippet.html(h.snippet)
    }
}

/// A page of search results, with facet counts when asked for (then `facets` is present).
struct ArticleSearchBody: Encodable {
    /// Matching articles per facet value (category and product ids as text keys, as JSON objects have them).
    struct Facets: Encodable {
        var type: [String: Int]
        var language: [String: Int]
        var categoryID: [String: Int]
        var productID: [String: Int]

        init(_ f: ArticleFacets) {
            (type, language) = (f.types, f.languages)
            categoryID = Dictionary(uniqueKeysWithValues: f.categories.map { (String($0.key), $0.value) })
            productID = Dictionary(uniqueKeysWithValues: f.products.map { (String($0.key), $0.value) })
        }
    }

    private enum CodingKeys: String, CodingKey { case data, total, totalIsCapped, matchedAll, tokens, facets }

    var data: [ArticleHitBody]
    var total: Int
    var totalIsCapped: Bool
    var matchedAll: Bool
    var tokens: [String]
    var facets: Facets?

    init(_ r: ArticleSearchResult) {
        (data, total, totalIsCapped, matchedAll, tokens) = (r.hits.map(ArticleHitBody.init), r.total, r.totalIsCapped, r.matchedAll, r.tokens)
        facets = r.facets.map(Facets.init)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        try c.encode(total, forKey: .total)
        try c.encode(totalIsCapped, forKey: .totalIsCapped)
        try c.encode(matchedAll, forKey: .matchedAll)
        try c.encode(tokens, forKey: .tokens)
        if let facets { try c.encode(facets, forKey: .facets) }
    }
}

/// The review queue: drafts waiting for review and proposed edits.
struct ReviewQueueBody: Encodable {
    var articles: [ArticleSummaryBody]
    var proposals: [ArticleRevision]
}

/// A title suggestion while typing.
struct TitleSuggestionBody: Encodable {
    var id: Int64
    var title: String
    var type: ArticleType
}
