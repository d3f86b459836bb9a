import LoreCore
import SQLKit

/// Reading cases, their thread and history from rows.
enum CaseRows {
    static let columns = [
        "id", "subject", "description", "account_id", "contact_id", "product_id", "channel", "priority", "status",
        "department_id",
        "assignee_id", "tier", "routing", "predicted_department_id", "routing_confidence", "first_response_due",
        "resolution_due",
        "first_responded_at", "resolved_at", "escalation_count", "resolution", "resolved_by", "created_at",
        "updated_at", "created_by",
        "sla_paused_at", "sla_paused_ms",
    ]

    static func decode(_ row: any SQLRow) throws -> ServiceCase {
        func int(_ c: String) throws -> Int64? { try SQLValues.optionalInt(row, c) }
        func text(_ c: String) throws -> String? { try SQLValues.optionalString(row, c) }
        return ServiceCase(
            id: try row.decode(column: "id", as: Int64.self),
            subject: try row.decode(column: "subject", as: String.self),
            description: try row.decode(column: "description", as: String.self), accountID: try int("account_id"),
            contactID: try int("contact_id"), productID: try int("product_id"),
            channel: CaseChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .web,
            priority: CasePriority(rawValue: try row.decode(column: "priority", as: String.self)) ?? .normal,
            status: CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            departmentID: try int("department_id"),
            assigneeID: try int("assignee_id"),
            tier: CaseTier(rawValue: try row.decode(column: "tier", as: Int.self)) ?? .agent,
            routing: RoutingSource(rawValue: try row.decode(column: "routing", as: String.self)) ?? .manual,
            predictedDepartmentID: try int("predicted_department_id"),
            routingConfidence: try row.decodeNil(column: "routing_confidence")
                ? nil : try row.decode(column: "routing_confidence", as: Double.self),
            sla: CaseSLA(
                firstResponseDue: try row.decode(column: "first_response_due", as: String.self),
                resolutionDue: try row.decode(column: "resolution_due", as: String.self),
                firstRespondedAt: try text("first_responded_at"),
                resolvedAt: try text("resolved_at"), pausedAt: try text("sla_paused_at"),
                pausedMilliseconds: try row.decode(column: "sla_paused_ms", as: Int64.self)),
            escalationCount: try row.decode(column: "escalation_count", as: Int.self),
            resolution: try text("resolution"),
            resolvedBy: try int("resolved_by"), createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self), createdBy: try int("created_by"))
    }

    static func fetch(id: Int64, on db: any SQLDatabase) async throws -> ServiceCase? {
        try await fetch(ids: [id], on: db).first
    }

    /// The case, or `notFound` (it was deleted or never existed).
    static func require(id: Int64, on db: any SQLDatabase) async throws -> ServiceCase {
        guard let c = try await fetch(id: id, on: db) else { throw StoreError.notFound(entity: "cases", id: id) }
        return c
    }

    /// Cases by id, in the order of `ids`.
    static func fetch(ids: [Int64], on db: any SQLDatabase) async throws -> [ServiceCase] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().columns(columns.map { SQLColumn($0) }).from("cases").where(
            "id", .in, SQLBind.group(ids)
        ).all()
        let byID = Dictionary(
            uniqueKeysWithValues: try rows.map { r in
                let c = try decode(r); return (c.id, c)
            })
        return ids.compactMap { byID[$0] }
    }

    static func messages(caseID: Int64, on db: any SQLDatabase) async throws -> [CaseMessage] {
        try await db.select().columns("id", "case_id", "kind", "body", "author_id", "from_address", "created_at").from(
            "case_messages"
        )
        .where("case_id", .equal, SQLBind(caseID)).orderBy("id").all()
        .map { r in
            CaseMessage(
                id: try r.decode(column: "id", as: Int64.self), caseID: caseID,
                kind: CaseMessage.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .note,
                body: try r.decode(column: "body", as: String.self),
                authorID: try SQLValues.optionalInt(r, "author_id"),
                fromAddress: try SQLValues.optionalString(r, "from_address"),
                createdAt: try r.decode(column: "created_at", as: String.self))
        }
    }

    static func events(caseID: Int64, on db: any SQLDatabase) async throws -> [CaseEvent] {
        try await db.select().columns("id", "kind", "detail", "actor_id", "created_at").from("case_events")
            .where("case_id", .equal, SQLBind(caseID)).orderBy("id").all()
            .map { r in
                CaseEvent(
                    id: try r.decode(column: "id", as: Int64.self), caseID: caseID,
                    kind: try r.decode(column: "kind", as: String.self),
                    detail: try SQLValues.optionalString(r, "detail"),
                    actorID: try SQLValues.optionalInt(r, "actor_id"),
                    createdAt: try r.decode(column: "created_at", as: String.self))
            }
    }

    static func addEvent(_ caseID: Int64, _ kind: String, detail: String? = nil, actor: Int64?, on db: any SQLDatabase)
        async throws
    {
        try await db.insert(into: "case_events").columns("case_id", "kind", "detail", "actor_id", "created_at")
            .values(
                SQLBind(caseID), SQLBind(kind), ArticleWrites.optional(detail), ArticleWrites.optional(actor),
                SQLBind(Timestamp.now())
            ).run()
    }

    static func addMessage(
        _ caseID: Int64, kind: CaseMessage.Kind, body: String, author: Int64?, from: String? = nil,
        messageID: String? = nil, on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "case_messages").columns(
            "case_id", "kind", "body", "author_id", "from_address", "message_id", "created_at"
        )
        .values(
            SQLBind(caseID), SQLBind(kind.rawValue), SQLBind(body), ArticleWrites.optional(author),
            ArticleWrites.optional(from),
            ArticleWrites.optional(messageID), SQLBind(Timestamp.now())
        ).run()
    }
}

/// Case visibility in SQL, the same rule as ``CasePolicy/canRead`` (the tests check they agree).
enum CaseFilters {
    static func visible(_ p: Principal) -> SQLQueryString {
        guard p.role.isStaff else { return "1 = 0" }
        if CasePolicy.seesAll(p) { return "1 = 1" }
        var own: SQLQueryString = "(c.assignee_id = \(bind: p.userID) OR c.created_by = \(bind: p.userID)"
        if CasePolicy.serviceRoles.contains(p.role) {
            own = own + " OR c.department_id IS NULL"
            if let d = p.departmentID { own = own + " OR c.department_id = \(bind: d)" }
        }
        return own + ")"
    }
}
