import LoreCore
import SQLKit

/// The escalation loop as figures, and routing accuracy.
extension CaseRepository {
    /// One period of the loop: escalations → solutions captured → reuses of captured solutions → cases resolved
    /// without escalation.
    public struct LoopPeriod: Sendable, Equatable {
        public var period: String
        public var escalations: Int
        public var solutionsCaptured: Int
        public var reuses: Int
        public var solvedWithoutEscalation: Int
        public var resolved: Int
    }

    public enum Bucket: String, Sendable {
        case day, month
        var length: Int { self == .day ? 10 : 7 }
    }

    /// Figures per day or month between two dates (inclusive, `YYYY-MM-DD`), over the cases the principal can see.
    public func loopFigures(from: String, to: String, bucket: Bucket, as p: Principal) async throws -> [LoopPeriod] {
        guard Timestamp.days(ofDate: from) != nil, let end = Timestamp.days(ofDate: to) else {
            throw Self.invalid("from", "invalid_date", "from and to must be dates YYYY-MM-DD")
        }
        guard from <= to else { throw Self.invalid("to", "invalid", "must not be before from") }
        let upper = Timestamp.date(fromDays: end + 1)
        let len = bucket.length
        return try await database.read { db in
            let visible = CaseFilters.visible(p)
            func counts(_ sql: SQLQueryString) async throws -> [String: Int] {
                var out: [String: Int] = [:]
                for r in try await db.raw(sql).all() {
                    out[try r.decode(column: "period", as: String.self)] = try r.decode(column: "n", as: Int.self)
                }
                return out
            }
            func events(_ kind: String) async throws -> [String: Int] {
                try await counts(
                    """
                    SELECT SUBSTR(e.created_at, 1, \(unsafeRaw: String(len))) AS period, COUNT(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id \
                    WHERE e.kind = \(bind: kind) AND e.created_at >= \(bind: from) AND e.created_at < \(bind: upper) AND \(visible) GROUP BY 1
                    """)
            }
            let escalations = try await events("escalated")
            let captured = try await events("solution_captured")
            let reuses = try await counts(
                """
                SELECT SUBSTR(s.created_at, 1, \(unsafeRaw: String(len))) AS period, COUNT(*) AS n FROM case_solutions s \
                JOIN articles a ON a.id = s.target_id AND s.kind = 'article' JOIN cases c ON c.id = s.case_id \
                WHERE a.source_case_id IS NOT NULL AND s.created_at >= \(bind: from) AND s.created_at < \(bind: upper) AND \(visible) GROUP BY 1
                """)
            func resolved(_ extra: SQLQueryString) async throws -> [String: Int] {
                try await counts(
                    """
                    SELECT SUBSTR(c.resolved_at, 1, \(unsafeRaw: String(len))) AS period, COUNT(*) AS n FROM cases c \
                    WHERE c.resolved_at >= \(bind: from) AND c.resolved_at < \(bind: upper) AND \(visible)\(extra) GROUP BY 1
                    """)
            }
            let direct = try await resolved(" AND c.escalation_count = 0")
            let all = try await resolved("")
            return Self.periods(from: from, to: to, bucket: bucket).map { key in
                LoopPeriod(
                    period: key, escalations: escalations[key] ?? 0, solutionsCaptured: captured[key] ?? 0,
                    reuses: reuses[key] ?? 0,
                    solvedWithoutEscalation: direct[key] ?? 0, resolved: all[key] ?? 0)
            }
        }
    }

    /// Every period key between two dates, so empty periods show as zero.
    static func periods(from: String, to: String, bucket: Bucket) -> [String] {
        guard let a = Timestamp.days(ofDate: from), let b = Timestamp.days(ofDate: to) else { return [] }
        var out: [String] = []
        var d = a
        while d <= b, out.count < 1_000 {
            let key = String(Timestamp.date(fromDays: d).prefix(bucket.length))
            if out.last != key { out.append(key) }
            d += 1
        }
        return out
    }

    /// Cross-validated routing accuracy on the stored labelled cases, per department.
    public struct RoutingReport: Sendable {
        public var cases: Int
        public var accuracy: Double
        public var folds: Int
        public var departments: [(id: Int64, name: String, cases: Int, correct: Int)]
        public var threshold: Double
    }

    public func routingEvaluation(folds: Int = 5, as p: Principal) async throws -> RoutingReport {
        guard CasePolicy.canConfigure(p) || p.role == .seniorAgent else {
            throw AccessRefusal.forbidden("routing figures are for managers")
        }
        guard (2...20).contains(folds) else { throw Self.invalid("folds", "out_of_range", "must be 2 to 20") }
        let (set, names, threshold) = try await database.read { db in
            let names = Dictionary(
                uniqueKeysWithValues: try await db.select().columns("id", "name").from("departments").all()
                    .map {
                        (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self))
                    })
            return (try await RoutingModelCache.trainingSet(on: db), names, try await Self.routingThreshold(on: db))
        }
        let report = RoutingEvaluation.crossValidate(set, folds: folds)
        let departments = report.perLabel.map {
            (id: $0.key, name: names[$0.key] ?? "#\($0.key)", cases: $0.value.cases, correct: $0.value.correct)
        }
        .sorted { $0.name < $1.name }
        return RoutingReport(
            cases: report.cases, accuracy: report.accuracy, folds: min(folds, max(set.count, 1)),
            departments: departments, threshold: threshold)
    }
}
