import LoreCore
import SQLKit

/// Queues and lists: per department and tier ordered by the next SLA due time, my cases, triage, and everything.
public enum CaseQueue: Sendable, Equatable {
    /// Active cases of a department at a tier.
    case department(Int64, tier: CaseTier)
    /// Active cases assigned to the principal.
    case mine
    /// Active cases waiting for a department (the model was unsure).
    case triage
    /// Everything the principal can see, any status (filter by status to narrow).
    case all
}

public struct CaseListQuery: Sendable {
    public var queue: CaseQueue
    public var status: CaseStatus?
    public var priority: CasePriority?
    public var accountID: Int64?
    public var unassignedOnly: Bool
    /// Only cases still being worked (not resolved or closed), whatever the queue.
    public var activeOnly = false
    public var breachedOnly: Bool
    public var limit: Int
    public var offset: Int

    public init(
        queue: CaseQueue = .all, status: CaseStatus? = nil, priority: CasePriority? = nil, accountID: Int64? = nil,
        unassignedOnly: Bool = false,
        breachedOnly: Bool = false, limit: Int = 50, offset: Int = 0
    ) {
        self.queue = queue
        self.status = status
        self.priority = priority
        self.accountID = accountID
        self.unassignedOnly = unassignedOnly
        self.breachedOnly = breachedOnly
        self.limit = limit
        self.offset = offset
    }
}

extension CaseRepository {
    public func list(_ q: CaseListQuery, as p: Principal) async throws -> (cases: [ServiceCase], total: Int) {
        try await database.read { db in
            var cond = CaseFilters.visible(p)
            let active: SQLQueryString = "c.status NOT IN ('resolved', 'closed')"
            switch q.queue {
            case .department(let d, let tier):
                cond = cond + " AND c.department_id = \(bind: d) AND c.tier = \(bind: tier.rawValue) AND " + active
            case .mine: cond = cond + " AND c.assignee_id = \(bind: p.userID) AND " + active
            case .triage: cond = cond + " AND c.department_id IS NULL AND " + active
            case .all: break
            }
            if let s = q.status { cond = cond + " AND c.status = \(bind: s.rawValue)" }
            if let pr = q.priority { cond = cond + " AND c.priority = \(bind: pr.rawValue)" }
            if let a = q.accountID { cond = cond + " AND c.account_id = \(bind: a)" }
            if q.unassignedOnly { cond = cond + " AND c.assignee_id IS NULL" }
            if q.activeOnly { cond = cond + " AND " + active }
            if q.breachedOnly { cond = cond + " AND c.next_due < \(bind: Timestamp.now())" }
            let total = try await db.raw("SELECT COUNT(*) AS n FROM cases c WHERE \(cond)").first().orMissing("a count")
                .decode(
                    column: "n", as: Int.self)
            // Queues serve the most urgent first; the full list shows the newest first.
            let order: SQLQueryString =
                q.queue == .all
                ? "c.created_at DESC, c.id DESC" : "CASE WHEN c.next_due IS NULL THEN 1 ELSE 0 END, c.next_due, c.id"
            let ids = try await db.raw(
                "SELECT c.id FROM cases c WHERE \(cond) ORDER BY \(order) LIMIT \(bind: q.limit) OFFSET \(bind: q.offset)"
            )
            .all().map { try $0.decode(column: "id", as: Int64.self) }
            return (try await CaseRows.fetch(ids: ids, on: db), total)
        }
    }

    /// One queue's size, for the queue list: active cases by department and tier, and how many are overdue.
    /// Encodable as the API writes it (an item of the `CaseQueues` schema).
    public struct QueueCount: Sendable, Equatable, Encodable {
        public var departmentID: Int64?
        public var departmentName: String?
        public var tier: CaseTier
        public var active: Int
        public var overdue: Int
    }

    public func queueCounts(as p: Principal) async throws -> [QueueCount] {
        try await database.read { db in
            let rows = try await db.raw(
                """
                SELECT c.department_id, d.name, c.tier, COUNT(*) AS n, SUM(CASE WHEN c.next_due < \(bind: Timestamp.now()) THEN 1 ELSE 0 END) AS late \
                FROM cases c LEFT JOIN departments d ON d.id = c.department_id WHERE \(CaseFilters.visible(p)) \
                AND c.status NOT IN ('resolved', 'closed') GROUP BY c.department_id, d.name, c.tier ORDER BY d.name, c.tier
                """
            ).all()
            return try rows.map { r in
                QueueCount(
                    departmentID: try SQLValues.optionalInt(r, "department_id"),
                    departmentName: try SQLValues.optionalString(r, "name"),
                    tier: CaseTier(rawValue: try r.decode(column: "tier", as: Int.self)) ?? .agent,
                    active: try r.decode(column: "n", as: Int.self),
                    overdue: try r.decodeNil(column: "late") ? 0 : try r.decode(column: "late", as: Int.self))
            }
        }
    }
}

extension CaseRepository {
    /// Departments and the active people who work cases, for forms and names on pages.
    public struct Directory: Sendable {
        public var departments: [(id: Int64, name: String)]
        public var agents: [(id: Int64, name: String, role: Role)]

        public func departmentName(_ id: Int64?) -> String? {
            id.flatMap { i in departments.first { $0.id == i }?.name }
        }
        public func agentName(_ id: Int64?) -> String? { id.flatMap { i in agents.first { $0.id == i }?.name } }
    }

    public func directory() async throws -> Directory {
        try await database.read { db in
            let departments = try await db.select().columns("id", "name").from("departments").where(
                SQLColumn("archived_at"), .is, SQLLiteral.null
            )
            .orderBy("name").all().map {
                (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self))
            }
            let roles = CasePolicy.serviceRoles.map(\.rawValue).sorted()
            let agents = try await db.select().columns("id", "name", "role").from("users").where(
                "active", .equal, SQLBind(true)
            )
            .where("role", .in, SQLBind.group(roles)).orderBy("name").all()
            .map {
                (
                    id: try $0.decode(column: "id", as: Int64.self),
                    name: try $0.decode(column: "name", as: String.self),
                    role: Role(rawValue: try $0.decode(column: "role", as: String.self)) ?? .agent
                )
            }
            return Directory(departments: departments, agents: agents)
        }
    }
}
