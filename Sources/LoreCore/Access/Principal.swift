/// The authenticated user on whose behalf a request or command runs.
public struct Principal: Sendable, Equatable {
    public var userID: Int64
    public var name: String
    public var email: String
    public var role: Role
    public var teamID: Int64?
    public var departmentID: Int64?
    public var locale: String?
    /// For a portal customer, the account they belong to.
    public var accountID: Int64?

    public init(
        userID: Int64, name: String, email: String, role: Role, teamID: Int64?, departmentID: Int64?,
        locale: String? = nil, accountID: Int64? = nil
    ) {
        self.userID = userID
        self.name = name
        self.email = email
        self.role = role
        self.teamID = teamID
        self.departmentID = departmentID
        self.locale = locale
        self.accountID = accountID
    }

    /// Which owned records this principal may see: those they own (``ownership``), and the accounts and contacts of
    /// the cases they may read (``CasePolicy/canRead(_:principal:)``) — an agent answering a customer must be able to
    /// open the customer's record, though not an account no case of theirs is about.
    public var scope: AccessScope {
        let owned = ownership
        guard owned != .all, role.isStaff else { return owned }
        return .withCaseCustomers(owned, reader: self)
    }

    /// Which owned records this principal may change (and see by ownership): their own and their team's, a
    /// manager's department, or all.
    public var ownership: AccessScope {
        switch role {
        case .admin: return .all
        case .manager:
            if let departmentID { return .department(departmentID, userID: userID) }
            return .all
        default:
            return .team(teamID, userID: userID)
        }
    }
}

/// Row-level visibility of owned records.
public enum AccessScope: Sendable, Equatable {
    /// Everything (admins, and managers without a department).
    case all
    /// Records owned by a team in this department, or by the user.
    case department(Int64, userID: Int64)
    /// Records owned by the user or by the user's team.
    case team(Int64?, userID: Int64)
    /// The records of `owned`, and (read only) the accounts and contacts of the cases `reader` may read.
    indirect case withCaseCustomers(AccessScope, reader: Principal)

    /// The part of the scope that comes from ownership: what a change may touch.
    public var owned: AccessScope {
        if case .withCaseCustomers(let owned, _) = self { return owned }
        return self
    }
}
