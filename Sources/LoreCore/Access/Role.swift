/// The roles a Lore user can hold. Stored by raw value.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin
    case manager
    case knowledgeManager = "knowledge_manager"
    case seniorAgent = "senior_agent"
    case agent
    case salesRep = "sales_rep"
    /// A portal customer: signs in to read the knowledge meant for their account (and, later, open cases).
    case customer

    /// Roles that see records by team ownership only (their own and their team's).
    public var isTeamScoped: Bool {
        switch self {
        case .admin, .manager: false
        default: true
        }
    }
}

extension Role {
    /// Everyone who works for the company, as opposed to portal customers.
    public static let staff: [Role] = allCases.filter { $0 != .customer }

    public var isStaff: Bool { self != .customer }
}
