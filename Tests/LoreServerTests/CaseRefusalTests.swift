import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// The service desk's bad input (issue 4): each refusal is a clear 4xx and leaves nothing half-made.
@Suite struct CaseRefusalTests {
    static func caseCount(_ app: TestApp) async throws -> Int {
        try await app.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM cases").first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func refusedRequestsChangeNothing(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let s = try await ServiceFixtures.extend(
                app.fixtures, app.database, cases: CaseRepository(database: app.database))
            let f = app.fixtures
            let (_, made) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object([
                    "subject": .string("Scanner jams"), "contact_id": .int(s.contactID),
                    "department_id": .int(s.service),
                ]))
            let id = made["id"]!.intValue!
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/\(id)/resolve", as: f.agent, json: .object(["resolution": .string("Cleaned")])
                ).0 == .ok)
            #expect(try await app.api(.post, "/api/v1/cases/\(id)/close", as: f.agent).0 == .ok)

            // Escalating a closed case is a conflict that names the status; the case keeps its tier and status.
            let (refused, why) = try await app.api(
                .post, "/api/v1/cases/\(id)/escalate", as: f.agent, json: .object(["reason": .string("Again")]))
            #expect(refused == .conflict && String(describing: why).contains("closed"))
            // A state conflict names the field it is about, with its own code (not a duplicate).
            #expect(
                why["errors"]
                    == .array([
                        .object(["field": .string("status"), "code": .string("conflict"), "message": why["detail"]!])
                    ]))
            let (_, after) = try await app.api(.get, "/api/v1/cases/\(id)", as: f.agent)
            #expect(after["status"] == .string("closed") && after["tier"]?.intValue == 1)
            // Escalating without a reason is a validation error on that field.
            let (_, open) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object(["subject": .string("Toner"), "department_id": .int(s.service)]))
            let (noReason, problem) = try await app.api(
                .post, "/api/v1/cases/\(open["id"]!.intValue!)/escalate", as: f.agent, json: .object([:]))
            #expect(noReason == .unprocessableContent && String(describing: problem).contains("reason"))

            // A message over the size limit is refused before it is parsed; no case is made.
            let before = try await Self.caseCount(app)
            let huge =
                Array("From: \(s.contactEmail)\r\nSubject: big\r\n\r\n".utf8)
                + [UInt8](repeating: 65, count: MailParser.maximumBytes + 1)
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/intake", as: f.agent, rawBody: huge, headers: [.contentType: "message/rfc822"]
                ).0
                    == .contentTooLarge)
            // Headers with no From: are unreadable; a body in an unknown charset is read as UTF-8, not refused.
            let noFrom = Array("Subject: hello\r\nContent-Type: text/plain\r\n\r\nbody".utf8)
            let (unreadable, reason) = try await app.api(
                .post, "/api/v1/cases/intake", as: f.agent, rawBody: noFrom, headers: [.contentType: "message/rfc822"])
            #expect(unreadable == .unprocessableContent && String(describing: reason).contains("From"))
            #expect(try await Self.caseCount(app) == before)
            let odd =
                "From: \(s.contactEmail)\r\nSubject: Printer offline\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nIt shows 离线 since Monday."
            let (taken, intake) = try await app.api(
                .post, "/api/v1/cases/intake", as: f.agent, rawBody: Array(odd.utf8),
                headers: [.contentType: "message/rfc822"])
            #expect(taken == .created && intake["case"]?["description"] == .string("It shows 离线 since Monday."))
            // A multipart message whose closing boundary never comes still yields its text.
            let cut =
                "From: \(s.contactEmail)\r\nSubject: Cut off\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nPart one"
            let (partial, cutCase) = try await app.api(
                .post, "/api/v1/cases/intake", as: f.agent, rawBody: Array(cut.utf8),
                headers: [.contentType: "message/rfc822"])
            #expect(partial == .created && cutCase["case"]?["description"]?.stringValue?.contains("Part one") == true)
            #expect(try await Self.caseCount(app) == before + 2)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aSurveyLinkAnswersOnceAndAForgedOneShowsNothing(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let repo = CaseRepository(database: app.database)
            let s = try await ServiceFixtures.extend(app.fixtures, app.database, cases: repo)
            let c = try await repo.create(
                CaseInput(subject: "Late delivery", description: "", contactID: s.contactID, departmentID: s.service),
                as: app.fixtures.agent)
            let link = try #require(
                try await repo.resolve(caseID: c.id, resolution: "Sent again", as: app.fixtures.agent).csatLink)
            let token = String(link.split(separator: "/").last!)
            let (first, thanks, _) = try await app.post(link, form: [("_csrf", token), ("score", "4")], cookie: nil)
            #expect(first == .ok && thanks.contains("Thank you"))
            let (second, page, _) = try await app.post(
                link, form: [("_csrf", token), ("score", "1"), ("comment", "changed my mind")], cookie: nil)
            #expect(second == .conflict && page.contains("already been answered"))
            #expect(try await repo.survey(token: token).score == 4)
            // A forged token (right shape, no such survey) and a malformed one are both "not found".
            let forged = String(repeating: "f", count: 43)
            #expect(
                try await app.post("/csat/" + forged, form: [("_csrf", forged), ("score", "5")], cookie: nil).0
                    == .notFound)
            #expect(
                try await app.post("/csat/" + forged, form: [("_csrf", "x"), ("score", "5")], cookie: nil).0
                    == .forbidden)
            #expect(try await app.page("/csat/" + forged, cookie: nil).0 == .notFound)
            #expect(
                try await app.api(.post, "/api/v1/csat/\(forged)", as: nil, json: .object(["score": .int(5)])).0
                    == .notFound)
            #expect(try await app.api(.get, "/api/v1/csat/short", as: nil).0 == .notFound)
        }
    }
}
