import LoreCore
import LoreStore

/// A case as the API answers it: the `Case` schema of the OpenAPI document, which `ResponseShapeTests` checks
/// against this type. Written through ``JSONValueEncoder`` (snake_case names, null for an absent value).
struct CaseBody: Encodable {
    struct Routing: Encodable {
        var source: RoutingSource
        var predictedDepartmentID: Int64?
        /// Three decimals: more would be noise.
        var confidence: Double?
    }

    struct SLA: Encodable {
        var firstResponseDue: String
        var resolutionDue: String
        var firstRespondedAt: String?
        var resolvedAt: String?
        var firstResponseBreached: Bool
        var resolutionBreached: Bool
        var pausedAt: String?
        var minutesWaitedOnCustomer: Int64
    }

    var id: Int64
    var reference: String
    var subject: String
    var description: String
    var accountID: Int64?
    var contactID: Int64?
    var productID: Int64?
    var channel: CaseChannel
    var priority: CasePriority
    var status: CaseStatus
    var departmentID: Int64?
    var assigneeID: Int64?
    var tier: CaseTier
    var routing: Routing
    var sla: SLA
    var escalationCount: Int
    var resolution: String?
    var resolvedBy: Int64?
    var createdAt: String
    var updatedAt: String
    var createdBy: Int64?

    /// `now` decides whether the SLA targets count as breached.
    init(_ c: ServiceCase, now: String = Timestamp.now()) {
        (id, reference, subject, description) = (c.id, c.reference, c.subject, c.description)
        (accountID, contactID, productID) = (c.accountID, c.contactID, c.productID)
        (channel, priority, status, departmentID, assigneeID, tier) = (
            c.channel, c.priority, c.status, c.departmentID, c.assigneeID, c.tier
        )
        routing = Routing(
            source: c.routing, predictedDepartmentID: c.predictedDepartmentID,
            confidence: c.routingConfidence.map { ($0 * 1000).rounded() / 1000 })
        sla = SLA(
            firstResponseDue: c.sla.firstResponseDue, resolutionDue: c.sla.resolutionDue,
            firstRespondedAt: c.sla.firstRespondedAt,
            resolvedAt: c.sla.resolvedAt, firstResponseBreached: c.sla.firstResponseBreached(now: now),
            resolutionBreached: c.sla.resolutionBreached(now: now), pausedAt: c.sla.isPaused ? c.sla.pausedAt : nil,
            minutesWaitedOnCustomer: c.sla.pausedMilliseconds / 60_000)
        (escalationCount, resolution, resolvedBy) = (c.escalationCount, c.resolution, c.resolvedBy)
        (createdAt, updatedAt, createdBy) = (c.createdAt, c.updatedAt, c.createdBy)
    }
}

/// A case with its thread, history and recorded solutions (`GET /cases/{id}`): the case's fields and four more.
struct CaseDetailBody: Encodable {
    struct Message: Encodable {
        var id: Int64
        var kind: CaseMessage.Kind
        var body: String
        var authorID: Int64?
        var fromAddress: String?
        var createdAt: String
    }

    struct Event: Encodable {
        var kind: String
        var detail: String?
        var actorID: Int64?
        var createdAt: String
    }

    struct Solution: Encodable {
        var kind: String
        var targetID: Int64
    }

    private enum CodingKeys: String, CodingKey { case messages, events, solutions, capturedArticleID }

    var serviceCase: CaseBody
    var messages: [Message]
    var events: [Event]
    var solutions: [Solution]
    var capturedArticleID: Int64?

    init(_ d: CaseRepository.Detail) {
        serviceCase = CaseBody(d.serviceCase)
        messages = d.messages.map {
            Message(
                id: $0.id, kind: $0.kind, body: $0.body, authorID: $0.authorID, fromAddress: $0.fromAddress,
                createdAt: $0.createdAt)
        }
        events = d.events.map { Event(kind: $0.kind, detail: $0.detail, actorID: $0.actorID, createdAt: $0.createdAt) }
        solutions = d.solutions.map { Solution(kind: $0.kind, targetID: $0.targetID) }
        capturedArticleID = d.capturedArticleID
    }

    func encode(to encoder: any Encoder) throws {
        try serviceCase.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(messages, forKey: .messages)
        try c.encode(events, forKey: .events)
        try c.encode(solutions, forKey: .solutions)
        try c.encodeIfPresent(capturedArticleID, forKey: .capturedArticleID)
    }
}

/// A suggested answer for a case.
struct SuggestionBody: Encodable {
    var kind: SuggestionRanking.Kind
    var id: Int64
    var title: String
    var match: Double
    var score: Double
    var freshnessBadge: String?
    var solvedCount: Int
    var used: Bool

    init(_ s: CaseRepository.Suggestion) {
        (kind, id, title, solvedCount, used) = (s.kind, s.id, s.title, s.solvedCount, s.used)
        match = (s.match * 1000).rounded() / 1000
        score = (s.score * 1000).rounded() / 1000
        freshnessBadge = s.badge?.rawValue
    }
}

/// A resolved case, with the solution captured from it and the survey link sent to the customer.
struct ResolutionBody: Encodable {
    var `case`: CaseBody
    var capturedArticleID: Int64?
    var csatLink: String?
}

/// A case opened or threaded from an e-mail.
struct IntakeBody: Encodable {
    var `case`: CaseBody
    var created: Bool
    var contactID: Int64?
}

/// A list of items (`data`), with the number of matches when the route reports one.
struct ListBody<Item: Encodable>: Encodable {
    var data: [Item]
    var total: Int?

    private enum CodingKeys: String, CodingKey { case data, total }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        if let total { try c.encode(total, forKey: .total) }
    }
}
