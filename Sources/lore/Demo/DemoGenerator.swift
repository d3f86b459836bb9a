import Foundation
import LoreCore
import LoreServer
import LoreStore

/// Builds a realistic bilingual demo company into an empty database, reporting progress as it goes.
struct DemoGenerator {
    let database: any LoreDatabase
    let plan: DemoPlan
    let progress: @Sendable (String) -> Void
    var rng: SeededRandom
    let bulk: BulkWriter
    let now = Timestamp.nowMilliseconds()
    static let day: Int64 = 86_400_000

    var users: [String: Int64] = [:]
    var teamOf: [Int64: Int64] = [:]
    var reps: [Int64] = []
    var agents: [Int64] = []
    var accounts: [(id: Int64, owner: Int64, team: Int64?, name: String)] = []
    var contactsByAccount: [Int64: [Int64]] = [:]
    var products: [(id: Int64, price: Int64, launched: Int64)] = []
    var competitors: [Int64] = []
    var opportunities: [(id: Int64, account: Int64)] = []

    init(database: any LoreDatabase, plan: DemoPlan, progress: @escaping @Sendable (String) -> Void) {
        self.database = database
        self.plan = plan
        self.progress = progress
        self.rng = SeededRandom(seed: plan.seed)
        self.bulk = BulkWriter(database: database)
    }

    /// created_at, updated_at, created_by, updated_by for a row made `at` by `by`.
    func stamp(_ at: Int64, by: Int64?) -> [FieldValue] {
        let t = FieldValue.string(Timestamp.format(epochMilliseconds: at))
        let u = by.map(FieldValue.int) ?? .null
        return [t, t, u, u]
    }

    static let stampColumns = ["created_at", "updated_at", "created_by", "updated_by"]
    static let ownedColumns = stampColumns + ["owner_id", "team_id"]

    func owned(_ at: Int64, owner: Int64, team: Int64?) -> [FieldValue] {
        stamp(at, by: owner) + [.int(owner), team.map(FieldValue.int) ?? .null]
    }

    mutating func randomTime(withinDays days: Int64) -> Int64 {
        now - Int64.random(in: 0..<(days * Self.day), using: &rng)
    }

    func date(_ ms: Int64) -> FieldValue { .string(String(Timestamp.format(epochMilliseconds: ms).prefix(10))) }
    func time(_ ms: Int64) -> FieldValue { .string(Timestamp.format(epochMilliseconds: ms)) }

    mutating func run() async throws {
        let steps: [(String, (inout DemoGenerator) async throws -> Int)] = [
            ("people", { try await $0.makePeople() }), ("catalogue", { try await $0.makeCatalogue() }),
            ("accounts", { try await $0.makeAccounts() }), ("contacts", { try await $0.makeContacts() }),
            ("leads", { try await $0.makeLeads() }), ("opportunities", { try await $0.makeOpportunities() }),
            ("contracts", { try await $0.makeContracts() }), ("orders", { try await $0.makeOrders() }),
            ("interactions", { try await $0.makeInteractions() }), ("tasks", { try await $0.makeTasks() }),
            ("knowledge", { try await $0.makeKnowledge() }), ("service desk", { try await $0.makeService() }),
        ]
        for (i, (name, step)) in steps.enumerated() {
            let started = Date()
            let count = try await step(&self)
            progress(
                String(
                    format: "[%2d/%d] %-14@ %9d rows  %6.1fs", i + 1, steps.count, name as NSString, count,
                    Date().timeIntervalSince(started)))
        }
    }

    mutating func makePeople() async throws -> Int {
        var teams: [String: Int64] = [:]
        let t0 = now - Int64(plan.years) * 365 * Self.day
        for (department, teamNames) in DemoPeople.departments {
            let dept = try await bulk.insert(
                into: "departments", columns: Self.stampColumns + ["name"],
                rows: [stamp(t0, by: nil) + [.string(department)]])[0]
            let ids = try await bulk.insert(
                into: "teams", columns: Self.stampColumns + ["name", "department_id"],
                rows: teamNames.map { stamp(t0, by: nil) + [.string($0), .int(dept)] })
            for (name, id) in zip(teamNames, ids) { teams[name] = id }
        }
        let repo = UserRepository(database: database)
        // The demo users share one password, so it is hashed once.
        let hash = try await PasswordHasher(cost: 10).hash(DemoPlan.password)
        for (email, name, role, team) in DemoPeople.users {
            let teamID = team.flatMap { teams[$0] }
            let user: User
            if let existing = try await repo.find(email: email) {
                user = existing
            } else {
                user = try await repo.create(
                    email: email, name: name, role: try Role(rawValue: role).demoRequired("role \(role)"),
                    teamID: teamID, passwordHash: hash,
                    locale: nil)
            }
            users[email] = user.id
            teamOf[user.id] = teamID
            if role == "sales_rep" || email == "manager@lore.demo" { reps.append(user.id) }
            if role == "agent" || role == "senior_agent" { agents.append(user.id) }
        }
        return DemoPeople.users.count + teams.count
    }
}

/// Something the demo builds on was missing (the generator's own data is inconsistent): a clear error, not a trap.
struct DemoDataMissing: Error, CustomStringConvertible {
    var description: String
}

extension Optional {
    /// The value, or a ``DemoDataMissing`` naming what was expected.
    func demoRequired(_ what: @autoclosure () -> String) throws -> Wrapped {
        guard let self else { throw DemoDataMissing(description: "demo data has no \(what())") }
        return self
    }
}
