import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// Each role's home shows what that person does first, and no figure that cannot apply to them.
@Suite struct HomePagesTests {
    @Test(arguments: TestDatabase.engines)
    func eachRoleSeesItsOwnHome(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            // Setup: a rep's customer whose case an agent resolves; the customer rates it 2 of 5.
            let account = try await AccessAPITests.account(app, as: f.rep, name: "北辰物流")
            let (_, contact) = try await app.api(
                .post, "/api/v1/contacts", as: f.rep,
                json: .object([
                    "name": .string("李明"), "account_id": .int(account), "email": .string("li.ming@beichen.example"),
                ]))
            let (_, opened) = try await app.api(
                .post, "/api/v1/cases", as: f.rep,
                json: .object([
                    "subject": .string("发票抬头错误"), "account_id": .int(account),
                    "contact_id": .int(try #require(contact["id"]?.intValue)),
                    "department_id": .int(try #require(f.agent.departmentID)),
                ]))
            let caseID = try #require(opened["id"]?.intValue)
            let (taken, _) = try await app.api(
                .post, "/api/v1/cases/assign", as: f.agent,
                json: .object(["case_ids": .array([.int(caseID)]), "assignee_id": .int(f.agent.userID)]))
            #expect(taken == .ok)
            let (_, mine, _) = try await app.page("/", cookie: try await app.signIn(f.agent).cookie)
            let (_, resolved) = try await app.api(
                .post, "/api/v1/cases/\(caseID)/resolve", as: f.agent,
                json: .object(["resolution": .string("已重开发票")]))
            let token = try #require(resolved["csat_link"]?.stringValue?.split(separator: "/").last.map(String.init))
            #expect(
                try await app.api(.post, "/api/v1/csat/\(token)", as: nil, json: .object(["score": .int(2)])).0 == .ok)

            // Verify: an agent's cases (by customer name), no pipeline; a rep's pipeline, no cases.
            #expect(mine.contains("My open cases") && mine.contains("发票抬头错误") && mine.contains("北辰物流"))
            #expect(!mine.contains("Open pipeline") && !mine.contains("Latest sign-ins"))
            let rep = try await app.page("/", cookie: try await app.signIn(f.rep).cookie).1
            #expect(rep.contains("Open pipeline") && rep.contains("Quiet for 60 days") && rep.contains("北辰物流"))
            #expect(!rep.contains("My open cases") && !rep.contains("Queues"))
            // A service manager: queues, satisfaction (2.0 from the one answer) and the alert it raised.
            let manager = try await app.page("/", cookie: try await app.signIn(f.serviceManager).cookie).1
            #expect(
                manager.contains("Queues") && manager.contains("Customer satisfaction") && manager.contains(">2.0<"))
            #expect(manager.contains("<svg class=\"chart chart-small\""))
            // A knowledge manager's review queues; an administrator's system and sign-ins.
            let km = try await app.page("/", cookie: try await app.signIn(f.knowledgeManager).cookie).1
            #expect(km.contains("Waiting for review") || km.contains("My drafts and candidate answers"))
            #expect(!km.contains("Open pipeline"))
            let admin = try await app.page("/", cookie: try await app.signIn(f.admin).cookie).1
            #expect(admin.contains("Latest sign-ins") && admin.contains(engine == .postgres ? "PostgreSQL" : "SQLite"))
            // Chinese: the same page in the other language.
            let zh = try await app.page(
                "/", cookie: try await app.signIn(f.agent).cookie, headers: [.acceptLanguage: "zh-CN"]
            ).1
            #expect(zh.contains("我的未结工单") || zh.contains("没有未结工单"))
        }
    }
}

/// A portal customer sees the knowledge meant for them, and none of the staff's figures or tools.
@Suite struct CustomerViewTests {
    @Test(arguments: TestDatabase.engines)
    func aCustomerSeesNoStaffData(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let (_, created) = try await app.api(
                .post, "/api/v1/articles", as: f.knowledgeManager,
                json: .object([
                    "type": .string("faq"), "language": .string("zh"), "title": .string("如何重置密码"),
                    "body": .string("在登录页点击「忘记密码」。"), "audience": .string("customers"),
                ]))
            let id = try #require(created["id"]?.intValue)
            #expect(try await app.api(.post, "/api/v1/articles/\(id)/approve", as: f.knowledgeManager).0 == .ok)
            let hash = try await PasswordHasher(cost: 4).hash(TestApp.password)
            let principal = try await f.customer(
                app.database, email: "portal@customer.test", tier: nil, industry: nil, passwordHash: hash)
            let customer = try await app.signIn(principal)
            let (_, page, _) = try await app.page("/kb/articles/\(id)", cookie: customer.cookie)
            #expect(page.contains("如何重置密码"))
            for staffOnly in ["Freshness", "Quality", "Views", "Audience", "Verify by", "openapi.json", "Published"] {
                #expect(!page.contains(staffOnly), "\(staffOnly)")
            }
            #expect(page.contains("placeholder=\"Search the knowledge base\"") && page.contains("lang=\"zh\""))
            // The staff's pages are not shown to a customer: a translated "forbidden" page, not a staff form.
            for path in ["/cases", "/cases/new", "/accounts", "/pipeline", "/search?q=x"] {
                let (status, body, _) = try await app.page(
                    path, cookie: customer.cookie, headers: [.acceptLanguage: "zh-CN"])
                #expect(status == .forbidden, "\(path)")
                #expect(!body.contains("<form class=\"card form\""), "\(path)")
            }
            let staff = try await app.page("/kb/articles/\(id)", cookie: try await app.signIn(f.agent).cookie).1
            #expect(staff.contains("Freshness") && staff.contains("openapi.json"))
        }
    }
}
