import Foundation
import LoreCore
import LoreStore
import SQLKit

extension DemoGenerator {
    /// The service desk, written through the repository so routing, SLA clocks, events and suggestions are real:
    /// past solved cases over the last four months (labelled, so the routing model is trained), escalations whose
    /// answers became candidate solutions and were reused, satisfaction answers (one low, raising an alert), and open
    /// cases waiting in every queue.
    mutating func makeService() async throws -> Int {
        let cast = try await serviceCast()
        var made = try await makeSolvedCases(cast)
        try await answerSurveys(cast)
        made += try await makeOpenCases(cast)
        try await makeMacros(cast)
        return made
    }

    /// Who works the demo's service desk, which templates go to which department, and the contacts who write in.
    struct ServiceCast {
        var cases: CaseRepository
        var agent, agent2, senior, manager: Principal
        var groups: [([DemoService.Template], Int64, Principal)]
        var contacts: [Int64]
        var catalogue: [(String, String, Int64)]

        func fill(_ s: String, _ i: Int) -> String {
            let (sku, name, _) = catalogue[i % catalogue.count]
            return s.replacingOccurrences(of: "{sku}", with: sku).replacingOccurrences(of: "{product}", with: name)
        }

        func contact(_ i: Int) -> Int64? { contacts.isEmpty ? nil : contacts[i % contacts.count] }
    }

    func serviceCast() async throws -> ServiceCast {
        let cases = CaseRepository(database: database)
        let users = UserRepository(database: database)
        func principal(_ email: String) async throws -> Principal {
            try await users.principal(userID: try self.users[email].demoRequired("user \(email)")).demoRequired(
                "principal \(email)")
        }
        let manager = try await principal("service.manager@lore.demo")
        let departments = try await cases.directory().departments
        func department(_ prefix: String) throws -> Int64 {
            try departments.first { $0.name.contains(prefix) }.demoRequired("department \(prefix)").id
        }
        let groups: [([DemoService.Template], Int64, Principal)] = [
            (DemoService.technical, try department("Customer Service"), try await principal("agent@lore.demo")),
            (DemoService.billing, try department("Billing"), try await principal("billing@lore.demo")),
            (DemoService.sales, try department("Sales"), manager),
        ]
        let contacts = try await database.read { db in
            try await db.raw("SELECT id FROM contacts WHERE email IS NOT NULL ORDER BY id LIMIT 400").all().map {
                try $0.decode(column: "id", as: Int64.self)
            }
        }
        return ServiceCast(
            cases: cases, agent: try await principal("agent@lore.demo"),
            agent2: try await principal("agent2@lore.demo"),
            senior: try await principal("senior@lore.demo"), manager: manager, groups: groups, contacts: contacts,
            catalogue: DemoVocabulary.catalogue.flatMap(\.2))
    }

