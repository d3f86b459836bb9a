import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct PeopleAndSystemAPITests {
    @Test(arguments: TestDatabase.engines)
    func administratorsManageUsers(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let admin = app.fixtures.admin
            let body: JSONValue = .object([
                "email": .string("New.Agent@Lore.test"), "name": .string("新坐席"), "role": .string("agent"),
                "password": .string("long enough pass"),
            ])
            #expect(try await app.api(.post, "/api/v1/users", as: app.fixtures.manager, json: body).0 == .forbidden)
            let (created, user) = try await app.api(.post, "/api/v1/users", as: admin, json: body)
            #expect(created == .created && user["email"] == .string("new.agent@lore.test"))
            #expect(try await app.api(.post, "/api/v1/users", as: admin, json: body).0 == .conflict)
            let (weak, problem) = try await app.api(
                .post, "/api/v1/users", as: admin,
                json: .object([
                    "email": .string("x@lore.test"), "name": .string("x"), "role": .string("wizard"),
                    "password": .string("short"),
                ]))
            #expect(weak == .unprocessableContent)
            #expect(String(describing: problem).contains("password") && String(describing: problem).contains("role"))
            let (patched, changed) = try await app.api(
                .patch, "/api/v1/users/\(user["id"]!.intValue!)", as: admin,
                json: .object(["role": .string("senior_agent")]))
            #expect(patched == .ok && changed["role"] == .string("senior_agent"))
            #expect(try await app.api(.post, "/api/v1/users/\(admin.userID)/deactivate", as: admin).0 == .conflict)
            let (_, users) = try await app.api(.get, "/api/v1/users", as: app.fixtures.agent)
            #expect(String(describing: users).contains("新坐席"))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func leadsConvertInOneStep(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let rep = app.fixtures.rep
            let (_, lead) = try await app.api(
                .post, "/api/v1/leads", as: rep,
                json: .object([
                    "name": .string("李娜"), "company": .string("上海云帆"), "status": .string("qualified"),
                    "email": .string("li@yunfan.cn"),
                    "estimated_value": .double(50000),
                ]))
            let id = lead["id"]!.intValue!
            #expect(
                try await app.api(.post, "/api/v1/leads/\(id)/convert", as: app.fixtures.agent, json: .object([:])).0
                    == .forbidden)
            #expect(
                try await app.api(
                    .post, "/api/v1/leads/\(id)/convert", as: rep, json: .object(["stage_id": .string("x")])
                ).0 == .unprocessableContent
            )
            let (status, result) = try await app.api(
                .post, "/api/v1/leads/\(id)/convert", as: rep, json: .object(["opportunity_name": .string("云帆 SD-WAN")])
            )
            #expect(status == .created)
            #expect(
                result["account"]?["name"] == .string("上海云帆") && result["contact"]?["email"] == .string("li@yunfan.cn"))
            #expect(
                result["opportunity"]?["amount"] == .int(50000) && result["lead"]?["status"] == .string("converted"))
            #expect(try await app.api(.post, "/api/v1/leads/\(id)/convert", as: rep, json: .object([:])).0 == .conflict)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func searchAuditHealthAndMetrics(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            _ = try await AccessAPITests.account(app, as: app.fixtures.rep, name: "杭州海渊科技有限公司")
            let (s, hits) = try await app.api(.get, "/api/v1/search?q=%E6%B5%B7%E6%B8%8A", as: app.fixtures.rep)
            #expect(s == .ok && String(describing: hits).contains("杭州海渊科技有限公司"))
            #expect(
                try await app.api(.get, "/api/v1/search?q=%E6%B5%B7%E6%B8%8A", as: app.fixtures.otherRep).1
                    == .object(["data": .array([])]))
            let (audit, log) = try await app.api(.get, "/api/v1/audit-log?entity=accounts", as: app.fixtures.admin)
            #expect(audit == .ok && String(describing: log).contains("杭州海渊科技有限公司"))
            #expect(try await app.api(.get, "/api/v1/audit-log", as: app.fixtures.rep).0 == .forbidden)
            let (health, body) = try await app.api(.get, "/health", as: nil, validate: false)
            #expect(health == .ok && body["status"] == .string("ok") && body["database"] == .string(engine.rawValue))
            let (metrics, _) = try await app.api(.get, "/metrics", as: nil, validate: false)
            #expect(metrics == .ok)
        }
    }
}
