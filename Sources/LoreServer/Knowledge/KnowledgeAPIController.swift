import Hummingbird
import LoreCore
import LoreStore

/// `/api/v1/articles…` and `/api/v1/kb/…`: articles, their workflow and history, feedback, and search.
struct KnowledgeAPIController {
    let kb: KnowledgeRepository

    func register(on api: APIRouter) {
        api.on(.get, "/articles", access: .signedIn, use: list)
        api.on(.post, "/articles", access: .staff, use: create)
        api.on(.get, "/articles/{id}", access: .signedIn, use: get)
        api.on(.patch, "/articles/{id}", access: .staff, use: update)
        for (action, run) in transitions {
            api.on(.post, "/articles/{id}/\(action)", access: Self.access(forTransition: action)) { request, context in
                try await transition(run, rejecting: action == "reject", request, context: context)
            }
        }
        registerHistory(on: api)
        registerSearch(on: api)
        registerTransfer(on: api)
    }

    /// `POST /articles/{id}/<action>`: a workflow step with an optional comment (a rejection needs one).
    func transition(_ run: Transition, rejecting: Bool, _ request: Request, context: SignedInContext) async throws
        -> Response
    {
        let comment = try await Self.comment(request, context, rejecting: rejecting)
        return try articleResponse(
            try await run(kb, try context.parameters.require("id", as: RecordID.self), comment, context.principal))
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let params = request.query
        let paging = try KnowledgeQuery.paging(params, defaultLimit: 50)
        var status: ArticleStatus?
        if let s = params.get("status") {
            guard let v = ArticleStatus(rawValue: s) else {
                throw Problem.badRequest("status must be one of draft, in_review, published, archived")
            }
            status = v
        }
        let owner = try KnowledgeQuery.int(params, "owner_id")
        let (articles, total) = try await kb.list(
            filter: try KnowledgeQuery.facets(params), status: status, ownerID: owner, limit: paging.limit,
            offset: paging.offset, as: p)
        return try JSONIO.response(
            ListBody(data: articles.map { ArticleSummaryBody($0).json }, total: total))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let (input, _) = try ArticleInputBody.read(try await JSONIO.object(request, context: context), base: nil)
        let article = try await kb.create(input, as: p)
        return try JSONIO.response(
            ArticleBody(article), status: .created, headers: [.location: "/api/v1/articles/\(article.id)"])
    }

    @Sendable func get(_ request: Request, context: SignedInContext) async throws -> Response {
        try articleResponse(
            try await kb.get(id: try context.parameters.require("id", as: RecordID.self), as: context.principal))
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        let body = try await JSONIO.object(request, context: context)
        let current = try await kb.get(id: id, as: p)
        let (input, note) = try ArticleInputBody.read(body, base: ArticleInput(current))
        return try articleResponse(try await kb.update(id: id, input, note: note, as: p))
    }

    typealias Transition = @Sendable (KnowledgeRepository, Int64, String?, Principal) async throws -> Article

    let transitions: [(String, Transition)] = [
        ("submit", { kb, id, _, p in try await kb.submit(id: id, as: p) }),
        ("approve", { kb, id, c, p in try await kb.approve(id: id, comment: c, as: p) }),
        ("reject", { kb, id, c, p in try await kb.reject(id: id, comment: c ?? "", as: p) }),
        ("archive", { kb, id, _, p in try await kb.archive(id: id, as: p) }),
        ("reopen", { kb, id, _, p in try await kb.reopen(id: id, as: p) }),
        ("verify", { kb, id, _, p in try await kb.verify(id: id, as: p) }),
    ]

    /// Approving and rejecting are the reviewers'; the other transitions are open to staff (each checks the article).
    static func access(forTransition action: String) -> RouteAccess {
        action == "approve" || action == "reject" ? .reviewers : .staff
    }

    /// The comment of a review step: `{"comment": "..."}`, or no body at all. A rejection's comment is required
    /// (``RejectionBody``) when a body is sent; without one, the repository asks for it.
    static func comment(_ request: Request, _ context: some RequestContext, rejecting: Bool) async throws -> String? {
        guard request.headers[.contentLength].map({ $0 != "0" }) ?? (request.headers[.transferEncoding] != nil) else {
            return nil
        }
        if rejecting { return try await JSONIO.input(RejectionBody.self, request, context: context).comment }
        return try await JSONIO.input(CommentBody.self, request, context: context).comment ?? nil
    }
}

/// An article as a JSON response (a tiny helper so handlers read as one line).
func articleResponse(_ a: Article) throws -> Response {
    try JSONIO.response(ArticleBody(a))
}
