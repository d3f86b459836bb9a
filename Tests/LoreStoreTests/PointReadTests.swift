import LoreCore
import LoreStore
import LoreTestSupport
import Testing

/// Point reads (a record by id) take a separate path on SQLite: statements kept prepared on inline connections.
/// These checks fail if that path serves a stale snapshot, mixes up cached statements or breaks under load.
@Suite struct PointReadTests {
    @Test(arguments: TestDatabase.engines)
    func aPointReadSeesEachCommittedChangeAtOnce(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let a = try await repo.create(
                Catalog["accounts"], values: ["name": .string("First"), "kind": .string("company")], as: f.rep)
            #expect(try await repo.get(Catalog["accounts"], id: a.id, as: f.rep)["name"].string == "First")
            for n in 1...5 {
                _ = try await repo.update(
                    Catalog["accounts"], id: a.id, changes: ["name": .string("Name \(n)")], as: f.rep)
                #expect(try await repo.get(Catalog["accounts"], id: a.id, as: f.rep)["name"].string == "Name \(n)")
            }
            _ = try await repo.setArchived(Catalog["accounts"], id: a.id, archived: true, as: f.rep)
            #expect(try await repo.get(Catalog["accounts"], id: a.id, as: f.rep).archivedAt != nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func concurrentPointReadsOfDifferentShapesReturnTheirOwnRows(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            var expected: [(String, Int64, String)] = []
            for i in 0..<20 {
                let a = try await repo.create(
                    Catalog["accounts"], values: ["name": .string("Account \(i) 客户"), "kind": .string("company")],
                    as: f.rep)
                expected.append(("accounts", a.id, "Account \(i) 客户"))
                let p = try await repo.create(
                    Catalog["products"],
                    values: ["sku": .string("SKU-\(i)"), "name": .string("Product \(i)"), "list_price": .int(100)],
                    as: f.manager
                )
                expected.append(("products", p.id, "Product \(i)"))
            }
            // Many more readers than inline connections: the rest must fall back to the pooled readers.
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    for (entity, id, name) in expected {
                        group.addTask {
                            let principal = entity == "products" ? f.manager : f.rep
                            return try await repo.get(Catalog[entity], id: id, as: principal)["name"].string == name
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.count == expected.count * 10 && results.allSatisfy { $0 })
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aPointReadOutsideTheScopeFindsNothing(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let a = try await repo.create(
                Catalog["accounts"], values: ["name": .string("Mine"), "kind": .string("company")], as: f.rep)
            await #expect(throws: StoreError.self) {
                _ = try await repo.get(Catalog["accounts"], id: a.id, as: f.otherRep)
            }
            await #expect(throws: StoreError.self) {
                _ = try await repo.get(Catalog["accounts"], id: 999_999, as: f.rep)
            }
            #expect(try await repo.get(Catalog["accounts"], id: a.id, as: f.rep)["name"].string == "Mine")
        }
    }
}
