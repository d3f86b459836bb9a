import Foundation
import LoreCore
import SQLKit

/// Customer satisfaction month by month, for a manager's home page.
extension CaseRepository {
    /// One month of answered surveys on the cases the viewer may see.
    public struct SatisfactionMonth: Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        public var answered: Int
        /// The mean score (1–5); nil when no survey was answered that month.
        public var average: Double?
    }

    /// The last `months` calendar months up to `today` (`YYYY-MM-DD`), oldest first, each present even when empty.
    public func satisfactionTrend(months: Int = 6, today: String, as p: Principal) async throws -> [SatisfactionMonth] {
        let periods = Self.months(ending: String(today.prefix(7)), count: max(1, min(months, 24)))
        guard let first = periods.first else { return [] }
        let rows = try await database.read { db in
            try await db.raw(
                """
                SELECT substr(r.answered_at, 1, 7) AS month, COUNT(*) AS answered, CAST(SUM(r.score) AS BIGINT) AS total
                FROM csat_requests r JOIN cases c ON c.id = r.case_id
                WHERE r.score IS NOT NULL AND r.answered_at >= \(bind: first + "-01") AND \(CaseFilters.visible(p))
                GROUP BY substr(r.answered_at, 1, 7)
                """
            ).all()
        }
        var byMonth: [String: (Int, Int64)] = [:]
        for row in rows {
            let month = try row.decode(column: "month", as: String.self)
            byMonth[month] = (
                try row.decode(column: "answered", as: Int.self), try row.decode(column: "total", as: Int64.self)
            )
        }
        return periods.map { m in
            let (n, total) = byMonth[m] ?? (0, 0)
            return SatisfactionMonth(month: m, answered: n, average: n > 0 ? Double(total) / Double(n) : nil)
        }
    }

    /// `count` months ending with `month` (`YYYY-MM`), oldest first.
    static func months(ending month: String, count: Int) -> [String] {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return [] }
        var (y, m) = (parts[0], parts[1])
        var out: [String] = []
        for _ in 0..<count {
            out.append(String(format: "%04d-%02d", y, m))
            (y, m) = m == 1 ? (y - 1, 12) : (y, m - 1)
        }
        return out.reversed()
    }
}

extension CaseRepository {
    /// Whether any case was ever routed to the department: a manager whose department has none leads sales, not
    /// service, and their home shows no queues.
    public func departmentHandlesCases(_ departmentID: Int64) async throws -> Bool {
        try await database.read { db in
            try await db.select().column("id").from("cases").where("department_id", .equal, SQLBind(departmentID))
                .limit(1).first() != nil
        }
    }
}

extension CaseRepository {
    /// Cases for the global search box: by reference (`C-123`) or by words of the subject or description, newest
    /// first, among the cases the viewer may read.
    public func find(_ text: String, limit: Int = 10, as p: Principal) async throws -> [ServiceCase] {
        let q = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        guard !q.isEmpty else { return [] }
        let pattern = SQLValues.likePattern(q)
        var words: SQLQueryString =
            "(lower(c.subject) LIKE \(bind: pattern) ESCAPE '\\' OR lower(c.description) LIKE \(bind: pattern) ESCAPE '\\'"
        if let id = CaseReference.find(in: q) { words = words + " OR c.id = \(bind: id)" }
        let match = words + ")"
        return try await database.read { db in
            let ids = try await db.raw(
                """
                SELECT c.id FROM cases c WHERE \(CaseFilters.visible(p)) AND \(match)
                ORDER BY c.created_at DESC, c.id DESC LIMIT \(bind: max(1, min(limit, 50)))
                """
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
            return try await CaseRows.fetch(ids: ids, on: db)
        }
    }
}
