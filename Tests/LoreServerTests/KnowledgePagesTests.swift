import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct KnowledgePagesTests {
    static func location(_ headers: HTTPFields) -> String { headers[.location] ?? "" }

    @Test(arguments: TestDatabase.engines)
    func writeReviewPublishAndFindAnArticleInTheBrowser(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (cookie, csrf) = try await app.signIn(app.fixtures.agent)
            #expect(try await app.page("/kb/articles/new", cookie: cookie).0 == .ok)
            let fields: [(String, String)] = [
                ("type", "faq"), ("language", "zh"), ("title", "如何申请退款 <script>alert(1)</script>"),
                ("tags", "退款, billing"),
                ("audience", "internal"),
                ("body", "## 步骤\n\n申请**退款**后三天到账。<script>alert(2)</script>\n\n[x](javascript:alert(3))"),
            ]
            // Without the CSRF token the form is refused; with a missing body it comes back with the error inline.
            #expect(try await app.post("/kb/articles/new", form: fields, cookie: cookie).0 == .forbidden)
            let (invalid, errorPage, _) = try await app.post(
                "/kb/articles/new", form: [("_csrf", csrf)] + fields.filter { $0.0 != "body" }, cookie: cookie)
            #expect(invalid == .unprocessableContent && errorPage.contains("class=\"error\""))
            let (made, _, headers) = try await app.post(
                "/kb/articles/new", form: [("_csrf", csrf)] + fields, cookie: cookie)
            #expect(made == .seeOther)
            let path = Self.location(headers)
            let (_, draft, _) = try await app.page(path, cookie: cookie)
            #expect(
                draft.contains("&lt;script&gt;alert(1)") && !draft.contains("<script>alert")
                    && !draft.contains("javascript:"))
            #expect(draft.contains("<strong>退款</strong>"))
            #expect(try await app.post(path + "/submit", form: [("_csrf", csrf)], cookie: cookie).0 == .seeOther)

            let km = try await app.signIn(app.fixtures.knowledgeManager)
            let (_, queue, _) = try await app.page("/kb/review", cookie: km.cookie)
            #expect(queue.contains("如何申请退款"))
            #expect(
                try await app.post(path + "/approve", form: [("_csrf", km.csrf), ("comment", "好")], cookie: km.cookie).0
                    == .seeOther)
            let (_, results, _) = try await app.page(
                "/kb?q=" + "退款".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, cookie: cookie)
            #expect(results.contains("<mark>退款</mark>") && results.contains(path))

            // A reviewer's edit makes version 2; the history and the diff show it; restoring version 1 makes a proposal.
            let edit = [("_csrf", km.csrf)] + fields.map { $0.0 == "body" ? ("body", "申请退款后五天到账。") : $0 }
            #expect(try await app.post(path + "/edit", form: edit, cookie: km.cookie).0 == .seeOther)
            let (_, history, _) = try await app.page(path + "/history", cookie: km.cookie)
            #expect(history.contains("diff?from=1&amp;to=2") || history.contains("diff?from=1&to=2"))
            let (_, diff, _) = try await app.page(path + "/diff?from=1&to=2", cookie: km.cookie)
            #expect(diff.contains("<ins>五</ins>") || diff.contains("<ins>"))
            let (restored, _, restoreHeaders) = try await app.post(
                path + "/versions/1/restore", form: [("_csrf", km.csrf)], cookie: km.cookie)
            #expect(restored == .seeOther && Self.location(restoreHeaders).hasPrefix("/kb/proposals/"))

            // Feedback from another reader.
            let rep = try await app.signIn(app.fixtures.rep)
            #expect(
                try await app.post(
                    path + "/feedback", form: [("_csrf", rep.csrf), ("helpful", "yes")], cookie: rep.cookie
                ).0 == .seeOther)
            let (_, after, _) = try await app.page(path, cookie: rep.cookie)
            #expect(after.contains("1 / 0"))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func portalCustomersSeeOnlyTheKnowledgeMeantForThem(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let kb = KnowledgeRepository(database: app.database)
            let secret = try await app.fixtures.publishedArticle(
                kb, title: "Internal refund limits", body: "Up to 500.")
            let open = try await app.fixtures.publishedArticle(
                kb, title: "Refund timing", body: "Five days.", audience: Audience(kind: .customers))
            let hash = try await PasswordHasher(cost: 4).hash(TestApp.password)
            let customer = try await app.fixtures.customer(
                app.database, email: "c@customer.test", tier: "gold", industry: nil, passwordHash: hash)
            let (_, login, loginHeaders) = try await app.page("/login", cookie: nil)
            let loginCookie = loginHeaders[values: .setCookie].first { $0.hasPrefix("lore_login_csrf=") }!.split(
                separator: ";")[0]
            let (_, _, h) = try await app.post(
                "/login",
                form: [
                    ("_csrf", TestApp.hiddenValue("_csrf", in: login)!), ("email", customer.email),
                    ("password", TestApp.password),
                ],
                cookie: String(loginCookie))
            let cookie = String(h[values: .setCookie].first { $0.hasPrefix("lore_session=") }!.split(separator: ";")[0])
            let (home, _, homeHeaders) = try await app.page("/", cookie: cookie)
            #expect(home == .seeOther && Self.location(homeHeaders) == "/kb")
            let (_, list, _) = try await app.page("/kb?q=refund", cookie: cookie)
            #expect(list.contains("Refund timing") && !list.contains("Internal refund limits"))
            #expect(try await app.page("/kb/articles/\(secret.id)", cookie: cookie).0 == .notFound)
            #expect(try await app.page("/kb/articles/\(open.id)", cookie: cookie).0 == .ok)
            #expect(try await app.page("/accounts", cookie: cookie).0 == .forbidden)
            #expect(try await app.page("/kb/articles/new", cookie: cookie).0 == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func importFromThePageIsAllOrNothingUnlessAsked(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let km = try await app.signIn(app.fixtures.knowledgeManager)
            #expect(try await app.page("/kb/transfer", cookie: km.cookie).0 == .ok)
            // Browsers send a text box's lines with "\r\n": the bad line must still be named as line 2.
            let lines = [
                #"{"type":"faq","title":"网页导入 imported","body":"Body","language":"zh","status":"published"}"#,
                "{broken",
            ].joined(separator: "\r\n")
            let (refused, page, _) = try await app.post(
                "/kb/transfer", form: [("_csrf", km.csrf), ("jsonl", lines), ("mode", "atomic")], cookie: km.cookie)
            #expect(refused == .unprocessableContent && page.contains("line 2") && !page.contains("line 1"))
            #expect(
                try await KnowledgeRepository(database: app.database).list(as: app.fixtures.knowledgeManager).total == 0
            )
            let (done, report, _) = try await app.post(
                "/kb/transfer", form: [("_csrf", km.csrf), ("jsonl", lines), ("mode", "continue")], cookie: km.cookie)
            #expect(done == .ok && report.contains("line 2") && report.contains("/kb/articles/"))
            let (_, results, _) = try await app.page(
                "/kb?q=" + "导入".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, cookie: km.cookie)
            #expect(results.contains("网页导入 imported"))
            // Without the CSRF token the form is refused.
            #expect(try await app.post("/kb/transfer", form: [("jsonl", lines)], cookie: km.cookie).0 == .forbidden)
        }
    }

    /// The page names every facet value; a product deleted for good leaves its articles' links and facets (it is
    /// not shown as a bare number).
    @Test(arguments: TestDatabase.engines)
    func facetValuesAreNamedAndDeletedProductsLeftOut(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let records = RecordRepository(database: app.database)
            let kept = try await records.create(
                Catalog["products"],
                values: ["sku": .string("HY-G300"), "name": .string("Gateway G300"), "list_price": .int(100)],
                as: f.manager)
            let gone = try await records.create(
                Catalog["products"],
                values: ["sku": .string("HY-X1"), "name": .string("Extender X1"), "list_price": .int(50)], as: f.manager
            )
            let kb = KnowledgeRepository(database: app.database)
            _ = try await f.publishedArticle(
                kb, title: "Router reset", body: "Hold reset.", productIDs: [kept.id, gone.id])
            let (cookie, _) = try await app.signIn(f.agent)
            let (_, before, _) = try await app.page("/kb?q=router", cookie: cookie)
            #expect(before.contains("Gateway G300") && before.contains("Extender X1"))
            try await records.delete(Catalog["products"], id: gone.id, as: f.admin)
            let (status, after, _) = try await app.page("/kb?q=router", cookie: cookie)
            #expect(status == .ok && after.contains("Gateway G300") && after.contains("Router reset"))
            #expect(
                !after.contains("Extender X1") && !after.contains("#\(gone.id)<") && !after.contains(">#\(gone.id)"))
        }
    }
}
