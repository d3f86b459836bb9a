import LoreCore
import SQLKit

/// The service desk's cases (see `CaseRepository+*.swift`): opening and routing, the thread, assignment, escalation,
/// resolution with captured solutions, suggestions, satisfaction surveys and the loop figures.
/// Reads apply ``CasePolicy``: a case the principal may not read is reported as not found.
public struct CaseRepository: Sendable {
    public let database: any LoreDatabase
    public let routing: RoutingModelCache
    let knowledge: KnowledgeRepository
    /// Prefix of links sent to customers (the CSAT survey), e.g. `https://support.example.com`.
    let publicURL: String

    /// The solved cases' full-text index.
    var index: any FullTextIndex { database.fullTextIndex(.cases) }

    public init(database: any LoreDatabase, routing: RoutingModelCache = RoutingModelCache(), publicURL: String = "") {
        self.database = database
        self.routing = routing
        self.knowledge = KnowledgeRepository(database: database)
        self.publicURL = publicURL
    }

    public func get(id: Int64, as p: Principal) async throws -> ServiceCase {
        try await database.pointRead { db in try await Self.visible(id: id, principal: p, on: db) }
    }

    /// A case with its thread, history and recorded solutions.
    public struct Detail: Sendable {
        public var serviceCase: ServiceCase
        public var messages: [CaseMessage]
        public var events: [CaseEvent]
        public var solutions: [(kind: String, targetID: Int64)]
        /// The candidate solution captured when this case was resolved, if any.
        public var capturedArticleID: Int64?
    }

    public func detail(id: Int64, as p: Principal) async throws -> Detail {
        try await database.read { db in
            let c = try await Self.visible(id: id, principal: p, on: db)
            let solutions = try await db.select().columns("kind", "target_id").from("case_solutions").where(
                "case_id", .equal, SQLBind(id)
            )
            .orderBy("created_at").all().map {
                (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "target_id", as: Int64.self))
            }
            let captured = try await db.select().column("id").from("articles").where(
                "source_case_id", .equal, SQLBind(id)
            ).orderBy("id").first()
            return Detail(
                serviceCase: c, messages: try await CaseRows.messages(caseID: id, on: db),
                events: try await CaseRows.events(caseID: id, on: db),
                solutions: solutions, capturedArticleID: try captured?.decode(column: "id", as: Int64.self))
        }
    }

    static func visible(id: Int64, principal p: Principal, on db: any SQLDatabase) async throws -> ServiceCase {
        guard let c = try await CaseRows.fetch(id: id, on: db), CasePolicy.canRead(c, principal: p) else {
            throw StoreError.notFound(entity: "cases", id: id)
        }
        return c
    }

    /// A visible case the principal may work on, else 403 (visible, not allowed) or 404.
    static func workable(id: Int64, principal p: Principal, on db: any SQLDatabase) async throws -> ServiceCase {
        let c = try await visible(id: id, principal: p, on: db)
        guard CasePolicy.canWork(c, principal: p) else {
            throw AccessRefusal.forbidden("you may not work on case \(c.reference)")
        }
        return c
    }

    static func invalid(_ field: String, _ code: String, _ message: String) -> StoreError {
        .invalid(ValidationFailure([FieldError(field: field, code: code, message: message)]))
    }

    /// Records an audited change to a case and bumps its update time.
    static func touch(_ id: Int64, by actor: Int64, _ set: [String: FieldValue], on db: any SQLDatabase) async throws {
        var b = db.update("cases").where("id", .equal, SQLBind(id)).set("updated_at", to: SQLBind(Timestamp.now()))
            .set("updated_by", to: SQLBind(actor))
        for (k, v) in set.sorted(by: { $0.key < $1.key }) { b = b.set(SQLColumn(k), to: SQLValues.expression(v)) }
        try await b.run()
    }

    /// The SLA columns to write as a case moves to `status`: the clock stops on entering pending customer and
    /// restarts on leaving it, with the targets still to meet moved later by the wait. Callers' own columns win.
    static func slaChange(_ c: ServiceCase, to status: CaseStatus, now: String) -> [String: FieldValue] {
        let wasWaiting = c.status == .pendingCustomer
        let willWait = status == .pendingCustomer
        if !wasWaiting && willWait { return ["sla_paused_at": .string(now), "next_due": .null] }
        guard wasWaiting && !willWait else { return [:] }
        let sla = c.sla.resuming(at: now)
        return [
            "sla_paused_at": .null, "sla_paused_ms": .int(sla.pausedMilliseconds),
            "first_response_due": .string(sla.firstResponseDue),
            "resolution_due": .string(sla.resolutionDue), "next_due": sla.nextDue.map(FieldValue.string) ?? .null,
        ]
    }

    static func audit(
        _ c: ServiceCase, _ action: String, by p: Principal, changes: [String: [FieldValue]] = [:],
        on db: any SQLDatabase
    )
        async throws
    {
        try await AuditLog.record(
            on: db, userID: p.userID, entity: "cases", entityID: c.id, action: action,
            summary: c.reference + " " + c.subject, changes: changes)
    }
}
