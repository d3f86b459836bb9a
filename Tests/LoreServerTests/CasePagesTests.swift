import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct CasePagesTests {
    @Test(arguments: TestDatabase.engines)
    func theLoopInTheBrowser(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let s = try await ServiceFixtures.extend(
                app.fixtures, app.database, cases: CaseRepository(database: app.database))
            let agent = try await app.signIn(app.fixtures.agent)
            #expect(try await app.page("/cases/new", cookie: agent.cookie).0 == .ok)
            let fields = [
                ("subject", "HY-G300 路由器每晚重启 <b>x</b>"), ("description", "错误 E1024"), ("channel", "phone"),
                ("priority", "high"),
                ("department_id", ""), ("contact_id", String(s.contactID)),
            ]
            #expect(try await app.post("/cases/new", form: fields, cookie: agent.cookie).0 == .forbidden)
            let (invalid, form, _) = try await app.post(
                "/cases/new", form: [("_csrf", agent.csrf), ("subject", ""), ("contact_id", "x")], cookie: agent.cookie)
            #expect(invalid == .unprocessableContent && form.contains("flash-error"))
            let (made, _, headers) = try await app.post(
                "/cases/new", form: [("_csrf", agent.csrf)] + fields, cookie: agent.cookie)
            #expect(made == .seeOther)
            let path = headers[.location] ?? ""
            let (_, page, _) = try await app.page(path, cookie: agent.cookie)
            #expect(page.contains("&lt;b&gt;x") && !page.contains("<b>x</b>"))
            #expect(page.contains(#"<p class="case-description">错误 E1024</p>"#))
            // A case opened with a subject alone has no empty description card.
            let (_, _, bare) = try await app.post(
                "/cases/new", form: [("_csrf", agent.csrf), ("subject", "只有标题"), ("contact_id", String(s.contactID))],
                cookie: agent.cookie)
            let barePage = try await app.page(bare[.location] ?? "", cookie: agent.cookie).1
            #expect(barePage.contains("只有标题") && !barePage.contains("case-description"))
            #expect(page.contains("Routed by the model") && page.contains("Nothing in the knowledge base fits"))
            #expect(
                try await app.post(
                    path + "/reply", form: [("_csrf", agent.csrf), ("text", "我们正在处理")], cookie: agent.cookie
                ).0 == .seeOther)
            // Waiting on the customer stops the SLA clock, and the page says so.
            #expect(
                try await app.post(
                    path + "/status", form: [("_csrf", agent.csrf), ("status", "pending_customer")],
                    cookie: agent.cookie
                ).0
                    == .seeOther)
            #expect(try await app.page(path, cookie: agent.cookie).1.contains("Paused, waiting on the customer"))
            #expect(
                try await app.post(
                    path + "/status", form: [("_csrf", agent.csrf), ("status", "open")], cookie: agent.cookie
                ).0 == .seeOther)
            #expect(!(try await app.page(path, cookie: agent.cookie).1.contains("Paused, waiting on the customer")))
            let (_, empty, _) = try await app.post(
                path + "/escalate", form: [("_csrf", agent.csrf), ("text", " ")], cookie: agent.cookie)
            #expect(empty.contains("flash-error"))
            #expect(
                try await app.post(
                    path + "/escalate", form: [("_csrf", agent.csrf), ("text", "固件问题")], cookie: agent.cookie
                ).0 == .seeOther)

            let senior = try await app.signIn(app.fixtures.seniorAgent)
            let (_, queue, _) = try await app.page(
                "/cases?queue=department&department_id=\(s.service)&tier=2", cookie: senior.cookie)
            #expect(queue.contains("HY-G300"))
            #expect(
                try await app.post(path + "/take", form: [("_csrf", senior.csrf)], cookie: senior.cookie).0 == .seeOther
            )
            #expect(
                try await app.post(
                    path + "/resolve", form: [("_csrf", senior.csrf), ("text", "升级固件到 2.1.4 解决 E1024 重启")],
                    cookie: senior.cookie
                ).0
                    == .seeOther)
            let (_, resolved, _) = try await app.page(path, cookie: senior.cookie)
            #expect(resolved.contains("Captured as a candidate solution"))

            // A similar case suggests the candidate; "this solved it" records the reuse.
            let (_, _, h2) = try await app.post(
                "/cases/new", form: [("_csrf", agent.csrf), ("subject", "路由器 HY-G300 凌晨重启"), ("description", "E1024")],
                cookie: agent.cookie)
            let second = h2[.location] ?? ""
            let (_, suggested, _) = try await app.page(second, cookie: agent.cookie)
            #expect(suggested.contains("Candidate solution") && suggested.contains("This solved it"))
            let articleID = try #require(TestApp.hiddenValue("article_id", in: suggested))
            // The form posts to this case, not to the suggestion's id (a section once shadowed the case's `id`).
            #expect(suggested.contains("action=\"\(second)/solved\""))
            #expect(
                try await app.post(
                    second + "/solved", form: [("_csrf", agent.csrf), ("article_id", articleID)], cookie: agent.cookie
                ).0 == .seeOther)
            #expect(try await app.page(second, cookie: agent.cookie).1.contains("Used on this case"))

            // Bulk assignment from the queue page; the loop page draws its chart; settings are for managers.
            #expect(
                try await app.post(
                    "/cases/assign",
                    form: [
                        ("_csrf", agent.csrf), ("case_id", String(second.split(separator: "/").last!)),
                        ("assignee_id", "me"),
                    ],
                    cookie: agent.cookie
                ).0
                    == .seeOther)
            #expect(try await app.page("/cases?queue=mine", cookie: agent.cookie).1.contains("路由器 HY-G300"))
            let manager = try await app.signIn(app.fixtures.serviceManager)
            let (_, loop, _) = try await app.page("/service/loop", cookie: manager.cookie)
            #expect(loop.contains("<svg class=\"chart\"") && loop.contains("Routing accuracy"))
            #expect(try await app.page("/service/settings", cookie: agent.cookie).0 == .forbidden)
            let (_, saved, _) = try await app.post(
                "/service/settings", form: [("_csrf", manager.csrf), ("urgent_first", "0"), ("threshold", "0.5")],
                cookie: manager.cookie)
            #expect(saved.contains("flash-error"))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func theSurveyNeedsNoLoginAndALowScoreAlertsTheManager(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let repo = CaseRepository(database: app.database)
            let s = try await ServiceFixtures.extend(app.fixtures, app.database, cases: repo)
            let c = try await repo.create(
                CaseInput(subject: "Slow", description: "", contactID: s.contactID, departmentID: s.service),
                as: app.fixtures.agent)
            let link = try #require(
                try await repo.resolve(caseID: c.id, resolution: "Done", as: app.fixtures.agent).csatLink)
            let (status, survey, _) = try await app.page(link, cookie: nil)
            #expect(status == .ok && survey.contains("name=\"score\""))
            #expect(try await app.post(link, form: [("score", "1")], cookie: nil).0 == .forbidden)
            let token = String(link.split(separator: "/").last!)
            let (_, thanks, _) = try await app.post(
                link, form: [("_csrf", token), ("score", "1"), ("comment", "太慢")], cookie: nil)
            #expect(thanks.contains("Thank you"))
            #expect(try await app.page("/csat/unknown-token-0000", cookie: nil).0 == .notFound)
            let manager = try await app.signIn(app.fixtures.serviceManager)
            let (_, home, _) = try await app.page("/", cookie: manager.cookie)
            #expect(home.contains("Low satisfaction score 1/5") && home.contains("太慢"))
        }
    }
}

