import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct KnowledgeAPITests {
    static func article(
        _ title: String, _ body: String, language: String = "en", audience: String = "internal", tiers: [String] = []
    ) -> JSONValue {
        .object([
            "type": .string("faq"), "title": .string(title), "body": .string(body), "language": .string(language),
            "audience": .string(audience),
            "audience_tiers": .array(tiers.map(JSONValue.string)), "tags": .array([.string("billing")]),
        ])
    }

    /// Creates, submits and publishes an article through the API; returns its id.
    static func publish(_ app: TestApp, _ json: JSONValue) async throws -> Int64 {
        let (status, a) = try await app.api(.post, "/api/v1/articles", as: app.fixtures.agent, json: json)
        #expect(status == .created)
        let id = a["id"]!.intValue!
        #expect(try await app.api(.post, "/api/v1/articles/\(id)/submit", as: app.fixtures.agent).0 == .ok)
        #expect(try await app.api(.post, "/api/v1/articles/\(id)/approve", as: app.fixtures.agent).0 == .forbidden)
        let (ok, published) = try await app.api(
            .post, "/api/v1/articles/\(id)/approve", as: app.fixtures.knowledgeManager,
            json: .object(["comment": .string("ok")]))
        #expect(ok == .ok && published["status"] == .string("published"))
        return id
    }

    static func first(_ list: JSONValue) -> JSONValue? {
        if case .array(let items) = list["data"] { return items.first }
        return nil
    }

    static func titles(_ app: TestApp, _ q: String, as p: Principal? = nil, headers: HTTPFields = [:]) async throws
        -> [String]
    {
        let path = "/api/v1/kb/search?q=" + q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (status, r) = try await app.api(.get, path, as: p, headers: headers)
        #expect(status == .ok)
        guard case .array(let hits) = r["data"] else { return [] }
        return hits.compactMap { $0["article"]?["title"]?.stringValue }
    }

    @Test(arguments: TestDatabase.engines)
    func writeReviewSearchAndHistory(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let (bad, problem) = try await app.api(
                .post, "/api/v1/articles", as: f.agent, json: .object(["type": .string("memo"), "title": .string("")]))
            #expect(bad == .unprocessableContent)
            for field in ["type", "title", "body", "language"] { #expect(String(describing: problem).contains(field)) }
            // A wrong tier is refused even when the audience is not a segment (it would otherwise be dropped silently).
            let (tier, tierProblem) = try await app.api(
                .post, "/api/v1/articles", as: f.agent,
                json: Self.article("t", "b", audience: "customers", tiers: ["diamond"]))
            #expect(tier == .unprocessableContent && String(describing: tierProblem).contains("audience_tiers"))
            let refund = try await Self.publish(app, Self.article("如何申请退款", "客户可以在订单页面申请退款。", language: "zh"))
            _ = try await Self.publish(
                app, Self.article("Refunds for annual plans", "Refunds are processed within five days."))
            _ = try await Self.publish(
                app, Self.article("Error E1024 on the HY-G300", "E1024 means the firmware update failed."))
            #expect(try await Self.titles(app, "退款", as: f.rep) == ["如何申请退款"])
            #expect(try await Self.titles(app, "refunding", as: f.rep) == ["Refunds for annual plans"])
            #expect(try await Self.titles(app, "E1024", as: f.rep) == ["Error E1024 on the HY-G300"])
            // A hit shows the same freshness and badge as the article itself.
            let (_, found) = try await app.api(.get, "/api/v1/kb/search?q=refunds", as: f.rep)
            let hit = Self.first(found)?["article"]
            let (_, shown) = try await app.api(.get, "/api/v1/articles/\(hit?["id"]?.intValue ?? 0)", as: f.rep)
            #expect(hit?["freshness_badge"] == .string("fresh") && shown["freshness_badge"] == hit?["freshness_badge"])
            #expect(hit?["freshness"] != nil && shown["freshness"] == hit?["freshness"])
            let (_, suggestions) = try await app.api(.get, "/api/v1/kb/suggest?q=refu", as: f.rep)
            #expect(String(describing: suggestions).contains("Refunds for annual plans"))
            let (_, related) = try await app.api(
                .post, "/api/v1/kb/related", as: f.rep,
                json: .object(["subject": .string("HY-G300 error E1024"), "k": .int(1)]))
            #expect(Self.first(related)?["article"]?["title"] == .string("Error E1024 on the HY-G300"))

            // A reviewer edits in place (version 2); the diff shows the change; restoring version 1 makes a proposal.
            #expect(
                try await app.api(
                    .patch, "/api/v1/articles/\(refund)", as: f.agent, json: .object(["body": .string("x")])
                ).0 == .conflict)
            let (edited, v2) = try await app.api(
                .patch, "/api/v1/articles/\(refund)", as: f.knowledgeManager,
                json: .object(["body": .string("客户可以在订单页面申请全额退款。")]))
            #expect(edited == .ok && v2["version"] == .int(2))
            let (_, diff) = try await app.api(.get, "/api/v1/articles/\(refund)/diff?from=1&to=2", as: f.rep)
            #expect(String(describing: diff["body"]!).contains("全额"))
            let (restored, outcome) = try await app.api(
                .post, "/api/v1/articles/\(refund)/versions/1/restore", as: f.knowledgeManager)
            #expect(restored == .created)
            let proposal = outcome["proposal"]!["id"]!.intValue!
            #expect(
                try await app.api(.post, "/api/v1/article-proposals/\(proposal)/approve", as: f.knowledgeManager).0
                    == .ok)
            let (_, now) = try await app.api(.get, "/api/v1/articles/\(refund)", as: f.rep)
            #expect(now["body"] == .string("客户可以在订单页面申请退款。") && now["version"] == .int(3))
            let (_, versions) = try await app.api(.get, "/api/v1/articles/\(refund)/versions", as: f.rep)
            #expect(Self.first(versions)?["number"] == .int(3))

            // Feedback: helpful must be a boolean.
            #expect(
                try await app.api(
                    .post, "/api/v1/articles/\(refund)/feedback", as: f.rep, json: .object(["helpful": .string("yes")])
                ).0
                    == .unprocessableContent)
            let (_, rated) = try await app.api(
                .post, "/api/v1/articles/\(refund)/feedback", as: f.rep, json: .object(["helpful": .bool(true)]))
            #expect(rated["helpful_count"] == .int(1))
            #expect(try await app.api(.get, "/api/v1/kb/review-queue", as: f.agent).0 == .forbidden)
            #expect(try await app.api(.get, "/api/v1/kb/review-queue", as: f.knowledgeManager).0 == .ok)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func customersSeeOnlyTheirAudience(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let internalOnly = try await Self.publish(
                app, Self.article("Refund limits", "Agents approve refunds up to 500."))
            let open = try await Self.publish(
                app, Self.article("Refund timing", "Refunds arrive in five days.", audience: "customers"))
            let gold = try await Self.publish(
                app, Self.article("Refund priority", "Gold refunds first.", audience: "segments", tiers: ["gold"]))
            let customer = try await f.customer(
                app.database, email: "silver@customer.test", tier: "silver", industry: nil)
            let token = try await ApiTokenRepository(database: app.database).create(userID: customer.userID, name: "t")
                .1
            let auth: HTTPFields = [.authorization: "Bearer " + token]
            #expect(try await Self.titles(app, "refund", headers: auth) == ["Refund timing"])
            #expect(try await app.api(.get, "/api/v1/articles/\(internalOnly)", as: nil, headers: auth).0 == .notFound)
            #expect(try await app.api(.get, "/api/v1/articles/\(gold)", as: nil, headers: auth).0 == .notFound)
            #expect(try await app.api(.get, "/api/v1/articles/\(open)", as: nil, headers: auth).0 == .ok)
            let (_, list) = try await app.api(.get, "/api/v1/articles", as: nil, headers: auth)
            #expect(list["total"] == .int(1))
            let (_, suggest) = try await app.api(.get, "/api/v1/kb/suggest?q=refund", as: nil, headers: auth)
            #expect(
                !String(describing: suggest).contains("Refund limits")
                    && !String(describing: suggest).contains("Refund priority"))
            let (_, export) = try await app.api(
                .get, "/api/v1/articles/export", as: nil, headers: auth, validate: false)
            #expect(!String(describing: export).contains("Refund limits"))
            // A portal customer has no CRM access at all.
            #expect(try await app.api(.get, "/api/v1/accounts", as: nil, headers: auth).0 == .forbidden)
            #expect(
                try await app.api(.post, "/api/v1/articles", as: nil, json: Self.article("x", "y"), headers: auth).0
                    == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func queriesWithSearchSyntaxNeverFail(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            _ = try await Self.publish(app, Self.article("Refunds", "Refunds are processed."))
            for q in [
                "\"", "*", "-refund", "^", "(", ")", "NEAR(a b)", "a AND OR b", "title:x", "%00", "%FF%FE", "%E9%80%80",
                String(repeating: "x", count: 3000),
            ] {
                let (status, _) = try await app.api(.get, "/api/v1/kb/search?q=" + q, as: app.fixtures.rep)
                #expect(status == .ok, "q=\(q)")
                #expect(try await app.api(.get, "/api/v1/kb/suggest?q=" + q, as: app.fixtures.rep).0 == .ok)
            }
            #expect(try await app.api(.get, "/api/v1/kb/search?q=x&limit=0", as: app.fixtures.rep).0 == .badRequest)
            #expect(try await app.api(.get, "/api/v1/kb/search?q=x&type=memo", as: app.fixtures.rep).0 == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func importIsAllOrNothingOrGoesOn(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let km = app.fixtures.knowledgeManager
            let good = #"{"type":"faq","title":"Imported 导入","body":"Body","language":"zh","status":"published"}"#
            let bad = #"{"type":"faq","title":"","body":"Body","language":"xx"}"#
            let lines = [good, "not json", bad, good].joined(separator: "\n")
            let (refused, problem) = try await app.api(
                .post, "/api/v1/articles/import?mode=atomic", as: km, rawBody: Array(lines.utf8))
            #expect(
                refused == .unprocessableContent && String(describing: problem).contains("line 2")
                    && String(describing: problem).contains("line 3"))
            let (_, none) = try await app.api(.get, "/api/v1/articles", as: km)
            #expect(none["total"] == .int(0))
            let (partial, report) = try await app.api(
                .post, "/api/v1/articles/import?mode=continue", as: km, rawBody: Array(lines.utf8))
            #expect(partial == .ok && report["imported"] == .int(2) && report["failed"] == .int(2))
            #expect(try await KnowledgeAPITests.titles(app, "导入", as: app.fixtures.rep).count == 2)
            // An export imports again as it is, versions and all.
            let (_, exported) = try await app.api(.get, "/api/v1/articles/export", as: km, validate: false)
            guard case .string(let text) = exported else {
                Issue.record("expected JSON Lines")
                return
            }
            #expect(text.split(separator: "\n").count == 2 && text.contains("\"versions\""))
            let (again, _) = try await app.api(.post, "/api/v1/articles/import", as: km, rawBody: Array(text.utf8))
            #expect(again == .created)
        }
    }
}
