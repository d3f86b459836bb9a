import LoreCore
import LoreStore
import LoreTestSupport
import SQLKit
import Testing

@Suite struct CaseWorkflowTests {
    @Test(arguments: TestDatabase.engines)
    func slaDueTimesFollowThePriorityAndTheFirstReplyMeetsTheResponseTarget(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let cases = CaseRepository(database: db)
            let s = try await ServiceFixtures.make(db, cases: cases)
            let f = s.base
            let c = try await cases.create(
                CaseInput(
                    subject: "Site down", description: "Nothing loads", priority: .urgent, departmentID: s.service),
                as: f.agent)
            let opened = Timestamp.parse(c.createdAt)!
            #expect(Timestamp.parse(c.sla.firstResponseDue)! - opened == 15 * 60_000)
            #expect(Timestamp.parse(c.sla.resolutionDue)! - opened == 240 * 60_000)
            #expect(!c.sla.firstResponseBreached(now: c.createdAt))
            #expect(c.sla.firstResponseBreached(now: Timestamp.format(epochMilliseconds: opened + 16 * 60_000)))
            let replied = try await cases.addMessage(caseID: c.id, kind: .reply, body: "We are on it.", as: f.agent)
            #expect(replied.sla.firstRespondedAt != nil && replied.status == .open)
            // A note is not a reply: it does not touch the clock.
            let noted = try await cases.addMessage(caseID: c.id, kind: .note, body: "Checked the logs", as: f.agent)
            #expect(noted.sla.firstRespondedAt == replied.sla.firstRespondedAt)
            let lowered = try await cases.setPriority(caseID: c.id, .low, as: f.agent)
            #expect(Timestamp.parse(lowered.sla.resolutionDue)! - opened == 7_200 * 60_000)
            // Targets are configurable (managers only) and validated.
            await #expect(throws: AccessRefusal.self) {
                try await cases.setSLATargets(
                    [.urgent: SLATarget(firstResponseMinutes: 5, resolutionMinutes: 60)], as: f.agent)
            }
            await #expect(throws: StoreError.self) {
                try await cases.setSLATargets(
                    [.urgent: SLATarget(firstResponseMinutes: 60, resolutionMinutes: 5)], as: f.serviceManager)
            }
            try await cases.setSLATargets(
                [.urgent: SLATarget(firstResponseMinutes: 5, resolutionMinutes: 60)], as: f.serviceManager)
            let next = try await cases.create(
                CaseInput(subject: "Down again", description: "", priority: .urgent, departmentID: s.service),
                as: f.agent)
            #expect(Timestamp.parse(next.sla.firstResponseDue)! - Timestamp.parse(next.createdAt)! == 5 * 60_000)
            // The queue serves the most urgent due time first.
            let queue = try await cases.list(CaseListQuery(queue: .department(s.service, tier: .agent)), as: f.agent)
            #expect(queue.cases.first?.id == next.id)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func visibilityAndPermissionsFollowDepartmentsAndRoles(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let cases = CaseRepository(database: db)
            let s = try await ServiceFixtures.make(db, cases: cases)
            let f = s.base
            let mine = try await cases.create(
                CaseInput(subject: "Printer jam", description: "", departmentID: s.service), as: f.agent)
            let billing = try await cases.create(
                CaseInput(subject: "Invoice", description: "", departmentID: s.billing), as: f.serviceManager)
            // The agent sees Service cases, not Billing's; a sales rep sees neither (but does see a case they opened).
            #expect(try await cases.get(id: mine.id, as: f.agent).id == mine.id)
            await #expect(throws: StoreError.notFound(entity: "cases", id: billing.id)) {
                _ = try await cases.get(id: billing.id, as: f.agent)
            }
            await #expect(throws: StoreError.self) { _ = try await cases.get(id: mine.id, as: f.rep) }
            let repCase = try await cases.create(
                CaseInput(subject: "Customer asks about delivery", description: "", departmentID: s.billing), as: f.rep)
            #expect(try await cases.get(id: repCase.id, as: f.rep).id == repCase.id)
            // SQL and Swift agree for every user.
            for p in [
                f.admin, f.manager, f.rep, f.otherRep, f.agent, f.seniorAgent, f.knowledgeManager, f.serviceManager,
            ] {
                let listed = Set(try await cases.list(CaseListQuery(limit: 500), as: p).cases.map(\.id))
                var readable = Set<Int64>()
                for c in try await cases.list(CaseListQuery(limit: 500), as: f.admin).cases
                where CasePolicy.canRead(c, principal: p) {
                    readable.insert(c.id)
                }
                #expect(listed == readable, "\(p.role)")
            }
            // Bulk assignment: an agent may take cases, not hand them to others; one bad case refuses the whole batch.
            await #expect(throws: AccessRefusal.self) {
                _ = try await cases.assign(caseIDs: [mine.id], to: f.seniorAgent.userID, as: f.agent)
            }
            #expect(try await cases.assign(caseIDs: [mine.id], to: f.agent.userID, as: f.agent).first?.status == .open)
            await #expect(throws: StoreError.self) {
                _ = try await cases.assign(caseIDs: [mine.id, billing.id], to: f.agent.userID, as: f.seniorAgent)
            }
            #expect(try await cases.get(id: mine.id, as: f.admin).assigneeID == f.agent.userID)
            let assigned = try await cases.assign(caseIDs: [mine.id, billing.id], to: f.agent.userID, as: f.admin)
            #expect(assigned.allSatisfy { $0.assigneeID == f.agent.userID })
            #expect(
                Set(try await cases.list(CaseListQuery(queue: .mine), as: f.agent).cases.map(\.id)) == [
                    mine.id, billing.id,
                ])
            // Bad input: a contact from another account, unknown references, an empty subject.
            await #expect(throws: StoreError.self) {
                _ = try await cases.create(CaseInput(subject: " ", description: ""), as: f.agent)
            }
            await #expect(throws: StoreError.self) {
                _ = try await cases.create(
                    CaseInput(subject: "x", description: "", accountID: 999_999, departmentID: 999_999), as: f.agent)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aLowSatisfactionScoreRaisesAnAlertForTheManager(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let cases = CaseRepository(database: db, publicURL: "https://support.example")
            let s = try await ServiceFixtures.make(db, cases: cases)
            let f = s.base
            let c = try await cases.create(
                CaseInput(subject: "Slow support", description: "", contactID: s.contactID, departmentID: s.service),
                as: f.agent)
            let link = try #require(
                try await cases.resolve(caseID: c.id, resolution: "Called back", as: f.agent).csatLink)
            #expect(link.hasPrefix("https://support.example/csat/"))
            let token = String(link.split(separator: "/").last!)
            #expect(try await cases.survey(token: token).score == nil)
            await #expect(throws: StoreError.self) {
                _ = try await cases.answerSurvey(token: token, score: 7, comment: nil)
            }
            await #expect(throws: StoreError.self) { _ = try await cases.survey(token: "not-a-token") }
            #expect(try await cases.answerSurvey(token: token, score: 2, comment: "Took a week").score == 2)
            await #expect(throws: StoreError.self) {
                _ = try await cases.answerSurvey(token: token, score: 5, comment: nil)
            }
            let alerts = try await cases.openAlerts(as: f.serviceManager)
            #expect(
                alerts.count == 1 && alerts[0].accountID == s.accountID && alerts[0].score == 2
                    && alerts[0].comment == "Took a week")
            #expect(try await cases.openAlerts(as: f.agent).isEmpty)
            try await cases.acknowledgeAlert(id: alerts[0].id, as: f.serviceManager)
            #expect(try await cases.openAlerts(as: f.serviceManager).isEmpty)
            // Resolved cases close; closed cases take no more replies.
            _ = try await cases.close(caseID: c.id, as: f.agent)
            await #expect(throws: StoreError.self) {
                _ = try await cases.addMessage(caseID: c.id, kind: .reply, body: "hi", as: f.agent)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func emailIntakeOpensACaseAndThreadsReplies(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let cases = CaseRepository(database: db)
            let s = try await ServiceFixtures.make(db, cases: cases)
            let f = s.base
            let raw =
                "From: =?UTF-8?B?5p2O5aic?= <LI.NA@huayuan.example>\r\nSubject: =?GBK?B?t6LGscynzbc=?=\r\nMessage-ID: <m1@huayuan>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n发票金额不对，请重新开具。\r\n"
            let mail = try MailParser.parse(Array(raw.utf8))
            let opened = try await cases.intake(mail, as: f.agent)
            #expect(opened.created && opened.contactID == s.contactID && opened.serviceCase.accountID == s.accountID)
            #expect(opened.serviceCase.subject == "发票抬头" && opened.serviceCase.channel == .email)
            // The same message again is not a second case.
            #expect(try await cases.intake(mail, as: f.agent).created == false)
            // A reply quoting the reference joins the case.
            let reply =
                "From: li.na@huayuan.example\nSubject: Re: [\(opened.serviceCase.reference)] 发票抬头\nMessage-ID: <m2@huayuan>\n\n抬头应为华远贸易。\n"
            let joined = try await cases.intake(try MailParser.parse(Array(reply.utf8)), as: f.agent)
            #expect(!joined.created && joined.serviceCase.id == opened.serviceCase.id)
            let detail = try await cases.detail(id: opened.serviceCase.id, as: f.agent)
            #expect(detail.messages.map(\.kind) == [.customer, .customer] && detail.messages[1].body.contains("华远"))
            // Someone else quoting the reference opens a new case instead of writing into this one.
            let stranger = "From: x@else.example\nSubject: [\(opened.serviceCase.reference)] hello\n\nhi\n"
            #expect(try await cases.intake(try MailParser.parse(Array(stranger.utf8)), as: f.agent).created)
        }
    }
}

