import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// Any filtered list exports as CSV: every matching record (past one page), names for references and labels for
/// choices, quoted where it must be, formulas neutralised, UTF-8 with an optional byte order mark.
@Suite struct RecordExportTests {
    @Test(arguments: TestDatabase.engines)
    func aFilteredListExportsAsCSV(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let records = RecordRepository(database: app.database)
            for i in 0..<205 {
                _ = try await records.create(
                    Catalog["accounts"], values: ["name": .string("批量客户 \(i)"), "kind": .string("company")], as: f.rep)
            }
            _ = try await records.create(
                Catalog["accounts"], values: ["name": .string("Smith, \"Jones\" & Co"), "kind": .string("individual")],
                as: f.rep)
            _ = try await records.create(
                Catalog["accounts"], values: ["name": .string("=HYPERLINK(\"x\")"), "kind": .string("individual")],
                as: f.rep)
            let rep = try await app.signIn(f.rep)

            let (status, csv, headers) = try await app.page("/accounts/export.csv?kind=individual", cookie: rep.cookie)
            #expect(status == .ok && headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("id,Name,") == true)
            #expect(csv.contains("\"Smith, \"\"Jones\"\" & Co\",Individual"))
            #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))

            // Every record, past the 200-row page; Chinese intact; the byte order mark on request.
            let (_, all, _) = try await app.page("/accounts/export.csv?bom=1", cookie: rep.cookie)
            #expect(all.hasPrefix("\u{FEFF}id,"))
            #expect(all.split(separator: "\r\n").count == 1 + 207)
            #expect(all.contains("批量客户 204"))
            // The list page links to the export with its filters.
            let (_, list, _) = try await app.page("/accounts?kind=individual", cookie: rep.cookie)
            #expect(list.contains("href=\"/accounts/export.csv?kind=individual\""))
            // Another team's rep gets only what they may see: nothing.
            let other = try await app.signIn(f.otherRep)
            #expect(
                try await app.page("/accounts/export.csv", cookie: other.cookie).1.split(separator: "\r\n").count == 1)
        }
    }

    @Test func fieldsAreEscapedForSpreadsheets() {
        #expect(
            CSV.line(["a", "b,c", "d\"e", "f\ng", "-1.5", "-x", "@x", ""])
                == "a,\"b,c\",\"d\"\"e\",\"f\ng\",-1.5,'-x,'@x,\r\n")
        #expect(CSV.amount(-123_450) == "-1234.50" && CSV.amount(5) == "0.05")
    }
}

extension RecordExportTests {
    @Test(arguments: TestDatabase.engines)
    func theCaseListExportsAsCSV(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let account = try await AccessAPITests.account(app, as: f.agent, name: "青岛海岸科技")
            for i in 0..<3 {
                let (status, _) = try await app.api(
                    .post, "/api/v1/cases", as: f.agent,
                    json: .object([
                        "subject": .string("导出测试 \(i), \"引号\""), "account_id": .int(account),
                        "department_id": .int(try #require(f.agent.departmentID)),
                    ]))
                #expect(status == .created)
            }
            let agent = try await app.signIn(f.agent)
            let (status, csv, _) = try await app.page("/cases/export.csv?bom=1", cookie: agent.cookie)
            #expect(status == .ok && csv.hasPrefix("\u{FEFF}Case,Subject,"))
            #expect(csv.split(separator: "\r\n").count == 4)
            #expect(csv.contains("\"导出测试 2, \"\"引号\"\"\"") && csv.contains("青岛海岸科技"))
            let (_, list, _) = try await app.page("/cases?status=new", cookie: agent.cookie)
            #expect(list.contains("href=\"/cases/export.csv?status=new\""))
        }
    }
}