/// The new-case form picks the customer by name (a search box), never by typing an id.
@Suite struct CaseFormPickerTests {
    @Test(arguments: TestDatabase.engines)
    func theCustomerIsChosenByName(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let account = try await AccessAPITests.account(app, as: f.agent, name: "杭州青禾茶业")
            let agent = try await app.signIn(f.agent)
            let (_, form, _) = try await app.page("/cases/new?account_id=\(account)", cookie: agent.cookie)
            #expect(form.contains("value=\"杭州青禾茶业 (#\(account))\"") && form.contains("data-lookup=\"accounts\""))
            #expect(!form.contains("(ID)"))
            let (status, _, headers) = try await app.post(
                "/cases/new",
                form: [("_csrf", agent.csrf), ("subject", "茶叶订单查询"), ("account_id", "杭州青禾茶业 (#\(account))")],
                cookie: agent.cookie)
            #expect(status == .seeOther)
            let id = try #require(headers[.location]?.split(separator: "/").last.map(String.init))
            let (_, created) = try await app.api(.get, "/api/v1/cases/\(id)", as: f.agent)
            #expect(created["account_id"] == .int(account))
            // Script or markup typed into the box comes back as text.
            let (_, refused, _) = try await app.post(
                "/cases/new",
                form: [("_csrf", agent.csrf), ("subject", "x"), ("account_id", "<script>alert(1)</script>")],
                cookie: agent.cookie)
            #expect(!refused.contains("<script>alert(1)</script>") && refused.contains("&lt;script&gt;"))
        }
    }
}
