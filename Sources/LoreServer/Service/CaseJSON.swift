import LoreCore
import LoreStore

/// Cases, their thread and suggestions as JSON, and case input read strictly from JSON.
enum CaseJSON {
    static func encode(_ c: ServiceCase, now: String = Timestamp.now()) -> JSONValue {
        func id(_ v: Int64?) -> JSONValue { v.map(JSONValue.int) ?? .null }
        func text(_ v: String?) -> JSONValue { v.map(JSONValue.string) ?? .null }
        return .object([
            "id": .int(c.id), "reference": .string(c.reference), "subject": .string(c.subject), "description": .string(c.description),
            "account_id": id(c.accountID), "contact_id": id(c.contactID), "product_id": id(c.productID), "channel": .string(c.channel.rawValue),
            "priority": .string(c.priority.rawValue), "status": .string(c.status.rawValue), "department_id": id(c.departmentID),
            "assignee_id": id(c.assigneeID), "tier": .int(Int64(c.tier.rawValue)),
            "routing": .object([
                "source": .string(c.routing.rawValue), "predicted_department_id": id(c.predictedDepartmentID),
                "confidence": c.routingConfidence.map { .double(($0 * 1000).rounded() / 1000) } ?? .null,
            ]),
            "sla": .object([
                "first_response_due": .string(c.sla.firstResponseDue), "resolution_due": .string(c.sla.resolutionDue),
                "first_responded_at": text(c.sla.firstRespondedAt), "resolved_at": text(c.sla.resolvedAt),
                "first_response_breached": .bool(c.sla.firstResponseBreached(now: now)),
                "resolution_breached": .bool(c.sla.resolutionBreached(now: now)),
                "paused_at": text(c.sla.isPaused ? c.sla.pausedAt : nil),
                "minutes_waited_on_customer": .int(c.sla.pausedMilliseconds / 60_000),
            ]),
            "escalation_count": .int(Int64(c.escalationCount)), "resolution": text(c.resolution), "resolved_by": id(c.resolvedBy),
            "created_at": .string(c.createdAt), "updated_at": .string(c.updatedAt), "created_by": id(c.createdBy),
        ])
    }

    static func encode(_ d: CaseRepository.Detail) -> JSONValue {
        guard case .object(var o) = encode(d.serviceCase) else { return .null }
        o["messages"] = .array(
            d.messages.map { m in
                .object([
                    "id": .int(m.id), "kind": .string(m.kind.rawValue), "body": .string(m.body), "author_id": m.authorID.map(JSONValue.int) ?? .null,
                    "from_address": m.fromAddress.map(JSONValue.string) ?? .null, "created_at": .string(m.createdAt),
                ])
            })
        o["events"] = .array(
            d.events.map { e in
                .object([
                    "kind": .string(e.kind), "detail": e.detail.map(JSONValue.string) ?? .null, "actor_id": e.actorID.map(JSONValue.int) ?? .null,
                    "created_at": .string(e.createdAt),
                ])
            })
        o["solutions"] = .array(d.solutions.map { .object(["kind": .string($0.kind), "target_id": .int($0.targetID)]) })
        o["captured_article_id"] = d.capturedArticleID.map(JSONValue.int) ?? .null
        return .object(o)
    }

    static func encode(_ s: CaseRepository.Suggestion) -> JSONValue {
        .object([
            "kind": .string(s.kind.rawValue), "id": .int(s.id), "title": .string(s.title), "match": .double((s.match * 1000).rounded() / 1000),
            "score": .double((s.score * 1000).rounded() / 1000), "freshness_badge": s.badge.map { .string($0.rawValue) } ?? .null,
            "solved_count": .int(Int64(s.solvedCount)), "used": .bool(s.used),
        ])
    }

    static let inputFields: Set<String> = [
        "subject", "description", "account_id", "contact_id", "product_id", "channel", "priority", "department_id", "assignee_id",
    ]

    static func input(_ object: [String: JSONValue]) throws -> CaseInput {
        var f = JSONFields(object, allowed: inputFields, hint: "accepted: " + inputFields.sorted().joined(separator: ", "))
        let subject = f.string("subject", required: true, maxLength: CaseInput.maximumSubjectLength, multiLine: false)
        let description = f.string("description", maxLength: CaseInput.maximumDescriptionLength)
        let input = CaseInput(
            subject: subject ?? "", description: description ?? "", accountID: f.id("account_id"), contactID: f.id("contact_id"),
            productID: f.id("product_id"), channel: f.choice("channel", CaseChannel.self, default: .web),
            priority: f.choice("priority", CasePriority.self, default: .normal), departmentID: f.id("department_id"),
            assigneeID: f.id("assignee_id"))
        try f.check()
        return input
    }
}
