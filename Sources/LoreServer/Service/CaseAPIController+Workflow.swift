import Hummingbird
import LoreCore
import LoreStore
import NIOCore

/// Status, priority, re-routing, escalation, resolution, suggestions and e-mail intake.
extension CaseAPIController {
    func registerWorkflow(on api: APIRouter) {
        api.on(.post, "/cases/{id}/status", access: .staff, use: setStatus)
        api.on(.post, "/cases/{id}/priority", access: .staff, use: setPriority)
        api.on(.post, "/cases/{id}/reroute", access: .serviceManagers, use: reroute)
        api.on(.post, "/cases/{id}/escalate", access: .staff, use: escalate)
        api.on(.post, "/cases/{id}/resolve", access: .staff, use: resolve)
        api.on(.post, "/cases/{id}/reopen", access: .staff, use: reopen)
        api.on(.post, "/cases/{id}/close", access: .staff, use: close)
        api.on(.get, "/cases/{id}/suggestions", access: .staff, use: suggestions)
        api.on(.post, "/cases/{id}/solved-with", access: .staff, use: solvedWith)
        api.on(.post, "/cases/intake", access: .serviceDesk, use: intake)
    }

    @Sendable func setStatus(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let status = try await JSONIO.input(CaseStatusBody.self, request, context: context).status
        return try Self.caseResponse(
            try await cases.setStatus(caseID: try context.parameters.require("id", as: RecordID.self), status, as: p))
    }

    @Sendable func setPriority(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let priority = try await JSONIO.input(CasePriorityBody.self, request, context: context).priority
        return try Self.caseResponse(
            try await cases.setPriority(
                caseID: try context.parameters.require("id", as: RecordID.self), priority, as: p))
    }

    @Sendable func reroute(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let department = try await JSONIO.input(CaseRerouteBody.self, request, context: context).departmentID.value
        return try Self.caseResponse(
            try await cases.reroute(
                caseID: try context.parameters.require("id", as: RecordID.self), to: department, as: p))
    }

    @Sendable func escalate(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let reason = try await JSONIO.input(CaseEscalationBody.self, request, context: context).reason
        return try Self.caseResponse(
            try await cases.escalate(
                caseID: try context.parameters.require("id", as: RecordID.self), reason: reason, as: p))
    }

    @Sendable func resolve(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let text = try await JSONIO.input(CaseResolutionBody.self, request, context: context).resolution
        let r = try await cases.resolve(
            caseID: try context.parameters.require("id", as: RecordID.self), resolution: text, as: p)
        return try JSONIO.response(
            ResolutionBody(case: CaseBody(r.serviceCase), capturedArticleID: r.capturedArticleID, csatLink: r.csatLink))
    }

    @Sendable func reopen(_ request: Request, context: SignedInContext) async throws -> Response {
        try Self.caseResponse(
            try await cases.reopen(
                caseID: try context.parameters.require("id", as: RecordID.self), as: context.principal))
    }

    @Sendable func close(_ request: Request, context: SignedInContext) async throws -> Response {
        try Self.caseResponse(
            try await cases.close(
                caseID: try context.parameters.require("id", as: RecordID.self), as: context.principal))
    }

    @Sendable func suggestions(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let limit = try KnowledgeQuery.paging(request.query, defaultLimit: 5).limit
        let list = try await cases.suggestions(
            caseID: try context.parameters.require("id", as: RecordID.self), limit: min(limit, 20), as: p)
        return try JSONIO.response(ListBody(data: list.map(SuggestionBody.init)))
    }

    @Sendable func solvedWith(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let solved = try await JSONIO.input(SolvedWithBody.self, request, context: context)
        return try Self.caseResponse(
            try await cases.solvedWith(
                caseID: try context.parameters.require("id", as: RecordID.self), article: solved.articleID?.value,
                pastCase: solved.caseID?.value,
                as: p), created: true)
    }

    @Sendable func intake(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let type = (request.headers[.contentType] ?? "message/rfc822").lowercased()
        guard
            type.hasPrefix("message/rfc822") || type.hasPrefix("text/plain")
                || type.hasPrefix("application/octet-stream")
        else {
            throw Problem(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "Send the raw message as message/rfc822.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: MailParser.maximumBytes)
        } catch {
            throw Problem(
                status: .contentTooLarge, title: "Content too large",
                detail: "A message may be at most \(MailParser.maximumBytes) bytes.")
        }
        let mail: MailMessage
        do {
            mail = try MailParser.parse(Array(buffer.readableBytesView))
        } catch let e as MailParseError {
            throw Problem.validation([FieldError(field: "message", code: "unreadable", message: Self.describe(e))])
        }
        var priority = CasePriority.normal
        if let s = request.query.get("priority") {
            guard let v = CasePriority(rawValue: s) else {
                throw Problem.badRequest("priority must be one of low, normal, high, urgent")
            }
            priority = v
        }
        let r = try await cases.intake(mail, priority: priority, as: p)
        return try JSONIO.response(
            IntakeBody(case: CaseBody(r.serviceCase), created: r.created, contactID: r.contactID),
            status: r.created ? .created : .ok,
            headers: r.created ? [.location: "/api/v1/cases/\(r.serviceCase.id)"] : [:])
    }

    static func describe(_ e: MailParseError) -> String {
        switch e {
        case .empty: "the message is empty"
        case .noHeaders:
            "the message has no headers (an RFC 5322 message starts with header lines such as From: and Subject:)"
        case .missingFrom: "the message has no readable From: address"
        case .tooLarge(let n): "the message is \(n) bytes; at most \(MailParser.maximumBytes) are accepted"
        }
    }
}
