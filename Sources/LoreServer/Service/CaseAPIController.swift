import Hummingbird
import LoreCore
import LoreStore

/// `/api/v1/cases…`: cases, their queues and thread, assignment, escalation and resolution, suggestions, e-mail intake.
struct CaseAPIController {
    let cases: CaseRepository

    func register(on api: APIRouter) {
        api.on(.get, "/cases", access: .staff, use: list)
        api.on(.post, "/cases", access: .staff, use: create)
        api.on(.get, "/cases/queues", access: .staff, use: queues)
        api.on(.get, "/cases/{id}", access: .staff, use: detail)
        api.on(.post, "/cases/{id}/messages", access: .staff, use: addMessage)
        api.on(.post, "/cases/assign", access: .staff, use: assign)
        registerWorkflow(on: api)
        registerService(on: api)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let (list, total) = try await cases.list(try CaseQueryParser.listQuery(request.query), as: p)
        let now = Timestamp.now()
        return try JSONIO.response(ListBody(data: list.map { CaseBody($0, now: now) }, total: total))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let input = try await JSONIO.input(NewCaseBody.self, request, context: context)
        return try Self.caseResponse(try await cases.create(input.caseInput, as: p), created: true)
    }

    @Sendable func queues(_ request: Request, context: SignedInContext) async throws -> Response {
        try JSONIO.response(ListBody(data: try await cases.queueCounts(as: context.principal)))
    }

    @Sendable func detail(_ request: Request, context: SignedInContext) async throws -> Response {
        try JSONIO.response(
            CaseDetailBody(
                try await cases.detail(
                    id: try context.parameters.require("id", as: RecordID.self), as: context.principal)))
    }

    @Sendable func addMessage(_ request: Request, context: SignedInContext) async throws -> Response {
        let message = try await JSONIO.input(CaseMessageBody.self, request, context: context)
        return try Self.caseResponse(
            try await cases.addMessage(
                caseID: try context.parameters.require("id", as: RecordID.self), kind: message.kind ?? .reply,
                body: message.body, as: context.principal),
            created: true)
    }

    @Sendable func assign(_ request: Request, context: SignedInContext) async throws -> Response {
        let input = try await JSONIO.input(CaseAssignmentBody.self, request, context: context)
        let done = try await cases.assign(
            caseIDs: input.caseIDs.map(\.value), to: (input.assigneeID ?? nil)?.value, as: context.principal)
        return try JSONIO.response(ListBody(data: done.map { CaseBody($0) }))
    }

    /// The case as JSON; `created`: 201 with the case's address (a new case, or something new on it).
    static func caseResponse(_ c: ServiceCase, created: Bool = false) throws -> Response {
        guard created else { return try JSONIO.response(CaseBody(c)) }
        return try JSONIO.response(CaseBody(c), status: .created, headers: [.location: "/api/v1/cases/\(c.id)"])
    }
}
