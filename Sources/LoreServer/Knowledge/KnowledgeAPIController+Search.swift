import Hummingbird
import LoreCore
import LoreStore

/// Search, suggestions, related articles and the two queues.
extension KnowledgeAPIController {
    func registerSearch(on api: APIRouter) {
        api.on(.get, "/kb/search", access: .signedIn, use: search)
        api.on(.get, "/kb/suggest", access: .signedIn, use: suggest)
        api.on(.post, "/kb/related", access: .signedIn, use: related)
        api.on(.get, "/kb/review-queue", access: .reviewers, use: reviewQueue)
        api.on(.get, "/kb/needs-review", access: .staff, use: needsReview)
    }

    @Sendable func search(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let params = request.query
        let paging = try KnowledgeQuery.paging(params, defaultLimit: 20)
        let q = ArticleSearchQuery(
            text: params.get("q") ?? "", filter: try KnowledgeQuery.facets(params), limit: paging.limit,
            offset: paging.offset,
            includeFacets: params.get("facets") != "false")
        let r = try await kb.search(q, as: p)
        return try JSONIO.response(ArticleSearchBody(r))
    }

    @Sendable func suggest(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let list = try await kb.suggest(prefix: request.query.get("q") ?? "", as: p)
        return try JSONIO.response(
            ListBody(data: list.map { TitleSuggestionBody(id: $0.id, title: $0.title, type: $0.type) }))
    }

    @Sendable func related(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let input = try await JSONIO.input(RelatedArticlesBody.self, request, context: context)
        let hits = try await kb.related(
            subject: input.subject, description: (input.description ?? nil) ?? "", k: input.k ?? 5, as: p)
        return try JSONIO.response(ListBody(data: hits.map { ArticleHitBody($0).json }))
    }

    @Sendable func reviewQueue(_ request: Request, context: SignedInContext) async throws -> Response {
        let (articles, proposals) = try await kb.reviewQueue(as: context.principal)
        return try JSONIO.response(
            ReviewQueueBody(articles: articles.map { ArticleSummaryBody($0).json }, proposals: proposals))
    }

    @Sendable func needsReview(_ request: Request, context: SignedInContext) async throws -> Response {
        let (list, total) = try await kb.needsReviewPage(as: context.principal)
        return try JSONIO.response(ListBody(data: list.map { ArticleSummaryBody($0).json }, total: total))
    }
}
