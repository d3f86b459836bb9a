import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@Suite struct RecordRepositoryTests {
    @Test(arguments: TestDatabase.engines)
    func keysetPagingVisitsEveryRecordOnce(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let names = ["Delta", "alpha", "Charlie", "Bravo", "Echo", "Bravo"]
            for n in names {
                _ = try await repo.create(
                    Catalog["accounts"], values: ["name": .string(n), "kind": .string("company")], as: f.rep)
            }
            var query = ListQuery()
            query.sort = "name"
            query.limit = 2
            var seen: [String] = []
            var pages = 0
            repeat {
                let page = try await repo.list(Catalog["accounts"], query: query, as: f.rep)
                seen += page.records.compactMap { $0["name"].string }
                query.cursor = page.nextCursor
                pages += 1
            } while query.cursor != nil && pages < 10
            #expect(seen.count == names.count)
            #expect(seen == seen.sorted())
            #expect(pages == 3)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func metacharactersAreStoredVerbatimAndSearchedLiterally(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let nasty = "O'Brien\"; DROP TABLE accounts; -- <script>alert(1)</script> 100% _x_ \\"
            let a = try await repo.create(
                Catalog["accounts"], values: ["name": .string(nasty), "kind": .string("company")], as: f.rep)
            _ = try await repo.create(
                Catalog["accounts"], values: ["name": .string("100 plain"), "kind": .string("company")], as: f.rep)
            #expect(try await repo.get(Catalog["accounts"], id: a.id, as: f.rep)["name"].string == nasty)
            var q = ListQuery()
            q.text = "100%"
            #expect(try await repo.list(Catalog["accounts"], query: q, as: f.rep).records.map(\.id) == [a.id])
        }
    }

    @Test(arguments: TestDatabase.engines)
    func uniqueKeysConflict(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let values: [String: FieldValue] = [
                "sku": .string("HY-G300"), "name": .string("Gateway"), "list_price": .int(129_900),
            ]
            _ = try await repo.create(Catalog["products"], values: values, as: f.manager)
            await #expect(throws: StoreError.duplicate(field: "sku", message: "sku 'HY-G300' is already used")) {
                _ = try await repo.create(Catalog["products"], values: values, as: f.manager)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func derivedFieldsFollowTheirInputs(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let account = try await repo.create(
                Catalog["accounts"], values: ["name": .string("华为"), "kind": .string("company")], as: f.rep)
            let product = try await repo.create(
                Catalog["products"],
                values: ["sku": .string("E1024"), "name": .string("Switch"), "list_price": .int(10_000)], as: f.manager)
            let order = try await repo.create(
                Catalog["orders"],
                values: [
                    "number": .string("SO-1"), "account_id": .int(account.id), "order_date": .string("2026-03-01"),
                    "status": .string("confirmed"),
                ],
                as: f.rep)
            let line = try await repo.create(
                Catalog["order_lines"],
                values: [
                    "order_id": .int(order.id), "product_id": .int(product.id), "quantity": .int(3),
                    "unit_price": .int(10_000),
                    "discount_pct": .double(10),
                ],
                as: f.rep)
            #expect(line["line_total"].int == 27_000)
            #expect(line["line_date"].string == "2026-03-01")
            #expect(try await repo.get(Catalog["orders"], id: order.id, as: f.rep)["total"].int == 27_000)

            let stages = try await repo.list(Catalog["pipeline_stages"], query: ListQuery(), as: f.rep).records
            let proposal = stages.first { $0["key"].string == "proposal" }!
            let won = stages.first { $0["key"].string == "closed_won" }!
            let opp = try await repo.create(
                Catalog["opportunities"],
                values: ["name": .string("Deal"), "account_id": .int(account.id), "stage_id": .int(proposal.id)],
                as: f.rep)
            #expect(opp["probability"].int == 60 && opp["closed_at"].isNull)
            let closed = try await repo.update(
                Catalog["opportunities"], id: opp.id, changes: ["stage_id": .int(won.id)], as: f.rep)
            #expect(closed["probability"].int == 100 && !closed["closed_at"].isNull)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func archivedRecordsLeaveListsAndReferencedOnesCannotBeDeleted(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let account = try await repo.create(
                Catalog["accounts"], values: ["name": .string("A"), "kind": .string("company")], as: f.rep)
            _ = try await repo.create(
                Catalog["contacts"], values: ["name": .string("C"), "account_id": .int(account.id)], as: f.rep)
            await #expect(throws: StoreError.self) {
                try await repo.delete(Catalog["accounts"], id: account.id, as: f.rep)
            }
            #expect(try await repo.get(Catalog["accounts"], id: account.id, as: f.rep).archivedAt == nil)
            _ = try await repo.setArchived(Catalog["accounts"], id: account.id, archived: true, as: f.rep)
            #expect(try await repo.list(Catalog["accounts"], query: ListQuery(), as: f.rep).records.isEmpty)
            var q = ListQuery()
            q.archived = .only
            #expect(try await repo.list(Catalog["accounts"], query: q, as: f.rep).records.count == 1)
            let entries = try await AuditRepository(database: db).list(entity: "accounts", entityID: account.id)
            #expect(entries.map(\.action) == ["archive", "create"])
        }
    }

    @Test(arguments: TestDatabase.engines)
    func categoryTreesRejectCycles(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let root = try await repo.create(
                Catalog["product_categories"], values: ["name": .string("网络设备")], as: f.manager)
            let child = try await repo.create(
                Catalog["product_categories"], values: ["name": .string("交换机"), "parent_id": .int(root.id)],
                as: f.manager)
            await #expect(throws: StoreError.self) {
                _ = try await repo.update(
                    Catalog["product_categories"], id: root.id, changes: ["parent_id": .int(child.id)], as: f.manager)
            }
        }
    }
}
