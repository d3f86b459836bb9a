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
            errors.append(
                FieldError(
                    field: "\(priority.rawValue).first_response_minutes", code: "out_of_range",
                    message: "must be 1 to 525600"))
        }
        if !range.contains(resolutionMinutes) {
            errors.append(
                FieldError(
                    field: "\(priority.rawValue).resolution_minutes", code: "out_of_range",
                    message: "must be 1 to 525600"))
        }
        if errors.isEmpty, resolutionMinutes < firstResponseMinutes {
            errors.append(
                FieldError(
                    field: "\(priority.rawValue).resolution_minutes", code: "invalid",
                    message: "must not be shorter than the first response"))
        }
        return errors
    }

    /// Defaults in the range service desks commonly promise (urgent: 15 min / 4 h; low: 1 day / 5 days).
    public static func defaultTarget(for priority: CasePriority) -> SLATarget {
        switch priority {
        case .urgent: SLATarget(firstResponseMinutes: 15, resolutionMinutes: 240)
        case .high: SLATarget(firstResponseMinutes: 60, resolutionMinutes: 1_440)
        case .normal: SLATarget(firstResponseMinutes: 240, resolutionMinutes: 4_320)
        case .low: SLATarget(firstResponseMinutes: 1_440, resolutionMinutes: 7_200)
        }
    }

    /// The defaults for every priority.
    public static var defaults: [CasePriority: SLATarget] {
        Dictionary(uniqueKeysWithValues: CasePriority.allCases.map { ($0, defaultTarget(for: $0)) })
    }
}

/// A case's service-level clock: due times set when it opens (and when its priority changes), and the moments the
/// targets were met. Times are in Lore's timestamp text. Calendar time (business hours are not modelled yet); the
/// clock stops while the case waits on the customer, and the targets still to meet move later by that wait.
public struct CaseSLA: Sendable, Equatable {
    public var firstResponseDue: String
    public var resolutionDue: String
    public var firstRespondedAt: String?
    public var resolvedAt: String?
    /// When the clock stopped (the case went to pending customer); nil while it runs.
    public var pausedAt: String?
    /// Time spent waiting on the customer in earlier pauses, already added to the due times.
    public var pausedMilliseconds: Int64

    public init(
        firstResponseDue: String, resolutionDue: String, firstRespondedAt: String? = nil, resolvedAt: String? = nil,
        pausedAt: String? = nil,
        pausedMilliseconds: Int64 = 0
    ) {
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.firstRespondedAt = firstRespondedAt
        self.resolvedAt = resolvedAt
        self.pausedAt = pausedAt
        self.pausedMilliseconds = pausedMilliseconds
    }

    /// Due times for a case opened at `openedAt` under `target`, later by any time already spent waiting on the customer.
    public static func start(openedAt: String, target: SLATarget, pausedMilliseconds: Int64 = 0) -> CaseSLA {
        let t = (Timestamp.parse(openedAt) ?? 0) + pausedMilliseconds
        return CaseSLA(
            firstResponseDue: Timestamp.format(epochMilliseconds: t + Int64(target.firstResponseMinutes) * 60_000),
            resolutionDue: Timestamp.format(epochMilliseconds: t + Int64(target.resolutionMinutes) * 60_000),
            pausedMilliseconds: pausedMilliseconds)
    }

    public var isPaused: Bool { pausedAt != nil && resolvedAt == nil }

    /// Stops the clock (already stopped: unchanged).
    public func pausing(at now: String) -> CaseSLA {
        var s = self
        if s.pausedAt == nil { s.pausedAt = now }
        return s
    }

    /// Restarts the clock: each target still to meet moves later by the time spent waiting.
    public func resuming(at now: String) -> CaseSLA {
        guard let pausedAt else { return self }
        var s = self
        s.pausedAt = nil
        guard let from = Timestamp.parse(pausedAt), let to = Timestamp.parse(now) else { return s }
        let waited = max(0, to - from)
        s.pausedMilliseconds += waited
        if firstRespondedAt == nil { s.firstResponseDue = Self.later(firstResponseDue, by: waited) }
        if resolvedAt == nil { s.resolutionDue = Self.later(resolutionDue, by: waited) }
        return s
    }

    /// The first reply was late, or is overdue now (a stopped clock reads the moment it stopped).
    public func firstResponseBreached(now: String) -> Bool { (firstRespondedAt ?? pausedAt ?? now) > firstResponseDue }
    /// The case was resolved late, or is overdue now (a stopped clock reads the moment it stopped).
    public func resolutionBreached(now: String) -> Bool { (resolvedAt ?? pausedAt ?? now) > resolutionDue }

    /// What the queue orders by: the next target still to meet (the reply, else the resolution); nil once resolved
    /// or while the clock is stopped.
    public var nextDue: String? {
        if resolvedAt != nil || pausedAt != nil { return nil }
        return firstRespondedAt == nil ? firstResponseDue : resolutionDue
    }

    private static func later(_ time: String, by ms: Int64) -> String {
        Timestamp.parse(time).map { Timestamp.format(epochMilliseconds: $0 + ms) } ?? time
    }
}
