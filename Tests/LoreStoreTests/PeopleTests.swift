import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@Suite struct PeopleTests {
    @Test(arguments: TestDatabase.engines)
    func deactivationEndsSessionsAndTokensAtOnce(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let sessions = SessionRepository(database: db)
            let tokens = ApiTokenRepository(database: db)
            let (cookie, _) = try await sessions.create(userID: f.rep.userID, ip: "127.0.0.1", userAgent: "test")
            let (_, secret) = try await tokens.create(userID: f.rep.userID, name: "ci")
            #expect(try await sessions.lookup(token: cookie)?.principal.userID == f.rep.userID)
            #expect(try await tokens.principal(token: secret)?.userID == f.rep.userID)
            try await UserRepository(database: db).deactivate(id: f.rep.userID, by: f.admin.userID)
            #expect(try await sessions.lookup(token: cookie) == nil)
            #expect(try await tokens.principal(token: secret) == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func revokedTokensStopWorking(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let tokens = ApiTokenRepository(database: db)
            let (token, secret) = try await tokens.create(userID: f.agent.userID, name: "script")
            await #expect(throws: StoreError.self) { try await tokens.revoke(id: token.id, as: f.rep) }
            try await tokens.revoke(id: token.id, as: f.agent)
            #expect(try await tokens.principal(token: secret) == nil)
            #expect(try await tokens.principal(token: "lore_forged") == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func failedLoginsAreThrottledPerAccount(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let throttle = LoginThrottle(database: db)
            for _ in 0..<4 { try await throttle.recordFailure(email: "Rep@lore.test", ip: "10.0.0.1") }
            #expect(try await throttle.isBlocked(email: "rep@lore.test", ip: "10.0.0.9") == false)
            try await throttle.recordFailure(email: "rep@lore.test", ip: "10.0.0.2")
            #expect(try await throttle.isBlocked(email: "rep@lore.test", ip: "10.0.0.9"))
            #expect(try await throttle.isBlocked(email: "other@lore.test", ip: "10.0.0.9") == false)
            try await throttle.clear(email: "rep@lore.test")
            #expect(try await throttle.isBlocked(email: "rep@lore.test", ip: "10.0.0.9") == false)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func globalSearchFindsChineseNamesEmailsAndPhones(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let acme = try await repo.create(
                Catalog["accounts"], values: ["name": .string("杭州海渊科技有限公司"), "kind": .string("company")], as: f.rep)
            _ = try await repo.create(
                Catalog["contacts"],
                values: [
                    "name": .string("王晓明"), "account_id": .int(acme.id), "email": .string("wang@haiyuan.cn"),
                    "phone": .string("0571-8888-1234"),
                ],
                as: f.rep)
            _ = try await repo.create(
                Catalog["accounts"], values: ["name": .string("海渊 South"), "kind": .string("company")], as: f.otherRep)
            let search = SearchRepository(database: db)
            #expect(try await search.search("海渊", as: f.rep).map(\.title) == ["杭州海渊科技有限公司"])
            #expect(try await search.search("晓明", as: f.rep).map(\.entity) == ["contacts"])
            #expect(try await search.search("WANG@HAIYUAN", as: f.rep).first?.matchedField == "email")
            #expect(try await search.search("05718888", as: f.rep).first?.matchedField == "phone")
            #expect(try await search.search("海渊", as: f.admin).count == 2)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func leadConversionIsAllOrNothing(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            let lead = try await repo.create(
                Catalog["leads"],
                values: [
                    "name": .string("李娜"), "company": .string("上海云帆"), "status": .string("qualified"),
                    "estimated_value": .int(5_000_000),
                ],
                as: f.rep)
            var bad = LeadConversionRequest()
            bad.stageID = 999_999
            await #expect(throws: StoreError.self) {
                _ = try await LeadConversion(database: db).convert(leadID: lead.id, request: bad, as: f.rep)
            }
            #expect(try await repo.list(Catalog["accounts"], query: ListQuery(), as: f.admin).records.isEmpty)
            #expect(try await repo.list(Catalog["contacts"], query: ListQuery(), as: f.admin).records.isEmpty)

            let result = try await LeadConversion(database: db).convert(
                leadID: lead.id, request: LeadConversionRequest(), as: f.rep)
            #expect(result.account["name"].string == "上海云帆")
            #expect(result.contact["account_id"].int == result.account.id)
            #expect(result.opportunity?["amount"].int == 5_000_000)
            #expect(
                result.lead["status"].string == "converted"
                    && result.lead["converted_opportunity_id"].int == result.opportunity?.id)
            await #expect(throws: StoreError.self) {
                _ = try await LeadConversion(database: db).convert(
                    leadID: lead.id, request: LeadConversionRequest(), as: f.rep)
            }
        }
    }
}
