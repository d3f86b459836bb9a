/// Where a case is in its life. `escalated` waits in a senior queue; `pending_customer` waits on the customer.
public enum CaseStatus: String, Sendable, CaseIterable, Codable {
    case new
    case open
    case pendingCustomer = "pending_customer"
    case escalated
    case resolved
    case closed

    /// Still needs work from the service desk (counts in queues and against the resolution SLA).
    public var isActive: Bool { self != .resolved && self != .closed }
}

public enum CasePriority: String, Sendable, CaseIterable, Codable {
    case low, normal, high, urgent
}

public enum CaseChannel: String, Sendable, CaseIterable, Codable {
    case phone, email, web, portal, chat
}

/// Support tiers: 1 agents, 2 senior agents, 3 experts.
public enum CaseTier: Int, Sendable, CaseIterable, Codable, Comparable {
    case agent = 1
    case senior = 2
    case expert = 3

    public static func < (a: CaseTier, b: CaseTier) -> Bool { a.rawValue < b.rawValue }
    public var next: CaseTier? { CaseTier(rawValue: rawValue + 1) }
}

/// How a case got its department.
public enum RoutingSource: String, Sendable, Codable {
    /// Chosen by whoever opened the case.
    case manual
    /// Predicted by the routing model with enough confidence.
    case model
    /// The model was unsure (or untrained): the case waits in the triage queue.
    case triage
    /// Moved by a manager.
    case rerouted
}

/// A service case as stored.
public struct ServiceCase: Sendable, Equatable {
    public var id: Int64
    public var subject: String
    public var description: String
    public var accountID: Int64?
    public var contactID: Int64?
    public var productID: Int64?
    public var channel: CaseChannel
    public var priority: CasePriority
    public var status: CaseStatus
    public var departmentID: Int64?
    public var assigneeID: Int64?
    public var tier: CaseTier
    public var routing: RoutingSource
    /// The model's guess and its confidence (kept even when the case went to triage).
    public var predictedDepartmentID: Int64?
    public var routingConfidence: Double?
    public var sla: CaseSLA
    public var escalationCount: Int
    public var resolution: String?
    public var resolvedBy: Int64?
    public var createdAt: String
    public var updatedAt: String
    public var createdBy: Int64?

    public init(
        id: Int64, subject: String, description: String, accountID: Int64?, contactID: Int64?, productID: Int64?,
        channel: CaseChannel,
        priority: CasePriority, status: CaseStatus, departmentID: Int64?, assigneeID: Int64?, tier: CaseTier,
        routing: RoutingSource,
        predictedDepartmentID: Int64?, routingConfidence: Double?, sla: CaseSLA, escalationCount: Int,
        resolution: String?, resolvedBy: Int64?,
        createdAt: String, updatedAt: String, createdBy: Int64?
    ) {
        self.id = id
        self.subject = subject
        self.description = description
        self.accountID = accountID
        self.contactID = contactID
        self.productID = productID
        self.channel = channel
        self.priority = priority
        self.status = status
        self.departmentID = departmentID
        self.assigneeID = assigneeID
        self.tier = tier
        self.routing = routing
        self.predictedDepartmentID = predictedDepartmentID
        self.routingConfidence = routingConfidence
        self.sla = sla
        self.escalationCount = escalationCount
        self.resolution = resolution
        self.resolvedBy = resolvedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
    }

    /// The reference customers see and quote in e-mail subjects, e.g. `C-1042`.
    public var reference: String { CaseReference.format(id) }

    /// The text the routing model and suggestions read.
    public var text: String { CaseRouting.text(subject: subject, description: description) }
}

/// Case references in e-mail subjects: `[C-1042]`.
public enum CaseReference {
    public static func format(_ id: Int64) -> String { "C-\(id)" }

    /// The case id quoted in a subject as `[C-123]` (or `C-123` on its own), if any.
    public static func find(in subject: String) -> Int64? {
        let chars = Array(subject.unicodeScalars)
        var i = 0
        while i + 2 < chars.count {
            let before = i == 0 ? " " : Character(chars[i - 1])
            if (chars[i] == "C" || chars[i] == "c"), chars[i + 1] == "-", !(before.isLetter || before.isNumber) {
                var j = i + 2
                var digits = ""
                while j < chars.count, ("0"..."9").contains(chars[j]), digits.count < 18 {
                    digits.unicodeScalars.append(chars[j])
                    j += 1
                }
                let after = j < chars.count ? Character(chars[j]) : " "
                if !digits.isEmpty, !(after.isLetter || after.isNumber), let id = Int64(digits), id > 0 { return id }
            }
            i += 1
        }
        return nil
    }
}
