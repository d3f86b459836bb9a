import HTTPTypes
import LoreCore
import LoreTestSupport
import Testing

@testable import LoreServer
@testable import LoreStore

/// The audit log and a record's history say what changed in words: translated fields and choices, old → new,
/// references by name.
@Suite struct AuditChangesTests {
    @Test(arguments: TestDatabase.engines)
    func changesReadAsOldToNew(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let account = try await AccessAPITests.account(app, as: f.rep, name: "远航船务")
            let (patched, _) = try await app.api(
                .patch, "/api/v1/accounts/\(account)", as: f.rep, json: .object(["kind": .string("individual")]))
            #expect(patched == .ok)
            let manager = try await app.signIn(f.manager)
            let (_, page, _) = try await app.page("/accounts/\(account)", cookie: manager.cookie)
            #expect(page.contains("Type: Company → Individual"))
            let (_, audit, _) = try await app.page("/audit?entity=accounts", cookie: manager.cookie)
            #expect(audit.contains("Type: Company → Individual"))
            let (_, zh, _) = try await app.page(
                "/accounts/\(account)", cookie: manager.cookie, headers: [.acceptLanguage: "zh-CN"])
            #expect(zh.contains("类型: 企业 → 个人"))
        }
    }

    @Test func caseFieldsAndUnreadableChangesAreFormatted() {
        let changes = AuditChanges(
            t: Localizer(.en), offset: 0, titles: ["users": [7: "王丽"], "departments": [:]])
        let entry = AuditEntry(
            id: 1, at: "2026-12-01T00:00:00.000Z", userID: nil, userName: nil, entity: "cases", entityID: 3,
            action: "assign",
            changes: #"{"assignee_id":[null,7],"tier":[1,2],"department_id":[4,5],"status":["open","resolved"]}"#,
            ip: nil)
        #expect(
            changes.describe(entry)
                == "Assignee: — → 王丽; Department: a record you cannot see → a record you cannot see; Status: Open → Resolved; Tier: Tier 1 → Tier 2 (senior)"
        )
        var broken = entry
        broken.changes = "{not json"
        #expect(changes.describe(broken).isEmpty)
    }
}
