/// What a user wants to do with a kind of record.
public enum Action: String, Sendable, CaseIterable {
    case read, create, update, delete
}

/// Role-based permissions: which roles may perform which action on an entity.
/// Row-level visibility (``AccessScope``) applies on top of these.
public enum Permissions {
    public static func allows(_ role: Role, _ action: Action, on entity: EntitySchema) -> Bool {
        if role == .admin { return true }
        let rule = entity.access
        switch action {
        case .read: return rule.read.contains(role)
        case .create: return rule.create.contains(role)
        case .update: return rule.update.contains(role)
        case .delete: return rule.delete.contains(role)
        }
    }
}

/// The roles allowed each action on one entity.
public struct AccessRule: Sendable {
    public var read: Set<Role>
    public var create: Set<Role>
    public var update: Set<Role>
    public var delete: Set<Role>

    public init(read: Set<Role>, create: Set<Role>, update: Set<Role>, delete: Set<Role>) {
        self.read = read
        self.create = create
        self.update = update
        self.delete = delete
    }

    static let everyone = Set(Role.staff)
    static let sales: Set<Role> = [.manager, .salesRep]
    static let service: Set<Role> = [.manager, .agent, .seniorAgent, .knowledgeManager, .salesRep]

    /// Customer records: everyone reads and works with them; only sales and managers delete.
    public static let customerRecord = AccessRule(read: everyone, create: everyone, update: everyone, delete: sales)
    /// Commercial records (deals, contracts, orders): sales staff write, others read.
    public static let commercial = AccessRule(read: everyone, create: sales, update: sales, delete: sales)
    /// Day-to-day activity (interactions, tasks): everyone writes, managers and sales delete.
    public static let activity = AccessRule(
        read: everyone, create: everyone, update: everyone, delete: everyone.subtracting([.agent]))
    /// Shared reference data (catalogue, competitors): managers maintain it.
    public static let referenceData = AccessRule(
        read: everyone, create: [.manager], update: [.manager], delete: [.manager])
    /// Organisation set-up: administrators only (admins pass every check).
    public static let adminOnly = AccessRule(read: everyone, create: [], update: [], delete: [])
}
