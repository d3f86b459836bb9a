import LoreCore
import LoreStore

/// The one search box, for the page and `GET /api/v1/search`: records of every searchable type, cases (by words or
/// `C-123`) and knowledge-base articles (by the analyser, Chinese and English), each only as the viewer may see it.
struct GlobalSearch {
    let services: AppServices

    /// The order the page shows the groups in.
    static let order = ["cases"] + SearchRepository.targets.map(\.0) + ["articles"]

    func hits(_ text: String, as p: Principal, limitPerType: Int = 20) async throws -> [SearchHit] {
        let q = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        guard !q.isEmpty else { return [] }
        var hits = try await services.cases.find(q, limit: min(limitPerType, 10), as: p).map {
            SearchHit(
                entity: "cases", id: $0.id, title: "\($0.reference) \($0.subject)", matchedField: "subject",
                matchedText: $0.subject)
        }
        hits += try await services.search.search(q, as: p, limitPerEntity: limitPerType)
        let articles = try await services.knowledge.search(
            ArticleSearchQuery(text: q, limit: min(limitPerType, 10), includeFacets: false), as: p)
        hits += articles.hits.map {
            SearchHit(
                entity: "articles", id: $0.article.id, title: $0.article.title, matchedField: "title",
                matchedText: $0.article.title)
        }
        return hits
    }
}
