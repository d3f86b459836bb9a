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
        let input = try CaseJSON.input(try await JSONIO.object(request, context: context))
        return try Self.caseResponse(try await cases.create(input, as: p), created: true)
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
        let p = context.principal
        var f = JSONFields(
            try await JSONIO.object(request, context: context), allowed: ["kind", "body"], hint: "send kind and body")
        let kind = f.choice("kind", CaseMessage.Kind.self, default: .reply)
        let body = f.string("body", required: true, maxLength: CaseInput.maximumDescriptionLength)
        try f.check()
        return try Self.caseResponse(
            try await cases.addMessage(
                caseID: try context.parameters.require("id", as: RecordID.self), kind: kind, body: body ?? "", as: p),
            created: true)
    }

    @Sendable func assign(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let body = try await JSONIO.object(request, context: context)
        var f = JSONFields(
            body, allowed: ["case_ids", "assignee_id"], hint: "send case_ids and assignee_id (null to unassign)")
        let assignee = f.id("assignee_id")
        if body["assignee_id"] == nil { f.id("assignee_id", required: true) }
        var ids: [Int64] = []
        if case .array(let items) = body["case_ids"] ?? .null,
            items.allSatisfy({ if case .int(let i) = $0 { return i > 0 } else { return false } })
        {
            ids = items.compactMap { if case .int(let i) = $0 { return i } else { return nil } }
        } else {
            f.fail("case_ids", "must be an array of case ids")
        }
        try f.check()
        let done = try await cases.assign(caseIDs: ids, to: assignee, as: p)
        return try JSONIO.response(ListBody(data: done.map { CaseBody($0) }))
    }

    /// The case as JSON; `created`: 201 with the case's address (a new case, or something new on it).
    static func caseResponse(_ c: ServiceCase, created: Bool = false) throws -> Response {
        guard created else { return try JSONIO.response(CaseBody(c)) }
        return try JSONIO.response(CaseBody(c), status: .created, headers: [.location: "/api/v1/cases/\(c.id)"])
    }

    /// A small JSON body with the given fields, read by `read`.
    static func fields<T>(
        _ request: Request, _ context: some RequestContext, _ allowed: Set<String>, _ read: (inout JSONFields) -> T
    ) async throws -> T {
        var f = JSONFields(
            try await JSONIO.object(request, context: context), allowed: allowed,
            hint: "accepted: " + allowed.sorted().joined(separator: ", "))
        let value = read(&f)
        try f.check()
        return value
    }
}
