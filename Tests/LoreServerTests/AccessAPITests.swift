import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct AccessAPITests {
    static func account(_ app: TestApp, as p: Principal, name: String = "Acme 顶点") async throws -> Int64 {
        let (status, body) = try await app.api(
            .post, "/api/v1/accounts", as: p, json: .object(["name": .string(name), "kind": .string("company")]))
        #expect(status == .created)
        return body["id"]!.intValue!
    }

    @Test(arguments: TestDatabase.engines)
    func aRepCannotReadAnotherTeamsAccount(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let south = try await Self.account(app, as: app.fixtures.otherRep)
            let (status, _) = try await app.api(.get, "/api/v1/accounts/\(south)", as: app.fixtures.rep)
            #expect(status == .notFound)
            let (listed, page) = try await app.api(.get, "/api/v1/accounts", as: app.fixtures.rep)
            #expect(listed == .ok && page["data"] == .array([]))
            let (patched, _) = try await app.api(
                .patch, "/api/v1/accounts/\(south)", as: app.fixtures.rep, json: .object(["name": .string("mine now")]))
            #expect(patched == .notFound)
            // Referring to it is refused too, naming the field.
            let (refused, problem) = try await app.api(
                .post, "/api/v1/contacts", as: app.fixtures.rep,
                json: .object(["name": .string("x"), "account_id": .int(south)]))
            #expect(refused == .unprocessableContent)
            #expect(
                problem["errors"]
                    == .array([
                        .object([
                            "field": .string("account_id"), "code": .string("invalid_reference"),
                            "message": .string("no accounts record \(south) that you may see"),
                        ])
                    ]))
            let (teamMate, _) = try await app.api(.get, "/api/v1/accounts/\(south)", as: app.fixtures.manager)
            #expect(teamMate == .ok)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anAgentCannotDeleteAnAccount(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let id = try await Self.account(app, as: app.fixtures.agent)
            let (status, problem) = try await app.api(.delete, "/api/v1/accounts/\(id)", as: app.fixtures.agent)
            #expect(status == .forbidden)
            #expect(problem["title"] == .string("Forbidden"))
            let (still, record) = try await app.api(.get, "/api/v1/accounts/\(id)", as: app.fixtures.agent)
            #expect(still == .ok && record["archived_at"] == .null)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func revokedAndDeactivatedTokensAreRefused(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (created, token) = try await app.api(
                .post, "/api/v1/tokens", as: app.fixtures.agent, json: .object(["name": .string("script")]))
            #expect(created == .created)
            let secret = token["token"]!.stringValue!
            let bearer: HTTPFields = [.authorization: "Bearer " + secret]
            #expect(try await app.api(.get, "/api/v1/me", as: nil, headers: bearer).0 == .ok)
            #expect(
                try await app.api(.delete, "/api/v1/tokens/\(token["id"]!.intValue!)", as: app.fixtures.agent).0
                    == .noContent)
            #expect(try await app.api(.get, "/api/v1/me", as: nil, headers: bearer, validate: false).0 == .unauthorized)

            #expect(try await app.api(.get, "/api/v1/me", as: app.fixtures.rep).0 == .ok)
            let (deactivated, user) = try await app.api(
                .post, "/api/v1/users/\(app.fixtures.rep.userID)/deactivate", as: app.fixtures.admin)
            #expect(deactivated == .ok && user["active"] == .bool(false))
            #expect(try await app.api(.get, "/api/v1/me", as: app.fixtures.rep, validate: false).0 == .unauthorized)
            #expect(
                try await app.api(
                    .post, "/api/v1/users/\(app.fixtures.agent.userID)/deactivate", as: app.fixtures.manager
                ).0 == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aRoleChangeAppliesAtOnceDespiteTheAuthCache(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let id = try await Self.account(app, as: app.fixtures.rep)
            #expect(try await app.api(.get, "/api/v1/me", as: app.fixtures.rep).1["role"] == .string("sales_rep"))
            let (patched, _) = try await app.api(
                .patch, "/api/v1/users/\(app.fixtures.rep.userID)", as: app.fixtures.admin,
                json: .object(["role": .string("agent")]))
            #expect(patched == .ok)
            #expect(try await app.api(.get, "/api/v1/me", as: app.fixtures.rep).1["role"] == .string("agent"))
            #expect(try await app.api(.delete, "/api/v1/accounts/\(id)", as: app.fixtures.rep).0 == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func formsAndCookieAPICallsNeedTheCSRFToken(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (cookie, csrf) = try await app.signIn(app.fixtures.rep)
            let form = [("name", "CSRF Test"), ("kind", "company")]
            let (refused, html, _) = try await app.post("/accounts", form: form, cookie: cookie)
            #expect(refused == .forbidden)
            #expect(html.contains("expired"))
            let (forged, _, _) = try await app.post("/accounts", form: [("_csrf", "forged")] + form, cookie: cookie)
            #expect(forged == .forbidden)
            #expect(try await app.api(.get, "/api/v1/accounts", as: app.fixtures.admin).1["data"] == .array([]))
            let (ok, _, headers) = try await app.post("/accounts", form: [("_csrf", csrf)] + form, cookie: cookie)
            #expect(ok == .seeOther && headers[.location]?.hasPrefix("/accounts/") == true)
            // A cookie-authenticated API write without X-CSRF-Token is refused; with it, accepted.
            let body: JSONValue = .object(["name": .string("Via cookie"), "kind": .string("company")])
            #expect(
                try await app.api(.post, "/api/v1/accounts", as: nil, json: body, headers: [.cookie: cookie]).0
                    == .forbidden)
            #expect(
                try await app.api(
                    .post, "/api/v1/accounts", as: nil, json: body, headers: [.cookie: cookie, .csrfToken: csrf]
                ).0 == .created)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func failedSignInsAreThrottled(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            for _ in 0..<5 {
                let (_, html, headers) = try await app.page("/login", cookie: nil)
                let csrf = TestApp.hiddenValue("_csrf", in: html)!
                let cookie = String(
                    headers[values: .setCookie].first { $0.hasPrefix("lore_login_csrf=") }!.split(separator: ";")[0])
                let (status, _, _) = try await app.post(
                    "/login",
                    form: [("_csrf", csrf), ("email", app.fixtures.rep.email), ("password", "wrong password")],
                    cookie: cookie)
                #expect(status == .unauthorized)
            }
            let (_, html, headers) = try await app.page("/login", cookie: nil)
            let csrf = TestApp.hiddenValue("_csrf", in: html)!
            let cookie = String(
                headers[values: .setCookie].first { $0.hasPrefix("lore_login_csrf=") }!.split(separator: ";")[0])
            let (status, page, _) = try await app.post(
                "/login", form: [("_csrf", csrf), ("email", app.fixtures.rep.email), ("password", TestApp.password)],
                cookie: cookie)
            #expect(status == .tooManyRequests)
            #expect(page.contains("Too many failed sign-ins"))
        }
    }
}
