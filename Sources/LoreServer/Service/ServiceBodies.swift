import LoreCore
import LoreStore

/// The service desk's settings: SLA targets by priority and the routing confidence threshold.
struct ServiceSettingsBody: Encodable {
    struct Target: Encodable {
        var firstResponseMinutes: Int
        var resolutionMinutes: Int
    }

    /// Keyed by priority (`low`, `normal`, `high`, `urgent`).
    var sla: [String: Target]
    var routingThreshold: Double

    init(_ targets: [CasePriority: SLATarget], threshold: Double) {
        sla = Dictionary(
            uniqueKeysWithValues: targets.map {
                (
                    $0.key.rawValue,
                    Target(
                        firstResponseMinutes: $0.value.firstResponseMinutes,
                        resolutionMinutes: $0.value.resolutionMinutes)
                )
            })
        routingThreshold = threshold
    }
}

/// A satisfaction survey as the customer's link shows it.
struct SurveyBody: Encodable {
    var caseReference: String
    var subject: String
    var score: Int?
    var expired: Bool

    init(_ s: CaseRepository.Survey) {
        (caseReference, subject, score, expired) = (s.caseReference, s.subject, s.score, s.expired)
    }
}

/// The routing model's cross-validated accuracy, overall and by department (four decimals).
struct RoutingReportBody: Encodable {
    struct Department: Encodable {
        var departmentID: Int64
        var name: String
        var cases: Int
        var correct: Int
        var accuracy: Double
    }

    var cases: Int
    var accuracy: Double
    var folds: Int
    var threshold: Double
    var departments: [Department]

    init(_ r: CaseRepository.RoutingReport) {
        (cases, folds, threshold) = (r.cases, r.folds, r.threshold)
        accuracy = Self.rounded(r.accuracy)
        departments = r.departments.map { d in
            Department(
                departmentID: d.id, name: d.name, cases: d.cases, correct: d.correct,
                accuracy: d.cases == 0 ? 0 : Self.rounded(Double(d.correct) / Double(d.cases)))
        }
    }

    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