    /// History: solved cases, opened by hand into their department (so they train the model), backdated.
    func makeSolvedCases(_ cast: ServiceCast) async throws -> Int {
        let (cases, manager, senior, groups) = (cast.cases, cast.manager, cast.senior, cast.groups)
        for i in 0..<240 {
            let (templates, dept, worker) = groups[i % 5 == 4 ? 2 : (i % 5 >= 2 ? 1 : 0)]
            let t = templates[(i / 5) % templates.count]
            let input = CaseInput(
                subject: cast.fill(t.subject, i), description: cast.fill(t.description, i), contactID: cast.contact(i),
                channel: CaseChannel.allCases[i % 5], priority: CasePriority.allCases[i % 4], departmentID: dept)
            let c = try await cases.create(input, as: manager)
            _ = try await cases.assign(caseIDs: [c.id], to: worker.userID, as: manager)
            _ = try await cases.addMessage(
                caseID: c.id, kind: .reply, body: i % 2 == 0 ? "我们已收到，正在处理。" : "Thanks, we are looking into it.",
                as: worker)
            if i % 12 == 5, dept == groups[0].1 {
                // Escalated: the senior agent's answer becomes a candidate solution.
                _ = try await cases.escalate(caseID: c.id, reason: "需要二线排查 / needs tier 2", as: worker)
                _ = try await cases.assign(caseIDs: [c.id], to: senior.userID, as: senior)
                _ = try await cases.resolve(caseID: c.id, resolution: cast.fill(t.resolution, i), as: senior)
            } else {
                let suggestion = try await cases.suggestions(caseID: c.id, limit: 1, as: worker).first
                if let s = suggestion, s.kind != .case, i % 3 != 0 {
                    _ = try await cases.solvedWith(caseID: c.id, article: s.id, as: worker)
                }
                _ = try await cases.resolve(caseID: c.id, resolution: cast.fill(t.resolution, i), as: worker)
            }
            if i % 4 == 1 {
                _ = try await cases.addMessage(
                    caseID: c.id, kind: .note, body: "客户确认问题已解决，可关闭。Customer confirmed the fix.", as: worker)
            }
            // The older half is closed after the customer confirmed; the rest stays resolved.
            if i < 120 { _ = try await cases.close(caseID: c.id, as: worker) }
            try await backdate(c.id, daysAgo: Int64(120 - i / 2))
        }
        return 240
    }

    /// Satisfaction answers on some of the solved cases; one unhappy customer raises an alert.
    func answerSurveys(_ cast: ServiceCast) async throws {
        let tokens = try await surveyTokens()
        // The unhappy ones are in Customer Service, so its manager (service.manager@lore.demo) sees the alerts.
        let unhappy = Set(
            tokens.indices.filter { tokens[$0].department == cast.groups[0].1 && tokens[$0].hasAccount }.prefix(3))
        let complaints = ["等了三天才回复，太慢了。", "The first answer did not fix it.", "问题反复出现。"]
        for (n, survey) in tokens.prefix(60).enumerated() {
            let low = unhappy.contains(n)
            _ = try await cast.cases.answerSurvey(
                token: survey.token, score: low ? 2 - n % 2 : [5, 4, 5, 3, 5][n % 5],
                comment: low ? complaints[n % complaints.count] : nil)
        }
    }

    /// Open work: new cases the model routes (some to triage), pending ones, an escalation waiting for tier 2, and two
    /// too vague for the model, waiting in triage for a person.
    func makeOpenCases(_ cast: ServiceCast) async throws -> Int {
        let (cases, agent, agent2, groups) = (cast.cases, cast.agent, cast.agent2, cast.groups)
        for i in 0..<36 {
            let t = groups[i % 3].0[(i * 7) % groups[i % 3].0.count]
            let c = try await cases.create(
                CaseInput(
                    subject: cast.fill(t.subject, i + 3), description: cast.fill(t.description, i + 3),
                    contactID: cast.contact(i * 13),
                    channel: CaseChannel.allCases[i % 5], priority: CasePriority.allCases[(i + 1) % 4],
                    departmentID: (1...2).contains(i % 6) ? groups[0].1 : nil), as: i % 2 == 0 ? agent : agent2)
            guard c.departmentID == groups[0].1 else { continue }
            switch i % 6 {
            case 0: _ = try await cases.assign(caseIDs: [c.id], to: agent.userID, as: agent)
            case 1:
                _ = try await cases.assign(caseIDs: [c.id], to: agent2.userID, as: agent2)
                _ = try await cases.addMessage(caseID: c.id, kind: .reply, body: "请提供设备序列号。", as: agent2)
                _ = try await cases.setStatus(caseID: c.id, .pendingCustomer, as: agent2)
            case 2: _ = try await cases.escalate(caseID: c.id, reason: "一线无法复现 / cannot reproduce at tier 1", as: agent)
            default: break
            }
        }
        for text in ["请尽快回电", "Please call me back about my account"] {
            _ = try await cases.create(CaseInput(subject: text, description: "", channel: .phone), as: agent)
        }
        return 38
    }

