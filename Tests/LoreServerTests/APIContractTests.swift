import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// The server does what the OpenAPI document says: required fields, media types, query parameters, methods, nulls.
@Suite struct APIContractTests {
    @Test(arguments: TestDatabase.engines)
    func needsReviewHasItsTotal(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let (status, body) = try await app.api(.get, "/api/v1/kb/needs-review", as: app.fixtures.knowledgeManager)
            #expect(status == .ok && body["total"] == .int(0))
        }
    }

    /// `sort` and `cursor` were ignored on articles and cases (records refused them): every operation now refuses a
    /// parameter it does not take, and a value outside the documented range.
    @Test(arguments: TestDatabase.engines)
    func unknownAndOutOfRangeQueryParametersAreRefused(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let km = app.fixtures.admin
            for path in [
                "/api/v1/articles?sort=bogus", "/api/v1/articles?cursor=abc", "/api/v1/cases?sort=-subject",
                "/api/v1/cases?cursor=x",
                "/api/v1/articles?limit=0", "/api/v1/articles?limit=101", "/api/v1/cases?limit=abc",
                "/api/v1/cases?unassigned=maybe",
                "/api/v1/audit-log?limit=-5", "/api/v1/audit-log?limit=100000", "/api/v1/me?debug=1", "/api/v1/search",
                "/api/v1/search?q=", "/api/v1/articles/export?format=csv", "/api/v1/accounts/1?permanent=yes",
                "/api/v1/service/loop?bucket=week", "/api/v1/kb/search?type=faq,memo",
            ] {
                let (status, problem) = try await app.api(.get, path, as: km)
                #expect(status == .badRequest, "\(path) → \(status)")
                #expect(problem["detail"]?.stringValue?.isEmpty == false, "\(path) says what is wrong")
            }
            #expect(try await app.api(.get, "/api/v1/kb/search?type=faq&type=how_to", as: km).0 == .ok)
            #expect(
                try await app.api(.delete, "/api/v1/accounts/999?permanent=maybe", as: app.fixtures.admin).0
                    == .badRequest)
        }
    }

    /// A path called with a method it does not take answers 405 with `Allow`, not 404.
    @Test(arguments: TestDatabase.engines)
    func otherMethodsAre405WithAllow(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.put, "/api/v1/accounts", "GET, POST"), (.delete, "/api/v1/me", "GET"),
                (.patch, "/api/v1/articles/export", "GET"),
                (.get, "/api/v1/cases/assign", "POST"), (.trace, "/api/v1/accounts/1", "GET, PATCH, DELETE"),
            ]
            for (method, path, allow) in cases {
                let response = try await app.client.execute(
                    uri: path, method: method, headers: [.authorization: "Bearer " + app.token(app.fixtures.admin)],
                    body: nil
                ) { $0 }
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    /// Query strings are form-encoded: `+` is a space (schemathesis sent `email=+++`, a blank filter the document
    /// allows, and got 400 "is not an e-mail address"); percent-encoded keys are read too.
    @Test(arguments: TestDatabase.engines)
    func plusInAQueryStringIsASpace(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let admin = app.fixtures.admin
            let made = try await app.api(
                .post, "/api/v1/contacts", as: admin, json: .object(["name": .string("Ada Lovelace")])
            ).0
            #expect(made == .created)
            #expect(try await app.api(.get, "/api/v1/contacts?email=+++&limit=1", as: admin).0 == .ok)
            let (status, body) = try await app.api(.get, "/api/v1/contacts?%71=Ada+Lovelace", as: admin)
            #expect(status == .ok && (body["data"]?.items ?? []).count == 1, "\(status) \(body)")
        }
    }

    /// `POST /cases {"priority": null}` was accepted though the document says priority is not nullable.
    @Test(arguments: TestDatabase.engines)
    func nullIsRefusedWhereTheDocumentForbidsIt(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            for field in ["priority", "channel"] {
                let (status, problem) = try await app.api(
                    .post, "/api/v1/cases", as: app.fixtures.agent,
                    json: .object(["subject": .string("x"), field: .null]))
                #expect(status == .unprocessableContent && problem.errorFields == [field], "\(field)")
            }
            let (ok, _) = try await app.api(
                .post, "/api/v1/cases", as: app.fixtures.agent,
                json: .object(["subject": .string("x"), "account_id": .null]))
            #expect(ok == .created)
        }
    }

    /// The export is JSON Lines, and the document says so; DELETE is documented as archiving.
    @Test func theDocumentStatesMediaTypesAccessAndWhatDeleteDoes() async throws {
        try await TestApp.with(.sqlite) { app in
            let doc = app.openAPI
            let export = doc["paths"]?["/api/v1/articles/export"]?["get"]
            #expect(export?["responses"]?["200"]?["content"]?["application/x-ndjson"] != nil)
            let delete = doc["paths"]?["/api/v1/accounts/{id}"]?["delete"]
            #expect(delete?["summary"]?.stringValue?.hasPrefix("Archive") == true)
            #expect(
                delete?["parameters"]?.items.contains {
                    $0["name"] == .string("permanent") && $0["schema"]?["type"] == .string("boolean")
                } == true)
            let users = doc["paths"]?["/api/v1/users"]?["get"]
            #expect(users?["responses"]?["403"] != nil)
            #expect(users?["x-lore-roles"]?.items.contains(.string("customer")) == false)
            let limit = doc["paths"]?["/api/v1/accounts"]?["get"]?["parameters"]?.items.first {
                $0["name"] == .string("limit")
            }
            #expect(limit?["schema"]?["maximum"] == .int(200) && limit?["schema"]?["minimum"] == .int(1))
            let search = doc["paths"]?["/api/v1/search"]?["get"]?["parameters"]?.items.first {
                $0["name"] == .string("q")
            }
            #expect(search?["required"] == .bool(true))
            let csat = doc["paths"]?["/api/v1/csat/{token}"]?["get"]
            #expect(csat?["security"] == .array([]))
            let (status, _) = try await app.api(.get, "/api/v1/articles/export", as: app.fixtures.knowledgeManager)
            #expect(status == .ok)
        }
    }

    /// DELETE archives: the record leaves lists and GET answers 404 unless asked for with archived=true (schemathesis'
    /// use-after-free check), and it can be restored.
    @Test(arguments: TestDatabase.engines)
    func anArchivedRecordIsGoneUntilAskedForOrRestored(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let rep = app.fixtures.rep
            let id = try await AccessAPITests.account(app, as: rep)
            #expect(try await app.api(.delete, "/api/v1/accounts/\(id)", as: rep).0 == .ok)
            #expect(try await app.api(.get, "/api/v1/accounts/\(id)", as: rep).0 == .notFound)
            let (asked, record) = try await app.api(.get, "/api/v1/accounts/\(id)?archived=true", as: rep)
            #expect(asked == .ok && record["archived_at"] != .null)
            #expect(try await app.api(.post, "/api/v1/accounts/\(id)/restore", as: rep).0 == .ok)
            #expect(try await app.api(.get, "/api/v1/accounts/\(id)", as: rep).0 == .ok)
        }
    }

    /// A cursor is the id of the last record of a page: paging by any sort visits every record once, and a cursor
    /// naming a record that does not exist is a 404.
    @Test(arguments: TestDatabase.engines)
    func cursorsPageThroughEveryRecordOnce(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let rep = app.fixtures.rep
            var made: Set<Int64> = []
            for name in ["b", "a", "c", "a", "d", "b", "e"] {
                made.insert(try await AccessAPITests.account(app, as: rep, name: name))
            }
            for sort in ["name", "-name", "-created_at", "id"] {
                var seen: [Int64] = []
                var cursor: String?
                repeat {
                    let path = "/api/v1/accounts?limit=2&sort=\(sort)" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let (status, page) = try await app.api(.get, path, as: rep)
                    #expect(status == .ok)
                    seen += (page["data"]?.items ?? []).compactMap { $0["id"]?.intValue }
                    cursor = page["next_cursor"]?.stringValue
                } while cursor != nil && seen.count < 20
                #expect(Set(seen) == made && seen.count == made.count, "sort=\(sort)")
            }
            #expect(try await app.api(.get, "/api/v1/accounts?sort=name&cursor=987654", as: rep).0 == .notFound)
        }
    }
}
