/// Service-level targets for one priority: minutes to the first reply and to resolution.
public struct SLATarget: Sendable, Equatable, Codable {
    public var firstResponseMinutes: Int
    public var resolutionMinutes: Int

    public init(firstResponseMinutes: Int, resolutionMinutes: Int) {
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
    }

    /// Targets are whole minutes from 1 minute to a year; the reply must be due before the resolution.
    public func validate(priority: CasePriority) -> [FieldError] {
        var errors: [FieldError] = []
        let range = 1...525_600
        if !range.contains(firstResponseMinutes) {
            errors.append(FieldError(field: "\(priority.rawValue).first_response_minutes", code: "out_of_range", message: "must be 1 to 525600"))
        }
        if !range.contains(resolutionMinutes) {
            errors.append(FieldError(field: "\(priority.rawValue).resolution_minutes", code: "out_of_range", message: "must be 1 to 525600"))
        }
        if errors.isEmpty, resolutionMinutes < firstResponseMinutes {
            errors.append(
                FieldError(field: "\(priority.rawValue).resolution_minutes", code: "invalid", message: "must not be shorter than the first response"))
        }
        return errors
    }

    /// Defaults in the range service desks commonly promise (urgent: 15 min / 4 h; low: 1 day / 5 days).
    public static let defaults: [CasePriority: SLATarget] = [
        .urgent: SLATarget(firstResponseMinutes: 15, resolutionMinutes: 240),
        .high: SLATarget(firstResponseMinutes: 60, resolutionMinutes: 1_440),
        .normal: SLATarget(firstResponseMinutes: 240, resolutionMinutes: 4_320),
        .low: SLATarget(firstResponseMinutes: 1_440, resolutionMinutes: 7_200),
    ]
}

/// A case's service-level clock: due times set when it opens (and when its priority changes), and the moments the
/// targets were met. Times are in Lore's timestamp text. Calendar time: business hours are not modelled yet.
public struct CaseSLA: Sendable, Equatable {
    public var firstResponseDue: String
    public var resolutionDue: String
    public var firstRespondedAt: String?
    public var resolvedAt: String?

    public init(firstResponseDue: String, resolutionDue: String, firstRespondedAt: String? = nil, resolvedAt: String? = nil) {
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.firstRespondedAt = firstRespondedAt
        self.resolvedAt = resolvedAt
    }

    /// Due times for a case opened at `openedAt` under `target`.
    public static func start(openedAt: String, target: SLATarget) -> CaseSLA {
        let t = Timestamp.parse(openedAt) ?? 0
        return CaseSLA(
            firstResponseDue: Timestamp.format(epochMilliseconds: t + Int64(target.firstResponseMinutes) * 60_000),
            resolutionDue: Timestamp.format(epochMilliseconds: t + Int64(target.resolutionMinutes) * 60_000))
    }

    /// The first reply was late, or is overdue now.
    public func firstResponseBreached(now: String) -> Bool { (firstRespondedAt ?? now) > firstResponseDue }
    /// The case was resolved late, or is overdue now.
    public func resolutionBreached(now: String) -> Bool { (resolvedAt ?? now) > resolutionDue }

    /// What the queue orders by: the next target still to meet (the reply, else the resolution); nil once resolved.
    public var nextDue: String? {
        if resolvedAt != nil { return nil }
        return firstRespondedAt == nil ? firstResponseDue : resolutionDue
    }
}
