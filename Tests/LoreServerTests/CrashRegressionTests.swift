import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// Inputs that once stopped the server or were silently mangled. Each must get an answer, and the server must still
/// answer the next request.
@Suite struct CrashRegressionTests {
    /// A blank e-mail, phone, mobile or website trapped on a force unwrap (`POST /contacts {"email":""}` stopped Lore).
    @Test(arguments: TestDatabase.engines)
    func blankContactFieldsAreClearedNotFatal(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let agent = app.fixtures.agent
            for field in ["email", "phone", "mobile"] {
                for blank in ["", "   ", "\t"] {
                    let (status, body) = try await app.api(
                        .post, "/api/v1/contacts", as: agent,
                        json: .object(["name": .string("x"), field: .string(blank)]))
                    #expect(status == .created, "\(field)=\(blank.debugDescription)")
                    #expect(body[field] == .null)
                    guard let id = body["id"]?.intValue else { continue }
                    let (patched, after) = try await app.api(
                        .patch, "/api/v1/contacts/\(id)", as: agent, json: .object([field: .string(blank)]))
                    #expect(patched == .ok && after[field] == .null)
                }
            }
            let (account, created) = try await app.api(
                .post, "/api/v1/accounts", as: agent,
                json: .object(["name": .string("y"), "kind": .string("company"), "website": .string(" ")]))
            #expect(account == .created && created["website"] == .null)
            let (user, problem) = try await app.api(
                .post, "/api/v1/users", as: app.fixtures.admin,
                json: .object([
                    "email": .string(" "), "name": .string("n"), "role": .string("agent"),
                    "password": .string("long enough pw"),
                ]))
            #expect(user == .unprocessableContent && problem.errorFields == ["email"])
            // The forms take the same path.
            let (cookie, csrf) = try await app.signIn(agent)
            let (form, _, _) = try await app.post(
                "/contacts", form: [("_csrf", csrf), ("name", "王"), ("email", " "), ("phone", ""), ("mobile", "  ")],
                cookie: cookie)
            #expect(form == .seeOther)
            #expect(try await app.api(.get, "/api/v1/me", as: agent).0 == .ok)
        }
    }

    /// Lone surrogates, NUL, huge numbers and deep nesting in a JSON body get a 4xx problem, never a 5xx or a trap.
    @Test(arguments: TestDatabase.engines)
    func hostileJSONIsAnsweredWithAProblem(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let bodies = [
                #"{"name":"\ud800","kind":"company"}"#, #"{"name":"a\udc00b","kind":"company"}"#,
                #"{"name":"\u0000","kind":"company"}"#,
                #"{"name":"x","kind":"company","parent_account_id":1e400}"#,
                #"{"name":"x","kind":"company","parent_account_id":99999999999999999999}"#,
                #"{"name":"x","kind":"company","parent_account_id":-1}"#, String(repeating: "[", count: 10_000),
            ]
            for body in bodies {
                let (status, problem) = try await app.api(
                    .post, "/api/v1/accounts", as: app.fixtures.rep, rawBody: Array(body.utf8))
                #expect((400..<500).contains(Int(status.code)), "\(body.prefix(60)) → \(status)")
                #expect(problem["status"] == .int(Int64(status.code)))
            }
            #expect(try await app.api(.get, "/api/v1/me", as: app.fixtures.rep).0 == .ok)
        }
    }

    /// 0.001 was stored as 0 and negative amounts were accepted.
    @Test(arguments: TestDatabase.engines)
    func amountsAreWholeCentsAndNeverNegative(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let rep = app.fixtures.rep
            func lead(_ amount: Double) -> JSONValue {
                .object(["name": .string("lead"), "status": .string("new"), "estimated_value": .double(amount)])
            }
            for (amount, code) in [(0.001, "invalid_amount"), (-250.0, "out_of_range"), (1e14, "out_of_range")] {
                let (status, problem) = try await app.api(.post, "/api/v1/leads", as: rep, json: lead(amount))
                #expect(status == .unprocessableContent, "\(amount)")
                #expect(problem["errors"]?.items.first?["code"] == .string(code), "\(amount)")
            }
            let (ok, created) = try await app.api(.post, "/api/v1/leads", as: rep, json: lead(0.07))
            #expect(ok == .created && created["estimated_value"] == .double(0.07))
            guard let id = created["id"]?.intValue else { return }
            let (patched, _) = try await app.api(
                .patch, "/api/v1/leads/\(id)", as: rep, json: .object(["estimated_value": .double(-1)]))
            #expect(patched == .unprocessableContent)
        }
    }
}

/// A database that cannot be reached answers 503 with Retry-After, never a 500 (the durability script restarts
/// PostgreSQL under load to show it end to end).
@Suite struct DatabaseUnavailableTests {
    @Test func aDatabaseTimeoutIsA503WithRetryAfter() throws {
        let problem = try #require(Problem.from(DatabaseTimeout(seconds: 10)))
        #expect(problem.status == .serviceUnavailable)
        #expect(problem.headers[.retryAfter] == "2")
        #expect(problem.detail?.contains("may or may not") == true)
    }

    @Test func aValidationErrorIsNotMistakenForAnOutage() {
        #expect(!DatabaseAvailability.isUnavailable(ValidationFailure([])))
        #expect(!DatabaseAvailability.isUnavailable(StoreError.badRequest("x")))
    }
}
