import LoreCore
import SQLKit

/// Opening a case: references checked, SLA clock started, department routed (chosen, predicted, or triage).
extension CaseRepository {
    /// Where an opened case came from when it is not typed in by staff: the customer's first message goes in the thread.
    public struct Origin: Sendable {
        public var fromAddress: String?
        public var messageID: String?
        public init(fromAddress: String?, messageID: String?) {
            self.fromAddress = fromAddress
            self.messageID = messageID
        }
    }

    public func create(_ input: CaseInput, origin: Origin? = nil, as p: Principal) async throws -> ServiceCase {
        guard CasePolicy.canCreate(p) else {
            throw AccessRefusal.forbidden("portal customers cannot open cases here yet")
        }
        var checked = input
        let errors = checked.validate()
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
        let input = checked
        let cache = routing
        // The model is brought up to date before the transaction: retraining must not hold the write lock.
        let model = input.departmentID == nil ? try await cache.current(database: database) : RoutingModel()
        let (c, change, version) = try await database.write { db -> (ServiceCase, RoutingModelCache.Change?, Int64) in
            var input = input
            try await Self.checkReferences(&input, on: db)
            if let a = input.assigneeID, a != p.userID, !CasePolicy.canAssignOthers(p) {
                throw AccessRefusal.forbidden("only managers and senior agents assign cases to others")
            }
            let now = Timestamp.now()
            let sla = CaseSLA.start(
                openedAt: now,
                target: try await Self.slaTargets(on: db)[input.priority]
                    ?? SLATarget.defaultTarget(for: input.priority))
            let text = CaseRouting.text(subject: input.subject, description: input.description)
            let decision = try await CaseRouting.decide(
                chosen: input.departmentID, best: { model.predict(text).first },
                threshold: { try await Self.routingThreshold(on: db) },
                departmentExists: { try await Self.departmentExists($0, on: db) })
            let id = try await Self.insertRow(input, decision: decision, sla: sla, now: now, by: p, on: db)
            if let origin {
                try await CaseRows.addMessage(
                    id, kind: .customer, body: input.description, author: nil, from: origin.fromAddress,
                    messageID: origin.messageID, on: db)
            }
            try await CaseRows.addEvent(id, "created", detail: input.channel.rawValue, actor: p.userID, on: db)
            let detail = [
                decision.source.rawValue, decision.predictedDepartmentID.map(String.init) ?? "-",
                decision.confidence.map { String(format: "%.3f", $0) } ?? "-",
            ]
            try await CaseRows.addEvent(id, "routed", detail: detail.joined(separator: " "), actor: p.userID, on: db)
            let c = try await CaseRows.require(id: id, on: db)
            try await Self.audit(c, "create", by: p, on: db)
            guard let department = decision.trainingLabel else { return (c, nil, 0) }
            return (
                c, RoutingModelCache.Change(add: (c.text, department)), try await RoutingModelCache.bumpVersion(on: db)
            )
        }
        if let change { await cache.apply(change, newVersion: version) }
        return c
    }

    /// The case's row, new or open (when assigned) at tier 1 with its routing and SLA clocks; returns its id.
    static func insertRow(
        _ input: CaseInput, decision: CaseRouting.Decision, sla: CaseSLA, now: String, by p: Principal,
        on db: any SQLDatabase
    ) async throws -> Int64 {
        let row = try await db.insert(into: "cases")
            .columns(
                "created_at", "updated_at", "created_by", "updated_by", "subject", "description", "account_id",
                "contact_id",
                "product_id", "channel", "priority", "status", "department_id", "assignee_id", "tier", "routing",
                "predicted_department_id", "routing_confidence", "training_label", "first_response_due",
                "resolution_due",
                "next_due", "escalation_count", "reuse_count"
            )
            .values(
                SQLBind(now), SQLBind(now), SQLBind(p.userID), SQLBind(p.userID), SQLBind(input.subject),
                SQLBind(input.description), ArticleWrites.optional(input.accountID),
                ArticleWrites.optional(input.contactID),
                ArticleWrites.optional(input.productID), SQLBind(input.channel.rawValue),
                SQLBind(input.priority.rawValue),
                SQLBind((input.assigneeID == nil ? CaseStatus.new : .open).rawValue),
                ArticleWrites.optional(decision.departmentID), ArticleWrites.optional(input.assigneeID),
                SQLBind(CaseTier.agent.rawValue), SQLBind(decision.source.rawValue),
                ArticleWrites.optional(decision.predictedDepartmentID),
                decision.confidence.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                ArticleWrites.optional(decision.trainingLabel), SQLBind(sla.firstResponseDue),
                SQLBind(sla.resolutionDue),
                SQLBind(sla.firstResponseDue), SQLBind(0), SQLBind(0)
            )
            .returning("id").first()
        return try row.orMissing("the new row's id").decode(column: "id", as: Int64.self)
    }

    static func departmentExists(_ id: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("id").from("departments").where("id", .equal, SQLBind(id)).where(
            SQLColumn("archived_at"), .is, SQLLiteral.null
        )
        .first() != nil
    }

    /// Every reference must exist; a contact's account fills in a missing account, and must agree with a given one.
    static func checkReferences(_ input: inout CaseInput, on db: any SQLDatabase) async throws {
        var errors: [FieldError] = []
        func exists(_ table: String, _ id: Int64) async throws -> Bool {
            try await db.select().column("id").from(table).where("id", .equal, SQLBind(id)).first() != nil
        }
        for (field, table, id) in [
            ("account_id", "accounts", input.accountID), ("product_id", "products", input.productID),
            ("department_id", "departments", input.departmentID),
        ] {
            if let id, try await !exists(table, id) {
                errors.append(FieldError(field: field, code: "invalid_reference", message: "no \(table) with id \(id)"))
            }
        }
        if let contact = input.contactID {
            if let row = try await db.select().column("account_id").from("contacts").where(
                "id", .equal, SQLBind(contact)
            ).first() {
                let account = try SQLValues.optionalInt(row, "account_id")
                if input.accountID == nil {
                    input.accountID = account
                } else if let account, account != input.accountID {
                    errors.append(
                        FieldError(
                            field: "contact_id", code: "mismatch",
                            message: "contact \(contact) belongs to another account"))
                }
            } else {
                errors.append(
                    FieldError(
                        field: "contact_id", code: "invalid_reference", message: "no contacts with id \(contact)"))
            }
        }
        if let a = input.assigneeID {
            let row = try await db.select().columns("role", "active").from("users").where("id", .equal, SQLBind(a))
                .first()
            let role = try row.flatMap { Role(rawValue: try $0.decode(column: "role", as: String.self)) }
            let active = try row?.decode(column: "active", as: Bool.self) ?? false
            if role == nil || !active {
                errors.append(
                    FieldError(field: "assignee_id", code: "invalid_reference", message: "no active user with id \(a)"))
            } else if let role, !CasePolicy.mayHandle(tier: .agent, role: role) {
                errors.append(
                    FieldError(field: "assignee_id", code: "invalid", message: "user \(a) does not work cases"))
            }
        }
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
    }
}
