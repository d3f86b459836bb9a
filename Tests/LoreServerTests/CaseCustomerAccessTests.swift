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
            let (_, second) = try await app.api(
                .post, "/api/v1/cases", as: f.rep,
                json: .object([
                    "subject": .string("第二台路由器也掉线"), "account_id": .int(customer),
                    "department_id": .int(try #require(f.agent.departmentID)),
                ]))
            let agent = try await app.signIn(f.agent)
            let (_, page, _) = try await app.page("/cases/\(caseID)", cookie: agent.cookie)
            #expect(page.contains("深圳华研电子") && page.contains("王丽") && !page.contains("#\(customer)"))
            // The workspace: one actions menu, an SLA countdown, the conversation's empty state, the customer's
            // other open case in the side panel.
            #expect(page.contains("<details class=\"menu\">") && page.contains("class=\"countdown countdown-"))
            #expect(page.contains("No messages yet"))
            #expect(page.contains("href=\"/cases/\(try #require(second["id"]?.intValue))\""))
            let (_, accountPage, _) = try await app.page("/accounts/\(customer)", cookie: agent.cookie)
            #expect(accountPage.contains("深圳华研电子") && !accountPage.contains("/accounts/\(customer)/edit"))
            // A rep's own view is unchanged; a sales rep of another team still cannot see it.
            #expect(try await app.api(.get, "/api/v1/accounts/\(customer)", as: f.otherRep).0 == .notFound)
        }
    }
}

/// One search box for everything: records, cases (by words or reference) and articles, grouped by type, only what
/// the viewer may see.
@Suite struct GlobalSearchTests {
    @Test(arguments: TestDatabase.engines)
    func oneBoxFindsRecordsCasesAndArticles(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let account = try await AccessAPITests.account(app, as: f.agent, name: "云杉光电")
            let (_, opened) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object([
                    "subject": .string("云杉光电 交换机端口闪断"), "account_id": .int(account),
                    "department_id": .int(try #require(f.agent.departmentID)),
                ]))
            let caseID = try #require(opened["id"]?.intValue)
            let (_, article) = try await app.api(
                .post, "/api/v1/articles", as: f.knowledgeManager,
                json: .object([
                    "type": .string("solution"), "language": .string("zh"), "title": .string("交换机端口闪断的排查"),
                    "body": .string("检查光模块与线缆。"),
                ]))
            let articleID = try #require(article["id"]?.intValue)
            #expect(try await app.api(.post, "/api/v1/articles/\(articleID)/approve", as: f.knowledgeManager).0 == .ok)

            let agent = try await app.signIn(f.agent)
            let query = "交换机".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let (_, page, _) = try await app.page("/search?q=\(query)", cookie: agent.cookie)
            #expect(page.contains("href=\"/cases/\(caseID)\"") && page.contains("href=\"/kb/articles/\(articleID)\""))
            let (_, byReference, _) = try await app.page("/search?q=C-\(caseID)", cookie: agent.cookie)
            #expect(byReference.contains("href=\"/cases/\(caseID)\""))
            let (_, byName, _) = try await app.page("/search?q=%E4%BA%91%E6%9D%89", cookie: agent.cookie)
            #expect(byName.contains("href=\"/accounts/\(account)\""))
            // A rep of another team sees neither the account nor the case.
            let other = try await app.signIn(f.otherRep)
            let (_, theirs, _) = try await app.page("/search?q=\(query)", cookie: other.cookie)
            #expect(!theirs.contains("/cases/\(caseID)"))
        }
    }
}

extension GlobalSearchTests {
    @Test(arguments: TestDatabase.engines)
    func theAPISearchesCasesAndArticlesToo(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let (_, opened) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object([
                    "subject": .string("Printer spooler hangs"),
                    "department_id": .int(try #require(f.agent.departmentID)),
                ]))
            let caseID = try #require(opened["id"]?.intValue)
            let (status, found) = try await app.api(.get, "/api/v1/search?q=spooler", as: f.agent)
            #expect(status == .ok)
            #expect(
                found["data"]?.items.contains { $0["entity"] == .string("cases") && $0["id"] == .int(caseID) } == true)
        }
    }
}
