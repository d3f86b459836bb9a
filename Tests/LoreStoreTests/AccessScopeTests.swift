import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@Suite struct AccessScopeTests {
    static func account(_ repo: RecordRepository, _ name: String, as p: Principal) async throws -> Record {
        try await repo.create(Catalog["accounts"], values: ["name": .string(name), "kind": .string("company")], as: p)
    }

    @Test(arguments: TestDatabase.engines)
    func repsSeeTheirTeamsRecordsOnly(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let mine = try await Self.account(repo, "Mine 我的", as: f.rep)
            let mates = try await Self.account(repo, "Teammate's", as: f.repTeammate)
            let south = try await Self.account(repo, "South's", as: f.otherRep)
            #expect(mine.ownerID == f.rep.userID && mine.teamID == f.rep.teamID)

            let seenByRep = try await repo.list(Catalog["accounts"], query: ListQuery(), as: f.rep).records.map(\.id)
            #expect(Set(seenByRep) == [mine.id, mates.id])
            await #expect(throws: StoreError.notFound(entity: "accounts", id: south.id)) {
                _ = try await repo.get(Catalog["accounts"], id: south.id, as: f.rep)
            }
            // The Sales manager sees every Sales team; the Service manager sees none of them; admins see all.
            let seenByManager = try await repo.list(Catalog["accounts"], query: ListQuery(), as: f.manager).records.map(
                \.id)
            #expect(Set(seenByManager) == [mine.id, mates.id, south.id])
            #expect(try await repo.list(Catalog["accounts"], query: ListQuery(), as: f.serviceManager).records.isEmpty)
            #expect(try await repo.list(Catalog["accounts"], query: ListQuery(), as: f.admin).records.count == 3)
            // Updates and archiving follow the same visibility.
            await #expect(throws: StoreError.self) {
                _ = try await repo.update(Catalog["accounts"], id: south.id, changes: ["name": .string("x")], as: f.rep)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func referencesToInvisibleRecordsAreRefused(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let south = try await Self.account(repo, "South's", as: f.otherRep)
            let error = await #expect(throws: StoreError.self) {
                _ = try await repo.create(
                    Catalog["contacts"], values: ["name": .string("张伟"), "account_id": .int(south.id)], as: f.rep)
            }
            guard case .invalid(let failure) = error else {
                Issue.record("expected invalid, got \(String(describing: error))"); return
            }
            #expect(failure.errors.map(\.field) == ["account_id"])
            #expect(try await repo.list(Catalog["contacts"], query: ListQuery(), as: f.admin).records.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func tasksAreVisibleToTheirAssignee(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let task = try await repo.create(
                Catalog["tasks"],
                values: [
                    "title": .string("Call back"), "status": .string("open"), "assignee_id": .int(f.agent.userID),
                ],
                as: f.otherRep)
            #expect(try await repo.get(Catalog["tasks"], id: task.id, as: f.agent).id == task.id)
            await #expect(throws: StoreError.self) { _ = try await repo.get(Catalog["tasks"], id: task.id, as: f.rep) }
        }
    }
}
