import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct WebPagesTests {
    static func location(_ headers: HTTPFields) -> String { headers[.location] ?? "" }

    @Test(arguments: TestDatabase.engines)
    func aRepRecordsAnInteractionAndSeesItOnTheTimeline(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (cookie, csrf) = try await app.signIn(app.fixtures.rep)
            // Inline validation: the form comes back with the message next to the field and the typed values kept.
            let (invalid, html, _) = try await app.post(
                "/accounts", form: [("_csrf", csrf), ("name", ""), ("kind", "company"), ("email", "nope")],
                cookie: cookie)
            #expect(invalid == .unprocessableContent)
            #expect(
                html.contains("This field is required.") && html.contains("Enter an e-mail address.")
                    && html.contains("value=\"nope\""))

            let (made, _, h1) = try await app.post(
                "/accounts", form: [("_csrf", csrf), ("name", "杭州海渊科技"), ("kind", "company"), ("value_tier", "gold")],
                cookie: cookie)
            #expect(made == .seeOther)
            let accountPath = Self.location(h1).components(separatedBy: "?")[0]
            let accountID = accountPath.components(separatedBy: "/").last!
            let (contactMade, _, h2) = try await app.post(
                "/contacts",
                form: [("_csrf", csrf), ("name", "王晓明"), ("account_id", accountID), ("email", "wang@haiyuan.cn")],
                cookie: cookie)
            #expect(contactMade == .seeOther && Self.location(h2).hasPrefix("/contacts/"))
            let (logged, _, h3) = try await app.post(
                "/interactions",
                form: [
                    ("_csrf", csrf), ("_return", accountPath), ("account_id", accountID), ("kind", "call"),
                    ("direction", "inbound"),
                    ("occurred_at", "2026-11-20T10:15"), ("subject", "询问退款流程"), ("body", "客户来电"),
                ],
                cookie: cookie)
            #expect(logged == .seeOther && Self.location(h3) == accountPath)
            let (ok, page, _) = try await app.page(accountPath, cookie: cookie)
            #expect(ok == .ok)
            #expect(page.contains("询问退款流程") && page.contains("王晓明") && page.contains("杭州海渊科技"))
            #expect(page.contains("class=\"timeline\""))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func pagesSpeakTheUsersLanguage(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (_, zhLogin, _) = try await app.page(
                "/login", cookie: nil, headers: [.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5"])
            #expect(zhLogin.contains("登录 Lore") && zhLogin.contains("lang=\"zh-Hans\""))
            let (_, enLogin, _) = try await app.page("/login", cookie: nil, headers: [.acceptLanguage: "en-GB"])
            #expect(enLogin.contains("Sign in to Lore"))
            let (cookie, csrf) = try await app.signIn(app.fixtures.rep)
            let (_, home, _) = try await app.page("/", cookie: cookie, headers: [.acceptLanguage: "en"])
            #expect(home.contains("My open tasks"))
            let (saved, _, _) = try await app.post(
                "/settings/language", form: [("_csrf", csrf), ("locale", "zh-Hans")], cookie: cookie)
            #expect(saved == .ok)
            // The user's setting wins over the browser's header.
            let (_, zhHome, _) = try await app.page("/", cookie: cookie, headers: [.acceptLanguage: "en"])
            #expect(zhHome.contains("我的待办任务") && zhHome.contains("销售漏斗"))
            let (_, pipeline, _) = try await app.page("/pipeline", cookie: cookie)
            #expect(pipeline.contains("初步接触") && pipeline.contains("商机漏斗"))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func everyListAndFormPageRenders(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (cookie, _) = try await app.signIn(app.fixtures.admin)
            for schema in Catalog.all {
                for path in ["/\(schema.path)", "/\(schema.path)/new"] {
                    let (status, html, _) = try await app.page(path, cookie: cookie)
                    #expect(status == .ok, "\(path)")
                    #expect(html.contains("</html>"), "\(path)")
                }
            }
            for path in ["/", "/pipeline", "/search?q=x", "/audit", "/admin/users", "/settings"] {
                #expect(try await app.page(path, cookie: cookie).0 == .ok, "\(path)")
            }
            let (missing, html, _) = try await app.page("/no/such/page", cookie: cookie)
            #expect(missing == .notFound && html.contains("404"))
            let (anonymous, _, headers) = try await app.page("/accounts", cookie: nil)
            #expect(anonymous == .seeOther && headers[.location] == "/login?next=/accounts")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func signOutEndsTheSession(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (cookie, csrf) = try await app.signIn(app.fixtures.agent)
            let (out, _, _) = try await app.post("/logout", form: [("_csrf", csrf)], cookie: cookie)
            #expect(out == .seeOther)
            #expect(try await app.page("/", cookie: cookie).0 == .seeOther)
        }
    }
}

@Suite struct RedirectTests {
    @Test(arguments: ["//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example", "/\n/x", "evil"])
    func signInNeverRedirectsOffSite(next: String) {
        #expect(AuthPagesController.safeNext(next) == nil)
    }

    @Test func sameSitePathsAreFollowed() {
        #expect(AuthPagesController.safeNext("/accounts/5?flash=saved") == "/accounts/5?flash=saved")
    }
}
