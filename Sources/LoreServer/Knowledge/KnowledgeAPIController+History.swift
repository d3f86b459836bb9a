import Hummingbird
import LoreCore
import LoreStore

/// Versions, diffs, restore, proposed edits and the review log.
extension KnowledgeAPIController {
    func registerHistory(on api: APIRouter) {
        api.on(.get, "/articles/{id}/versions", access: .staff, use: versions)
        api.on(.get, "/articles/{id}/versions/{number}", access: .staff, use: version)
        api.on(.get, "/articles/{id}/diff", access: .staff, use: diff)
        api.on(.post, "/articles/{id}/versions/{number}/restore", access: .staff, use: restoreVersion)
        api.on(.get, "/articles/{id}/proposals", access: .staff, use: proposals)
        api.on(.post, "/articles/{id}/proposals", access: .staff, use: propose)
        for (action, approve) in [("approve", true), ("reject", false)] {
            api.on(.post, "/article-proposals/{id}/\(action)", access: .reviewers) { request, context in
                try await decideProposal(approve: approve, request, context: context)
            }
        }
        api.on(.get, "/articles/{id}/reviews", access: .staff, use: reviews)
        api.on(.post, "/articles/{id}/feedback", access: .signedIn, use: feedback)
    }

    @Sendable func versions(_ request: Request, context: SignedInContext) async throws -> Response {
        let versions = try await kb.versions(
            id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return try JSONIO.response(ListBody(data: versions))
    }

    @Sendable func version(_ request: Request, context: SignedInContext) async throws -> Response {
        let v = try await kb.version(
            id: try context.parameters.require("id", as: RecordID.self),
            number: Int(try context.parameters.require("number", as: RecordID.self)),
            as: context.principal)
        return try JSONIO.response(v)
    }

    @Sendable func diff(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        guard let from = try KnowledgeQuery.int(request.query, "from"),
            let to = try KnowledgeQuery.int(request.query, "to")
        else { throw Problem.badRequest("from and to (version numbers) are required") }
        let a = try await kb.version(id: id, number: Int(from), as: p)
        let b = try await kb.version(id: id, number: Int(to), as: p)
        func pieces(_ old: String, _ new: String) -> JSONValue {
            .array(TextDiff.diff(old, new).map { .object(["op": .string($0.op.rawValue), "text": .string($0.text)]) })
        }
        return try JSONIO.response(
            .object([
                "from": .int(from), "to": .int(to), "title": pieces(a.title, b.title), "body": pieces(a.body, b.body),
            ]))
    }

    @Sendable func restoreVersion(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id", as: RecordID.self)
        let number = Int(try context.parameters.require("number", as: RecordID.self))
        switch try await kb.restore(id: id, number: number, as: context.principal) {
        case .article(let a): return try JSONIO.response(["article": ArticleBody(a)])
        case .proposal(let r):
            return try JSONIO.response(["proposal": r], status: .created, headers: Self.proposalsLocation(id))
        }
    }

    @Sendable func proposals(_ request: Request, context: SignedInContext) async throws -> Response {
        let list = try await kb.revisions(
            id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return try JSONIO.response(ListBody(data: list))
    }

    @Sendable func propose(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let proposal = try await JSONIO.input(ProposalBody.self, request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        let r = try await kb.propose(
            id: id, title: proposal.title, body: proposal.body, tags: proposal.tags, note: proposal.note ?? nil, as: p)
        return try JSONIO.response(r, status: .created, headers: Self.proposalsLocation(id))
    }

    /// Where a new proposal is listed (a proposal has no address of its own).
    static func proposalsLocation(_ articleID: Int64) -> HTTPFields {
        [.location: "/api/v1/articles/\(articleID)/proposals"]
    }

    /// `POST /article-proposals/{id}/approve` and `…/reject`.
    func decideProposal(approve: Bool, _ request: Request, context: SignedInContext) async throws -> Response {
        let comment = try await Self.comment(request, context, rejecting: !approve)
        let id = try context.parameters.require("id", as: RecordID.self)
        return try JSONIO.response(
            try await kb.decide(revision: id, approve: approve, comment: comment, as: context.principal))
    }

    @Sendable func reviews(_ request: Request, context: SignedInContext) async throws -> Response {
        let list = try await kb.reviews(
            id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return try JSONIO.response(ListBody(data: list))
    }

    @Sendable func feedback(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let feedback = try await JSONIO.input(FeedbackBody.self, request, context: context)
        return try articleResponse(
            try await kb.feedback(
                id: try context.parameters.require("id", as: RecordID.self), helpful: feedback.helpful,
                comment: feedback.comment ?? nil, as: p))
    }
}
