import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// Bad input gets a clear 4xx problem and stores nothing.
@Suite struct BadInputTests {
    static func accountCount(_ app: TestApp) async throws -> Int {
        let (_, page) = try await app.api(.get, "/api/v1/accounts?limit=200&archived=include", as: app.fixtures.admin)
        return page["data"]?.items.count ?? -1
    }

    @Test(arguments: TestDatabase.engines)
    func malformedBodiesAreRefused(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let admin = app.fixtures.admin
            let cases: [([UInt8], HTTPFields, HTTPResponse.Status)] = [
                (Array("{\"name\": ".utf8), [:], .badRequest),
                (Array("[1,2]".utf8), [:], .badRequest),
                ([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], [:], .badRequest),
                (Array("".utf8), [:], .badRequest),
                (Array(repeating: UInt8(ascii: " "), count: 2 * 1024 * 1024), [:], .contentTooLarge),
                (Array("name=x".utf8), [.contentType: "application/x-www-form-urlencoded"], .unsupportedMediaType),
            ]
            for (body, headers, expected) in cases {
                let (status, problem) = try await app.api(
                    .post, "/api/v1/accounts", as: admin, rawBody: body, headers: headers)
                #expect(status == expected, "\(body.prefix(20))")
                #expect(problem["status"] == .int(Int64(expected.code)))
            }
            #expect(try await Self.accountCount(app) == 0)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func invalidFieldsAreEachNamed(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let rep = app.fixtures.rep
            let (status, problem) = try await app.api(
                .post, "/api/v1/accounts", as: rep,
                json: .object([
                    "name": .int(5), "kind": .string("martian"), "email": .string("not-an-email"),
                    "website": .string("javascript:alert(1)"),
                    "colour": .string("blue"), "parent_account_id": .string("7"),
                ]))
            #expect(status == .unprocessableContent)
            let fields = problem.errorFields
            #expect(fields == ["name", "kind", "email", "website", "colour", "parent_account_id"])
            let dates: [(String, String)] = [
                ("contracts", "1899-12-31"), ("contracts", "2026-02-30"), ("contracts", "10000-01-01"),
                ("contracts", "yesterday"),
            ]
            let account = try await AccessAPITests.account(app, as: rep)
            for (_, bad) in dates {
                let (s, p) = try await app.api(
                    .post, "/api/v1/contracts", as: app.fixtures.manager,
                    json: .object([
                        "number": .string("C-\(bad)"), "account_id": .int(account), "start_date": .string(bad),
                        "end_date": .string("2026-12-31"),
                        "status": .string("draft"),
                    ]))
                #expect(s == .unprocessableContent, "\(bad)")
                #expect(String(describing: p).contains("start_date"))
            }
            let (reversed, _) = try await app.api(
                .post, "/api/v1/contracts", as: app.fixtures.manager,
                json: .object([
                    "number": .string("C-1"), "account_id": .int(account), "start_date": .string("2026-06-01"),
                    "end_date": .string("2026-01-01"),
                    "status": .string("draft"),
                ]))
            #expect(reversed == .unprocessableContent)
            let (nul, _) = try await app.api(
                .post, "/api/v1/accounts", as: rep,
                json: .object(["name": .string("bad\u{0}name"), "kind": .string("company")]))
            #expect(nul == .unprocessableContent)
            let (huge, _) = try await app.api(
                .post, "/api/v1/accounts", as: rep,
                json: .object(["name": .string(String(repeating: "长", count: 201)), "kind": .string("company")]))
            #expect(huge == .unprocessableContent)
            let (readOnly, _) = try await app.api(
                .patch, "/api/v1/accounts/\(account)", as: rep, json: .object(["id": .int(99)]))
            #expect(readOnly == .unprocessableContent)
            #expect(try await Self.accountCount(app) == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func duplicatesConflictAndQueriesAreChecked(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let m = app.fixtures.manager
            let product: JSONValue = .object([
                "sku": .string("HY-G300"), "name": .string("网关"), "list_price": .double(12990),
            ])
            #expect(try await app.api(.post, "/api/v1/products", as: m, json: product).0 == .created)
            let (dup, problem) = try await app.api(.post, "/api/v1/products", as: m, json: product)
            #expect(dup == .conflict)
            #expect(
                problem["errors"]
                    == .array([
                        .object(["field": .string("sku"), "code": .string("duplicate"), "message": problem["detail"]!])
                    ]))
            for bad in [
                "?sort=password", "?limit=0", "?limit=abc", "?cursor=%%%", "?colour=red", "?archived=maybe",
                "?kind=martian",
            ] {
                #expect(try await app.api(.get, "/api/v1/accounts" + bad, as: m).0 == .badRequest, "\(bad)")
            }
            #expect(try await app.api(.get, "/api/v1/accounts/abc", as: m).0 == .notFound)
            #expect(try await app.api(.get, "/api/v1/search", as: m).0 == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func metacharactersAreStoredVerbatimAndEscapedInPages(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let nasty = "<script>alert('x')</script> \"Robert'); DROP TABLE accounts;--\" & 100%"
            let (status, created) = try await app.api(
                .post, "/api/v1/accounts", as: app.fixtures.rep,
                json: .object(["name": .string(nasty), "kind": .string("company"), "description": .string(nasty)]))
            #expect(status == .created && created["name"] == .string(nasty))
            let id = created["id"]!.intValue!
            let (cookie, _) = try await app.signIn(app.fixtures.rep)
            for path in ["/accounts/\(id)", "/accounts", "/search?q=script", "/accounts/\(id)/edit"] {
                let (s, html, _) = try await app.page(path, cookie: cookie)
                #expect(s == .ok, "\(path)")
                #expect(!html.contains("<script>alert"), "\(path) shows raw markup")
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "\(path)")
            }
            #expect(
                try await app.api(.get, "/api/v1/accounts/\(id)", as: app.fixtures.rep).1["description"]
                    == .string(nasty))
        }
    }
}
