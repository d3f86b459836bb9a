import Hummingbird
import HummingbirdCore
import LoreCore
import LoreStore

/// Query strings of the case routes: bad values are 400s that say what is wrong.
enum CaseQueryParser {
    static func listQuery(_ params: FlatDictionary<Substring, Substring>) throws -> CaseListQuery {
        let paging = try KnowledgeQuery.paging(params, defaultLimit: 50)
        var q = CaseListQuery(limit: paging.limit, offset: paging.offset)
        switch params.get("queue") ?? "all" {
        case "all": q.queue = .all
        case "mine": q.queue = .mine
        case "triage": q.queue = .triage
        case "department":
            guard let d = try KnowledgeQuery.int(params, "department_id") else {
                throw Problem.badRequest("queue=department needs department_id")
            }
            var tier = CaseTier.agent
            if let s = params.get("tier") {
                guard let n = Int(s), let t = CaseTier(rawValue: n) else {
                    throw Problem.badRequest("tier must be 1, 2 or 3")
                }
                tier = t
            }
            q.queue = .department(d, tier: tier)
        default: throw Problem.badRequest("queue must be one of all, mine, triage, department")
        }
        if let s = params.get("status"), !s.isEmpty {
            guard let v = CaseStatus(rawValue: s) else {
                throw Problem.badRequest(
                    "status must be one of " + CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            q.status = v
        }
        if let s = params.get("priority"), !s.isEmpty {
            guard let v = CasePriority(rawValue: s) else {
                throw Problem.badRequest("priority must be one of low, normal, high, urgent")
            }
            q.priority = v
        }
        q.accountID = try KnowledgeQuery.int(params, "account_id")
        q.unassignedOnly = try flag(params, "unassigned")
        q.breachedOnly = try flag(params, "breached")
        return q
    }

    static func flag(_ params: FlatDictionary<Substring, Substring>, _ key: String) throws -> Bool {
        guard let s = params.get(key), !s.isEmpty else { return false }
        switch s {
        case "true", "1": return true
        case "false", "0": return false
        default: throw Problem.badRequest("\(key) must be true or false")
        }
    }
}

enum LoopQuery {
    /// `from`/`to` dates (default: the last twelve months) and `bucket` (month, or day for ranges up to 92 days).
    static func parse(_ params: FlatDictionary<Substring, Substring>) throws -> (String, String, CaseRepository.Bucket)
    {
        let today = String(Timestamp.now().prefix(10))
        let to = params.get("to") ?? today
        guard let end = Timestamp.days(ofDate: to) else { throw Problem.badRequest("to must be a date YYYY-MM-DD") }
        let from = params.get("from") ?? String(Timestamp.date(fromDays: end - 364).prefix(7)) + "-01"
        guard let start = Timestamp.days(ofDate: from) else {
            throw Problem.badRequest("from must be a date YYYY-MM-DD")
        }
        guard start <= end else { throw Problem.badRequest("from must not be after to") }
        guard end - start <= 3_660 else { throw Problem.badRequest("the range may be at most ten years") }
        let bucket = CaseRepository.Bucket(rawValue: params.get("bucket") ?? "month")
        guard let bucket else { throw Problem.badRequest("bucket must be day or month") }
        if bucket == .day, end - start > 92 { throw Problem.badRequest("bucket=day covers at most 92 days") }
        return (from, to, bucket)
    }

    static func encode(_ p: CaseRepository.LoopPeriod) -> JSONValue {
        .object([
            "period": .string(p.period), "escalations": .int(Int64(p.escalations)),
            "solutions_captured": .int(Int64(p.solutionsCaptured)),
            "reuses": .int(Int64(p.reuses)), "solved_without_escalation": .int(Int64(p.solvedWithoutEscalation)),
            "resolved": .int(Int64(p.resolved)),
        ])
    }
}
