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
        freshnessBadge =
            scored?.badge
            ?? KnowledgeScores.badge(freshness: fresh, pastDue: a.isPastDue(today: String(Timestamp.now().prefix(10))))
        freshness = Self.round3(fresh)
        quality = Self.round3(a.quality)
        (id, type, title, language, categoryID, tags) = (a.id, a.type, a.title, a.language, a.categoryID, a.tags)
        (productIDs, accountIDs, competitorIDs, status) = (a.productIDs, a.accountIDs, a.competitorIDs, a.status)
        (audience, audienceTiers, audienceIndustries) = (a.audience.kind, a.audience.tiers, a.audience.industries)
        (ownerID, version, publishedAt, verifiedAt, verifyBy) = (
            a.ownerID, a.version, a.publishedAt, a.verifiedAt, a.verifyBy
        )
        (helpfulCount, unhelpfulCount, viewCount, solvedCount) = (
            a.helpfulCount, a.unhelpfulCount, a.viewCount, a.solvedCount
        )
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

    /// The hits' JSON (``ArticleHitBody/json``).
    var data: [JSONValue]
    var total: Int
    var totalIsCapped: Bool
    var matchedAll: Bool
    var tokens: [String]
    var facets: Facets?

    init(_ r: ArticleSearchResult) {
        (total, totalIsCapped, matchedAll, tokens) = (r.total, r.totalIsCapped, r.matchedAll, r.tokens)
        data = r.hits.map { ArticleHitBody($0).json }
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
    /// The summaries' JSON (``ArticleSummaryBody/json``).
    var articles: [JSONValue]
    var proposals: [ArticleRevision]
}

/// A title suggestion while typing.
struct TitleSuggestionBody: Encodable {
    var id: Int64
    var title: String
    var type: ArticleType
}

// A search page writes twenty summaries and a list up to two hundred; through Codable's type-erased containers that
// cost about 0.5 ms a search page at 100,000 articles (bench/RESULTS.md §4, session 14). These build the same JSON
// directly; `ResponseShapeTests` keeps each equal to what the type encodes to, so the type stays the one statement of
// the shape.
extension ArticleSummaryBody {
    var json: JSONValue {
        func ids(_ list: [Int64]) -> JSONValue { .array(list.map(JSONValue.int)) }
        func texts(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        func optional(_ v: String?) -> JSONValue { v.map(JSONValue.string) ?? .null }
        return .object([
            "id": .int(id), "type": .string(type.rawValue), "title": .string(title),
            "language": .string(language.rawValue),
            "category_id": categoryID.map(JSONValue.int) ?? .null, "tags": texts(tags), "product_ids": ids(productIDs),
            "account_ids": ids(accountIDs), "competitor_ids": ids(competitorIDs), "status": .string(status.rawValue),
            "audience": .string(audience.rawValue), "audience_tiers": texts(audienceTiers),
            "audience_industries": texts(audienceIndustries),
            "owner_id": ownerID.map(JSONValue.int) ?? .null, "version": .int(Int64(version)),
            "published_at": optional(publishedAt),
            "verified_at": optional(verifiedAt), "verify_by": optional(verifyBy),
            "helpful_count": .int(Int64(helpfulCount)),
            "unhelpful_count": .int(Int64(unhelpfulCount)), "view_count": .int(Int64(viewCount)),
            "solved_count": .int(Int64(solvedCount)),
            "freshness": .double(freshness), "freshness_badge": .string(freshnessBadge.rawValue),
            "quality": .double(quality),
            "created_at": .string(createdAt), "updated_at": .string(updatedAt),
        ])
    }
}

extension ArticleHitBody {
    var json: JSONValue {
        .object([
            "article": article.json, "relevance": .double(relevance), "score": .double(score),
            "snippet": .string(snippet),
            "snippet_html": .string(snippetHTML),
        ])
    }
}
