import Foundation

/// What a person (or an e-mail) supplies to open a case. Department may be left out: the routing model picks one.
public struct CaseInput: Sendable, Equatable {
    public var subject: String
    public var description: String
    public var accountID: Int64?
    public var contactID: Int64?
    public var productID: Int64?
    public var channel: CaseChannel
    public var priority: CasePriority
    public var departmentID: Int64?
    public var assigneeID: Int64?

    public init(
        subject: String, description: String, accountID: Int64? = nil, contactID: Int64? = nil, productID: Int64? = nil,
        channel: CaseChannel = .web, priority: CasePriority = .normal, departmentID: Int64? = nil,
        assigneeID: Int64? = nil
    ) {
        self.subject = subject
        self.description = description
        self.accountID = accountID
        self.contactID = contactID
        self.productID = productID
        self.channel = channel
        self.priority = priority
        self.departmentID = departmentID
        self.assigneeID = assigneeID
    }

    public static let maximumSubjectLength = 300
    public static let maximumDescriptionLength = 100_000

    /// Trims the subject and reports every problem by field.
    public mutating func validate() -> [FieldError] {
        var errors: [FieldError] = []
        TextRule.check(
            subject, field: "subject", maxLength: Self.maximumSubjectLength, multiLine: false, required: true,
            into: &errors)
        TextRule.check(
            description, field: "description", maxLength: Self.maximumDescriptionLength, multiLine: true,
            required: false, into: &errors)
        subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        return errors
    }
}

/// One entry in a case's thread: a reply the customer sees, an internal note, or the customer's own message.
public struct CaseMessage: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// From staff, visible to the customer (and the first one meets the first-response target).
        case reply
        /// Staff only.
        case note
        /// From the customer (an e-mail, a portal message).
        case customer
    }

    public var id: Int64
    public var caseID: Int64
    public var kind: Kind
    public var body: String
    public var authorID: Int64?
    /// For customer messages: who wrote (an e-mail address or a name).
    public var fromAddress: String?
    public var createdAt: String

    public init(
        id: Int64, caseID: Int64, kind: Kind, body: String, authorID: Int64?, fromAddress: String?, createdAt: String
    ) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.body = body
        self.authorID = authorID
        self.fromAddress = fromAddress
        self.createdAt = createdAt
    }

    public var isCustomerVisible: Bool { kind != .note }
}

/// Something that happened to a case, for its history and the escalation-loop figures.
public struct CaseEvent: Sendable, Equatable {
    public var id: Int64
    public var caseID: Int64
    /// created, routed, assigned, status, escalated, resolved, reopened, closed, rerouted, solved_with, csat.
    public var kind: String
    public var detail: String?
    public var actorID: Int64?
    public var createdAt: String

    public init(id: Int64, caseID: Int64, kind: String, detail: String?, actorID: Int64?, createdAt: String) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.detail = detail
        self.actorID = actorID
        self.createdAt = createdAt
    }
}
