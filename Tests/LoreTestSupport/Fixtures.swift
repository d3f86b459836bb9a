import LoreCore
import LoreStore

/// A small organisation for access tests: two departments, three teams, and a user in every role.
public struct Fixtures: Sendable {
    public var admin: Principal
    public var manager: Principal
    /// Sales rep in team North (department Sales).
    public var rep: Principal
    /// Another sales rep in team North.
    public var repTeammate: Principal
    /// Sales rep in team South (department Sales).
    public var otherRep: Principal
    /// Agent in team Service (department Service).
    public var agent: Principal
    public var seniorAgent: Principal
    public var knowledgeManager: Principal
    /// Manager of department Service.
    public var serviceManager: Principal

    /// A fixed hash that is never checked in store tests; server tests use real bcrypt hashes.
    public static let dummyHash = "$2b$04$abcdefghijklmnopqrstuu5n3f3T7mUDoYl4gnu0b7tq8xG0w1o5e"

    public static func make(_ db: any LoreDatabase, passwordHash: String = dummyHash) async throws -> Fixtures {
        let users = UserRepository(database: db)
        let records = RecordRepository(database: db)
        let root = try await users.create(
            email: "admin@lore.test", name: "Admin", role: .admin, teamID: nil, passwordHash: passwordHash)
        let rootP = Principal(
            userID: root.id, name: root.name, email: root.email, role: .admin, teamID: nil, departmentID: nil)
        let sales = try await records.create(Catalog["departments"], values: ["name": .string("Sales 销售部")], as: rootP)
        let service = try await records.create(
            Catalog["departments"], values: ["name": .string("Service 客服部")], as: rootP)
        func team(_ name: String, _ dept: Record) async throws -> Record {
            try await records.create(
                Catalog["teams"], values: ["name": .string(name), "department_id": .int(dept.id)], as: rootP)
        }
        let north = try await team("North", sales)
        let south = try await team("South", sales)
        let desk = try await team("Service desk", service)
        func user(_ email: String, _ role: Role, _ team: Record?) async throws -> Principal {
            let u = try await users.create(
                email: email, name: email.components(separatedBy: "@")[0], role: role, teamID: team?.id,
                passwordHash: passwordHash)
            return try await users.principal(userID: u.id)!
        }
        return Fixtures(
            admin: try await users.principal(userID: root.id)!,
            manager: try await user("manager@lore.test", .manager, north),
            rep: try await user("rep@lore.test", .salesRep, north),
            repTeammate: try await user("mate@lore.test", .salesRep, north),
            otherRep: try await user("south@lore.test", .salesRep, south),
            agent: try await user("agent@lore.test", .agent, desk),
            seniorAgent: try await user("senior@lore.test", .seniorAgent, desk),
            knowledgeManager: try await user("km@lore.test", .knowledgeManager, desk),
            serviceManager: try await user("svcmanager@lore.test", .manager, desk))
    }
}
