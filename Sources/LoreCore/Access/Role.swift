/// The roles a Lore user can hold. Stored by raw value.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin
    case manager
    case knowledgeManager = "knowledge_manager"
    case seniorAgent = "senior_agent"
    case agent
    case salesRep = "sales_rep"

    /// Roles that see records by team ownership only (their own and their team's).
    public var isTeamScoped: Bool {
        switch self {
        case .admin, .manager: false
        default: true
        }
    }
}
