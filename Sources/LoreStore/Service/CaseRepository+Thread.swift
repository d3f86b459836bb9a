import LoreCore
import SQLKit

/// The thread (replies, notes, customer messages), assignment, status and priority.
extension CaseRepository {
    public static let maximumMessageLength = 100_000

    /// Adds a reply (customer-visible) or an internal note. The first reply meets the first-response target.
    public func addMessage(caseID: Int64, kind: CaseMessage.Kind, body: String, as p: Principal) async throws
        -> ServiceCase
    {
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { throw Self.invalid("body", "required", "is required") }
        if body.count > Self.maximumMessageLength {
            throw Self.invalid("body", "too_long", "must be at most \(Self.maximumMessageLength) characters")
        }
        guard kind != .customer else { throw Self.invalid("kind", "invalid", "staff write replies or notes") }
        return try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status != .closed else {
                throw StoreError.conflict(field: "status", message: "case \(c.reference) is closed")
            }
            try await CaseRows.addMessage(caseID, kind: kind, body: body, author: p.userID, on: db)
            var set: [String: FieldValue] = [:]
            if kind == .reply {
                if c.sla.firstRespondedAt == nil {
                    set["first_responded_at"] = .string(Timestamp.now())
                    if c.status.isActive { set["next_due"] = .string(c.sla.resolutionDue) }
                }
                if c.status == .new { set["status"] = .string(CaseStatus.open.rawValue) }
            }
            try await Self.touch(caseID, by: p.userID, set, on: db)
            try await CaseRows.addEvent(caseID, kind == .reply ? "replied" : "noted", actor: p.userID, on: db)
            return try await CaseRows.require(id: caseID, on: db)
        }
    }

    /// A customer's message on an existing case (an e-mail reply): reopens a resolved case, wakes a pending one.
    static func addCustomerMessage(
        _ c: ServiceCase, body: String, from: String?, messageID: String?, actor: Int64, on db: any SQLDatabase
    )
        async throws
    {
        try await CaseRows.addMessage(
            c.id, kind: .customer, body: body, author: nil, from: from, messageID: messageID, on: db)
        var set: [String: FieldValue] = [:]
        if c.status == .pendingCustomer {
            set = slaChange(c, to: .open, now: Timestamp.now())
            set["status"] = .string(CaseStatus.open.rawValue)
        }
        if c.status == .resolved {
            set = [
                "status": .string(CaseStatus.open.rawValue), "resolved_at": .null,
                "next_due": .string(c.sla.resolutionDue),
            ]
            try await CaseRows.addEvent(c.id, "reopened", detail: "customer replied", actor: actor, on: db)
        }
        try await touch(c.id, by: actor, set, on: db)
    }

    /// Assigns cases to one person (or unassigns with nil). Taking a case yourself needs only the right to work it;
    /// assigning to someone else needs a manager or senior agent. The assignee must be able to handle each case's tier.
    /// All or nothing: one refused case refuses the batch.
    public func assign(caseIDs: [Int64], to assignee: Int64?, as p: Principal) async throws -> [ServiceCase] {
        let ids = Array(Set(caseIDs)).sorted()
        if ids.isEmpty { throw Self.invalid("case_ids", "required", "name at least one case") }
        if caseIDs.count > 500 { throw Self.invalid("case_ids", "too_many", "at most 500 cases at a time") }
        if assignee != p.userID, !CasePolicy.canAssignOthers(p) {
            throw AccessRefusal.forbidden("only managers and senior agents assign cases to others")
        }
        return try await database.write { db in
            var role: Role?
            if let assignee {
                let row = try await db.select().columns("role", "active").from("users").where(
                    "id", .equal, SQLBind(assignee)
                ).first()
                guard let row, try row.decode(column: "active", as: Bool.self),
                    let r = Role(rawValue: try row.decode(column: "role", as: String.self))
                else { throw Self.invalid("assignee_id", "invalid_reference", "no active user with id \(assignee)") }
                role = r
            }
            var out: [ServiceCase] = []
            for id in ids {
                let c = try await Self.workable(id: id, principal: p, on: db)
                guard c.status.isActive else {
                    throw StoreError.conflict(field: "status", message: "case \(c.reference) is \(c.status.rawValue)")
                }
                if let role, !CasePolicy.mayHandle(tier: c.tier, role: role) {
                    throw Self.invalid(
                        "assignee_id", "tier",
                        "user \(assignee ?? 0) cannot handle tier \(c.tier.rawValue) case \(c.reference)")
                }
                let newAssignee = assignee.map(FieldValue.int) ?? .null
                var set: [String: FieldValue] = ["assignee_id": newAssignee]
                if assignee != nil, c.status == .new || c.status == .escalated {
                    set["status"] = .string(CaseStatus.open.rawValue)
                }
                try await Self.touch(id, by: p.userID, set, on: db)
                try await CaseRows.addEvent(id, "assigned", detail: assignee.map(String.init), actor: p.userID, on: db)
                let after = try await CaseRows.require(id: id, on: db)
                try await Self.audit(
                    after, "assign", by: p,
                    changes: ["assignee_id": [c.assigneeID.map(FieldValue.int) ?? .null, newAssignee]], on: db)
                out.append(after)
            }
            return out
        }
    }

    /// Moves an active case between open and pending customer.
    public func setStatus(caseID: Int64, _ status: CaseStatus, as p: Principal) async throws -> ServiceCase {
        guard status == .open || status == .pendingCustomer else {
            throw Self.invalid(
                "status", "invalid",
                "set open or pending_customer here; escalate, resolve, close and reopen have their own actions")
        }
        return try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status.isActive else {
                throw StoreError.conflict(field: "status", message: "case \(c.reference) is \(c.status.rawValue)")
            }
            var set = Self.slaChange(c, to: status, now: Timestamp.now())
            set["status"] = .string(status.rawValue)
            try await Self.touch(caseID, by: p.userID, set, on: db)
            try await CaseRows.addEvent(caseID, "status", detail: status.rawValue, actor: p.userID, on: db)
            return try await CaseRows.require(id: caseID, on: db)
        }
    }

    /// A new priority restarts nothing but moves the due times to the new targets, counted from when the case opened.
    public func setPriority(caseID: Int64, _ priority: CasePriority, as p: Principal) async throws -> ServiceCase {
        try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status.isActive else {
                throw StoreError.conflict(field: "status", message: "case \(c.reference) is \(c.status.rawValue)")
            }
            let target = try await Self.slaTargets(on: db)[priority] ?? SLATarget.defaultTarget(for: priority)
            var sla = CaseSLA.start(openedAt: c.createdAt, target: target, pausedMilliseconds: c.sla.pausedMilliseconds)
            (sla.firstRespondedAt, sla.pausedAt) = (c.sla.firstRespondedAt, c.sla.pausedAt)
            try await Self.touch(
                caseID, by: p.userID,
                [
                    "priority": .string(priority.rawValue), "first_response_due": .string(sla.firstResponseDue),
                    "resolution_due": .string(sla.resolutionDue),
                    "next_due": sla.nextDue.map(FieldValue.string) ?? .null,
                ], on: db)
            try await CaseRows.addEvent(caseID, "priority", detail: priority.rawValue, actor: p.userID, on: db)
            return try await CaseRows.require(id: caseID, on: db)
        }
    }
}
