import LoreCore
import Testing

@testable import LoreServer
@testable import LoreStore

/// Each response's shape is stated once, as a Swift type; every API test checks responses against the OpenAPI
/// document. Where a hot path builds the same JSON by hand (search hits and article lists), it must equal what the
/// type encodes to, or the two statements could drift apart.
@Suite struct ResponseShapeTests {
    static let articles: [Article] = [
        Article(
            id: 3, type: .howTo, title: "Reset the HY-G300 router", body: "Hold **reset** for 10 s.", language: .en,
            categoryID: 2,
            tags: ["router", "reset"], productIDs: [5, 9], accountIDs: [11], competitorIDs: [], status: .published,
            audience: Audience(kind: .segments, tiers: ["gold"], industries: ["retail"]), ownerID: 4, version: 3,
            publishedAt: "2026-11-01T00:00:00.000Z", verifiedAt: nil, verifyBy: "2027-01-01", helpfulCount: 5,
            unhelpfulCount: 1, viewCount: 40,
            solvedCount: 2, createdAt: "2026-10-01T00:00:00.000Z", updatedAt: "2026-11-02T00:00:00.000Z"),
        Article(
            id: 4, type: .faq, title: "退款多久到账？", body: "", language: .zh, createdAt: "2026-10-01T00:00:00.000Z",
            updatedAt: "2026-10-01T00:00:00.000Z"
        ),
    ]

    @Test func handBuiltSummariesAndHitsEqualTheirTypes() throws {
        let encoder = JSONValueEncoder()
        for a in Self.articles {
            let summary = ArticleSummaryBody(a)
            #expect(summary.json == (try encoder.encode(summary)), "article \(a.id)")
            let hit = ArticleHitBody(
                ArticleHit(
                    article: a, relevance: 0.83333, freshness: 0.5, quality: 0.25, score: 0.61, badge: .fresh,
                    snippet: Snippet.make(text: "Hold reset for 10 s.", query: ["reset"])))
            #expect(hit.json == (try encoder.encode(hit)), "hit \(a.id)")
        }
    }
}
