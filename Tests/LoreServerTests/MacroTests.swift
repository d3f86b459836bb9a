import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// Canned replies: a service manager keeps them for their department; agents insert them, filled in for the case.
@Suite struct MacroTests {
    @Test(arguments: TestDatabase.engines)
    func managersKeepAndAgentsUseCannedReplies(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            // Setup: a manager writes one; bad input is named field by field.
            let (refused, problem) = try await app.api(
                .post, "/api/v1/service/macros", as: f.serviceManager,
                json: .object(["title": .string(""), "body": .int(3), "colour": .string("red")]))
            #expect(refused == .unprocessableContent && problem.errorFields == ["title", "body", "colour"])
            let (created, macro) = try await app.api(
                .post, "/api/v1/service/macros", as: f.serviceManager,
                json: .object([
                    "title": .string("道歉并跟进"), "body": .string("{customer} 您好，关于工单 {case}（{subject}），我们正在处理。— {agent}"),
                ]))
            let department = try #require(f.serviceManager.departmentID)
            #expect(created == .created && macro["department_id"] == .int(department))
            let id = try #require(macro["id"]?.intValue)

            // Who may: agents list, but neither they nor a rep may write; another department's manager cannot see it.
            let (_, list) = try await app.api(.get, "/api/v1/service/macros", as: f.agent)
            #expect(list["data"]?.items.map { $0["id"] } == [.int(id)])
            #expect(try await app.api(.get, "/api/v1/service/macros", as: f.rep).0 == .forbidden)
            #expect(
                try await app.api(
                    .post, "/api/v1/service/macros", as: f.agent,
                    json: .object(["title": .string("x"), "body": .string("y")])
                ).0 == .forbidden)

            // Used on a case: the page offers it filled in with the customer, the reference and the agent.
            let account = try await AccessAPITests.account(app, as: f.agent, name: "海辰物流")
            let (_, opened) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object([
                    "subject": .string("运单查询"), "account_id": .int(account),
                    "department_id": .int(try #require(f.agent.departmentID)),
                ]))
            let caseID = try #require(opened["id"]?.intValue)
            let agent = try await app.signIn(f.agent)
            let (_, page, _) = try await app.page("/cases/\(caseID)", cookie: agent.cookie)
            #expect(page.contains("海辰物流 您好，关于工单 C-\(caseID)（运单查询），我们正在处理。— \(f.agent.name)"))

            // Changed and deleted by the manager; the manager's page lists them.
            let (updated, changed) = try await app.api(
                .put, "/api/v1/service/macros/\(id)", as: f.serviceManager,
                json: .object(["title": .string("跟进"), "body": .string("您好 {contact}")]))
            #expect(updated == .ok && changed["title"] == .string("跟进"))
            let manager = try await app.signIn(f.serviceManager)
            #expect(try await app.page("/service/macros", cookie: manager.cookie).1.contains("跟进"))
            #expect(try await app.api(.delete, "/api/v1/service/macros/\(id)", as: f.serviceManager).0 == .noContent)
            #expect(try await app.api(.delete, "/api/v1/service/macros/\(id)", as: f.serviceManager).0 == .notFound)
        }
    }

    @Test func placeholdersAreFilledAndUnknownOnesKept() {
        let m = CaseMacro(id: 1, title: "t", body: "Hi {customer}, {case} {oops}", departmentID: nil, updatedAt: "")
        #expect(m.filled(["customer": "Acme", "case": "C-9"]) == "Hi Acme, C-9 {oops}")
    }
}

extension MacroTests {
    @Test func aFilledValueIsNotFilledAgain() {
        let m = CaseMacro(id: 1, title: "t", body: "{customer} / {agent} {", departmentID: nil, updatedAt: "")
        #expect(m.filled(["customer": "{agent}", "agent": "王丽"]) == "{agent} / 王丽 {")
    }
}
