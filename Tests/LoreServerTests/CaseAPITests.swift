import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct CaseAPITests {
    static func ids(_ list: JSONValue) -> [Int64] {
        if case .array(let items) = list["data"] { return items.compactMap { $0["id"]?.intValue } }
        return []
    }

    @Test(arguments: TestDatabase.engines)
    func theLoopThroughTheAPI(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let s = try await ServiceFixtures.extend(
                app.fixtures, app.database, cases: CaseRepository(database: app.database))
            let f = app.fixtures
            let (created, c1) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object([
                    "subject": .string("HY-G300 路由器每晚重启"), "description": .string("日志里出现错误 E1024，路由器每天凌晨重启。"),
                    "contact_id": .int(s.contactID), "priority": .string("high"), "channel": .string("phone"),
                ]))
            #expect(
                created == .created && c1["department_id"]?.intValue == s.service
                    && c1["routing"]?["source"] == .string("model"))
            let id1 = c1["id"]!.intValue!
            let (_, none) = try await app.api(.get, "/api/v1/cases/\(id1)/suggestions", as: f.agent)
            #expect(Self.ids(none).isEmpty)
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/\(id1)/escalate", as: f.agent, json: .object(["reason": .string("需要固件专家")])
                ).0 == .ok)
            let (_, queue) = try await app.api(
                .get, "/api/v1/cases?queue=department&department_id=\(s.service)&tier=2", as: f.seniorAgent)
            #expect(Self.ids(queue) == [id1])
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/\(id1)/resolve", as: f.agent, json: .object(["resolution": .string("x")])
                ).0 == .forbidden)
            let (_, resolved) = try await app.api(
                .post, "/api/v1/cases/\(id1)/resolve", as: f.seniorAgent,
                json: .object(["resolution": .string("升级 HY-G300 固件到 2.1.4 即可解决 E1024 夜间重启。")]))
            let article = try #require(resolved["captured_article_id"]?.intValue)
            #expect(
                resolved["case"]?["status"] == .string("resolved")
                    && resolved["csat_link"]?.stringValue?.contains("/csat/") == true)

            let (_, c2) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object(["subject": .string("路由器 HY-G300 凌晨重启"), "description": .string("又出现 E1024 错误")]))
            let id2 = c2["id"]!.intValue!
            let (_, suggestions) = try await app.api(.get, "/api/v1/cases/\(id2)/suggestions?limit=3", as: f.agent)
            guard case .array(let items) = suggestions["data"] else { throw TestFailure("no suggestions") }
            #expect(items.contains { $0["kind"] == .string("candidate") && $0["id"]?.intValue == article })
            let (solved, _) = try await app.api(
                .post, "/api/v1/cases/\(id2)/solved-with", as: f.agent, json: .object(["article_id": .int(article)]))
            #expect(solved == .created)
            let (_, a) = try await app.api(.get, "/api/v1/articles/\(article)", as: f.agent)
            #expect(a["solved_count"]?.intValue == 1 && a["status"] == .string("draft"))
            let (_, loop) = try await app.api(
                .get, "/api/v1/service/loop?bucket=day&from=\(Timestamp.now().prefix(10))", as: f.serviceManager)
            guard case .array(let periods) = loop["data"] else { throw TestFailure("no loop figures") }
            #expect(periods.last?["reuses"]?.intValue == 1 && periods.last?["escalations"]?.intValue == 1)
            let (_, evaluation) = try await app.api(.get, "/api/v1/routing/evaluation?folds=3", as: f.serviceManager)
            #expect((evaluation["cases"]?.intValue ?? 0) >= 18)

            // The survey link works without a login; a low score raises an alert for the manager.
            let token = String(resolved["csat_link"]!.stringValue!.split(separator: "/").last!)
            #expect(try await app.api(.get, "/api/v1/csat/\(token)", as: nil).0 == .ok)
            #expect(
                try await app.api(.post, "/api/v1/csat/\(token)", as: nil, json: .object(["score": .int(9)])).0
                    == .unprocessableContent)
            #expect(
                try await app.api(
                    .post, "/api/v1/csat/\(token)", as: nil, json: .object(["score": .int(1), "comment": .string("慢")])
                ).0 == .ok)
            #expect(
                try await app.api(.post, "/api/v1/csat/\(token)", as: nil, json: .object(["score": .int(5)])).0
                    == .conflict)
            #expect(try await app.api(.get, "/api/v1/csat/nonexistent-token-123", as: nil).0 == .notFound)
            let (_, alerts) = try await app.api(.get, "/api/v1/alerts", as: f.serviceManager)
            #expect(Self.ids(alerts).count == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func permissionsBadInputAndEmailIntake(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let s = try await ServiceFixtures.extend(
                app.fixtures, app.database, cases: CaseRepository(database: app.database))
            let f = app.fixtures
            #expect(try await app.api(.get, "/api/v1/cases", as: nil).0 == .unauthorized)
            let (bad, problem) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object(["subject": .int(3), "priority": .string("asap"), "colour": .string("red")]))
            #expect(bad == .unprocessableContent)
            for field in ["subject", "priority", "colour"] { #expect(String(describing: problem).contains(field)) }
            #expect(try await app.api(.get, "/api/v1/cases?queue=everything", as: f.agent).0 == .badRequest)
            #expect(try await app.api(.get, "/api/v1/service/loop?from=2026-13-01", as: f.agent).0 == .badRequest)
            let (_, billing) = try await app.api(
                .post, "/api/v1/cases", as: f.serviceManager,
                json: .object(["subject": .string("Invoice"), "department_id": .int(s.billing)]))
            let billingID = billing["id"]!.intValue!
            #expect(try await app.api(.get, "/api/v1/cases/\(billingID)", as: f.agent).0 == .notFound)
            // Re-routing is refused to agents whatever the case (nothing about the case is revealed).
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/\(billingID)/reroute", as: f.agent,
                    json: .object(["department_id": .int(s.service)])
                ).0
                    == .forbidden)
            let (_, mine) = try await app.api(
                .post, "/api/v1/cases", as: f.agent,
                json: .object(["subject": .string("Printer"), "department_id": .int(s.service)]))
            let mineID = mine["id"]!.intValue!
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/\(mineID)/reroute", as: f.agent,
                    json: .object(["department_id": .int(s.billing)])
                ).0
                    == .forbidden)
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/assign", as: f.agent,
                    json: .object(["case_ids": .array([.int(mineID)]), "assignee_id": .int(f.seniorAgent.userID)])
                ).0
                    == .forbidden)
            #expect(
                try await app.api(
                    .post, "/api/v1/cases/assign", as: f.seniorAgent, json: .object(["case_ids": .string("1")])
                ).0
                    == .unprocessableContent)
            #expect(
                try await app.api(
                    .put, "/api/v1/service/settings", as: f.agent, json: .object(["routing_threshold": .double(0.2)])
                ).0 == .forbidden)
            let (settings, updated) = try await app.api(
                .put, "/api/v1/service/settings", as: f.serviceManager,
                json: .object([
                    "sla": .object([
                        "urgent": .object(["first_response_minutes": .int(10), "resolution_minutes": .int(120)])
                    ])
                ]))
            #expect(settings == .ok && updated["sla"]?["urgent"]?["first_response_minutes"]?.intValue == 10)
            #expect(
                try await app.api(
                    .put, "/api/v1/service/settings", as: f.serviceManager,
                    json: .object(["routing_threshold": .double(3)])
                ).0
                    == .unprocessableContent)

            // E-mail intake: GB18030 quoted-printable, the sender matched to the contact; garbage is a clear 422.
            let mail =
                "From: Li Na <\(s.contactEmail)>\r\nSubject: =?GB18030?Q?=CD=CB=BF=EE?=\r\nContent-Type: text/plain; charset=GB18030\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n=D6=D8=B8=B4=BF=DB=BF=EE\r\n"
            let (taken, intake) = try await app.api(
                .post, "/api/v1/cases/intake", as: f.agent, rawBody: Array(mail.utf8),
                headers: [.contentType: "message/rfc822"])
            #expect(
                taken == .created && intake["case"]?["subject"] == .string("退款")
                    && intake["contact_id"]?.intValue == s.contactID)
            #expect(intake["case"]?["description"] == .string("重复扣款"))
            let (junk, why) = try await app.api(
                .post, "/api/v1/cases/intake", as: f.agent, rawBody: [0, 1, 2, 255],
                headers: [.contentType: "message/rfc822"])
            #expect(junk == .unprocessableContent && String(describing: why).contains("message"))
            #expect(
                try await app.api(.post, "/api/v1/cases/intake", as: f.agent, json: .object([:])).0
                    == .unsupportedMediaType)
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
