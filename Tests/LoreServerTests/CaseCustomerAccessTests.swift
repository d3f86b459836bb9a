import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// An agent may read the account and contact of any case they may read, and log interactions on them — but not
/// change those records, and not see an account no case of theirs is about.
@Suite struct CaseCustomerAccessTests {
    @Test(arguments: TestDatabase.engines)
    func anAgentSeesTheCustomersOfTheirCases(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            // Setup: a rep's customer with a case in the agent's department, and another customer without one.
            let customer = try await AccessAPITests.account(app, as: f.rep, name: "深圳华研电子")
            let other = try await AccessAPITests.account(app, as: f.rep, name: "Other Co")
            let (_, contact) = try await app.api(
                .post, "/api/v1/contacts", as: f.rep,
                json: .object(["name": .string("王丽"), "account_id": .int(customer)]))
            let contactID = try #require(contact["id"]?.intValue)
            let (opened, serviceCase) = try await app.api(
                .post, "/api/v1/cases", as: f.rep,
                json: .object([
                    "subject": .string("路由器无法联网"), "account_id": .int(customer), "contact_id": .int(contactID),
                    "department_id": .int(try #require(f.agent.departmentID)),
                ]))
            #expect(opened == .created)
            let caseID = try #require(serviceCase["id"]?.intValue)

            // Act and verify: read, list, name on the case page; no change; nothing beyond the case.
            #expect(try await app.api(.get, "/api/v1/accounts/\(customer)", as: f.agent).0 == .ok)
            #expect(try await app.api(.get, "/api/v1/contacts/\(contactID)", as: f.agent).0 == .ok)
            #expect(try await app.api(.get, "/api/v1/accounts/\(other)", as: f.agent).0 == .notFound)
            let (_, list) = try await app.api(.get, "/api/v1/accounts", as: f.agent)
            #expect(list["data"]?.items.compactMap { $0["id"]?.intValue } == [customer])
            let (patched, _) = try await app.api(
                .patch, "/api/v1/accounts/\(customer)", as: f.agent, json: .object(["name": .string("renamed")]))
            #expect(patched == .forbidden)
            let (logged, _) = try await app.api(
                .post, "/api/v1/interactions", as: f.agent,
                json: .object([
                    "subject": .string("回电确认故障"), "kind": .string("call"), "direction": .string("outbound"),
                    "account_id": .int(customer), "contact_id": .int(contactID),
                    "occurred_at": .string("2026-12-01T09:00:00.000Z"),
                ]))
            #expect(logged == .created)
            let agent = try await app.signIn(f.agent)
            let (_, page, _) = try await app.page("/cases/\(caseID)", cookie: agent.cookie)
            #expect(page.contains("深圳华研电子") && page.contains("王丽") && !page.contains("#\(customer)"))
            let (_, accountPage, _) = try await app.page("/accounts/\(customer)", cookie: agent.cookie)
            #expect(accountPage.contains("深圳华研电子") && !accountPage.contains("/accounts/\(customer)/edit"))
            // A rep's own view is unchanged; a sales rep of another team still cannot see it.
            #expect(try await app.api(.get, "/api/v1/accounts/\(customer)", as: f.otherRep).0 == .notFound)
        }
    }
}