/// The SLA clock stops while a case waits on the customer.
@Suite struct CaseSLAPauseTests {
    @Test(arguments: TestDatabase.engines)
    func waitingOnTheCustomerStopsTheClockAndMovesTheTargetsLater(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let cases = CaseRepository(database: db)
            let s = try await ServiceFixtures.make(db, cases: cases)
            let f = s.base
            let c = try await cases.create(
                CaseInput(subject: "VPN drops", description: "", priority: .high, departmentID: s.service), as: f.agent)
            _ = try await cases.addMessage(caseID: c.id, kind: .reply, body: "Which client version?", as: f.agent)
            let waiting = try await cases.setStatus(caseID: c.id, .pendingCustomer, as: f.agent)
            #expect(waiting.sla.isPaused && waiting.sla.nextDue == nil)
            // Far past the due time, a stopped clock is still not breached, and the case leaves the top of the queue.
            let later = Timestamp.format(epochMilliseconds: Timestamp.parse(waiting.sla.resolutionDue)! + 86_400_000)
            #expect(!waiting.sla.resolutionBreached(now: later))
            // Pretend the wait began three hours ago; the customer's answer restarts the clock three hours later.
            let threeHoursAgo = Timestamp.format(epochMilliseconds: Timestamp.parse(Timestamp.now())! - 3 * 3_600_000)
            try await db.write { sql in
                try await sql.update("cases").set("sla_paused_at", to: SQLBind(threeHoursAgo)).where(
                    "id", .equal, SQLBind(c.id)
                ).run()
            }
            let mail = "From: someone@example.com\r\nSubject: Re: [\(c.reference)] VPN drops\r\n\r\nVersion 5.2\r\n"
            _ = try await cases.intake(try MailParser.parse(Array(mail.utf8)), as: f.serviceManager)
            let resumed = try await cases.get(id: c.id, as: f.agent)
            #expect(resumed.status == .open && !resumed.sla.isPaused)
            let moved = Timestamp.parse(resumed.sla.resolutionDue)! - Timestamp.parse(c.sla.resolutionDue)!
            #expect(moved >= 3 * 3_600_000 && moved < 3 * 3_600_000 + 60_000)
            #expect(resumed.sla.pausedMilliseconds == moved)
            #expect(resumed.sla.nextDue == resumed.sla.resolutionDue)
            // A priority change recomputes the targets and keeps the time already waited.
            let urgent = try await cases.setPriority(caseID: c.id, .urgent, as: f.agent)
            #expect(Timestamp.parse(urgent.sla.resolutionDue)! - Timestamp.parse(c.createdAt)! == 240 * 60_000 + moved)
            // Pausing again and resolving from the wait keeps the resolution on the paused clock.
            _ = try await cases.setStatus(caseID: c.id, .pendingCustomer, as: f.agent)
            let resolved = try await cases.resolve(caseID: c.id, resolution: "Upgrade the client to 5.3", as: f.agent)
            #expect(
                resolved.serviceCase.status == .resolved && !resolved.serviceCase.sla.isPaused
                    && resolved.serviceCase.sla.nextDue == nil)
        }
    }
}