    /// Survey tokens are stored hashed, so the demo answers through fresh surveys it can hold the token of.
    func surveyTokens() async throws -> [(token: String, department: Int64?, hasAccount: Bool)] {
        try await database.write { db in
            let rows = try await db.raw(
                "SELECT r.id, c.department_id, c.account_id FROM csat_requests r JOIN cases c ON c.id = r.case_id ORDER BY r.id"
            ).all()
            var tokens: [(String, Int64?, Bool)] = []
            for r in rows {
                let token = Secrets.randomToken()
                try await db.update("csat_requests").where(
                    "id", .equal, SQLBind(try r.decode(column: "id", as: Int64.self))
                )
                .set("token_hash", to: SQLBind(Secrets.digest(token))).run()
                tokens.append(
                    (
                        token,
                        try r.decodeNil(column: "department_id")
                            ? nil : try r.decode(column: "department_id", as: Int64.self),
                        !(try r.decodeNil(column: "account_id"))
                    ))
            }
            return tokens
        }
    }

    /// Moves a case and everything that happened to it back in time, so the loop figures have a history.
    func backdate(_ caseID: Int64, daysAgo: Int64) async throws {
        try await database.write { db in
            let row = try await db.select().column("created_at").from("cases").where("id", .equal, SQLBind(caseID))
                .first().demoRequired(
                    "case \(caseID)")
            let created = Timestamp.parse(try row.decode(column: "created_at", as: String.self)) ?? 0
            let delta = (self.now - daysAgo * Self.day) - created
            func shift(_ text: String?) -> any SQLExpression {
                guard let text, let t = Timestamp.parse(text) else { return SQLLiteral.null }
                return SQLBind(Timestamp.format(epochMilliseconds: t + delta))
            }
            let timeColumns = [
                "created_at", "updated_at", "first_response_due", "resolution_due", "first_responded_at", "resolved_at",
                "next_due",
            ]
            let c = try await db.select().columns(timeColumns.map { SQLColumn($0) }).from("cases").where(
                "id", .equal, SQLBind(caseID)
            ).first()
                .demoRequired("case \(caseID)")
            var update = db.update("cases").where("id", .equal, SQLBind(caseID))
            for col in timeColumns {
                update = update.set(
                    SQLColumn(col),
                    to: shift(try c.decodeNil(column: col) ? nil : try c.decode(column: col, as: String.self)))
            }
            try await update.run()
            for table in ["case_events", "case_messages", "csat_requests"] {
                for r in try await db.select().columns("id", "created_at").from(table).where(
                    "case_id", .equal, SQLBind(caseID)
                ).all() {
                    try await db.update(table).where("id", .equal, SQLBind(try r.decode(column: "id", as: Int64.self)))
                        .set("created_at", to: shift(try r.decode(column: "created_at", as: String.self))).run()
                }
            }
            try await db.update("case_solutions").where("case_id", .equal, SQLBind(caseID))
                .set(
                    "created_at",
                    to: SQLBind(Timestamp.format(epochMilliseconds: self.now - daysAgo * Self.day + 3_600_000))
                ).run()
            try await db.update("articles").where("source_case_id", .equal, SQLBind(caseID))
                .set("created_at", to: SQLBind(Timestamp.format(epochMilliseconds: self.now - daysAgo * Self.day)))
                .run()
        }
    }

    /// Canned replies the service manager keeps for the agents.
    func makeMacros(_ cast: ServiceCast) async throws {
        let replies = [
            ("收到并处理中 / Received", "{customer} 您好，我们已收到工单 {case}「{subject}」，正在处理，稍后回复您。— {agent}"),
            ("请提供序列号 / Serial number", "您好 {contact}，为尽快定位问题，请提供设备序列号和故障照片。工单号：{case}。"),
            (
                "已解决请确认 / Please confirm",
                "Hello {contact}, we believe case {case} is solved. Reply if anything is still wrong. — {agent}"
            ),
        ]
        for (title, body) in replies {
            _ = try await cast.cases.createMacro(title: title, body: body, departmentID: nil, as: cast.manager)
        }
    }
}
