import LoreCore
import Testing

@Suite struct ServiceCoreTests {
    @Test func suggestionsNeedAFairShareOfTheCasesWordsAndRankCloserMatchesFirst() {
        let candidates = [
            SuggestionRanking.Candidate(
                kind: .article, id: 1, title: "Invoice copies", text: "Download a copy of any invoice from the portal."),
            SuggestionRanking.Candidate(
                kind: .candidate, id: 2, title: "HY-G300 reboots nightly",
                text: "Upgrade firmware to 2.1.4 to fix E1024."),
            SuggestionRanking.Candidate(
                kind: .case, id: 3, title: "Router reboots", text: "Router restarts, replaced the power supply."),
        ]
        let ranked = SuggestionRanking.rank(
            caseText: "HY-G300 router reboots every night with E1024", candidates: candidates, limit: 5)
        // The captured solution shares the model and the error code; the other case only "router reboots"; the invoice nothing.
        #expect(ranked.first?.candidate.id == 2 && !ranked.contains { $0.candidate.id == 1 })
        #expect(ranked.allSatisfy { $0.match >= SuggestionRanking.minimumMatch && $0.match <= 1 })
        #expect(SuggestionRanking.rank(caseText: "the and of", candidates: candidates, limit: 5).isEmpty)
        // Chinese: bigrams carry the match.
        let zh = [SuggestionRanking.Candidate(kind: .article, id: 9, title: "退款流程", text: "重复扣款可申请退款，三个工作日到账")]
        #expect(SuggestionRanking.rank(caseText: "重复扣款 申请退款", candidates: zh, limit: 3).first?.candidate.id == 9)
    }

    @Test func slaClockAndPolicy() {
        let sla = CaseSLA.start(
            openedAt: "2026-11-23T10:00:00.000Z", target: SLATarget(firstResponseMinutes: 60, resolutionMinutes: 120))
        #expect(sla.firstResponseDue == "2026-11-23T11:00:00.000Z" && sla.resolutionDue == "2026-11-23T12:00:00.000Z")
        #expect(sla.nextDue == sla.firstResponseDue)
        var answered = sla
        answered.firstRespondedAt = "2026-11-23T11:30:00.000Z"
        #expect(
            answered.firstResponseBreached(now: "2026-11-23T11:40:00.000Z") && answered.nextDue == sla.resolutionDue)
        #expect(
            !answered.resolutionBreached(now: "2026-11-23T11:59:00.000Z")
                && answered.resolutionBreached(now: "2026-11-23T12:01:00.000Z"))
        #expect(!SLATarget(firstResponseMinutes: 0, resolutionMinutes: 10).validate(priority: .low).isEmpty)
        #expect(
            CasePolicy.mayHandle(tier: .senior, role: .seniorAgent)
                && !CasePolicy.mayHandle(tier: .senior, role: .agent))
        let p = Principal(userID: 5, name: "a", email: "a@x", role: .agent, teamID: 1, departmentID: 2)
        var c = ServiceCase(
            id: 1, subject: "s", description: "", accountID: nil, contactID: nil, productID: nil, channel: .web,
            priority: .normal, status: .open,
            departmentID: 3, assigneeID: nil, tier: .agent, routing: .manual, predictedDepartmentID: nil,
            routingConfidence: nil, sla: sla,
            escalationCount: 0, resolution: nil, resolvedBy: nil, createdAt: "", updatedAt: "", createdBy: 9)
        #expect(!CasePolicy.canRead(c, principal: p))
        c.departmentID = nil
        #expect(CasePolicy.canRead(c, principal: p))
    }
}

@Suite struct CaseSLAPauseCoreTests {
    let target = SLATarget(firstResponseMinutes: 60, resolutionMinutes: 600)

    @Test func aStoppedClockNeitherBreachesNorQueuesAndRestartsLater() {
        let opened = "2026-11-23T08:00:00.000Z"
        let sla = CaseSLA.start(openedAt: opened, target: target)
        let paused = sla.pausing(at: "2026-11-23T08:30:00.000Z")
        #expect(paused.isPaused && paused.nextDue == nil)
        #expect(paused.pausing(at: "2026-11-23T09:00:00.000Z").pausedAt == "2026-11-23T08:30:00.000Z")
        #expect(
            !paused.firstResponseBreached(now: "2026-11-24T08:00:00.000Z")
                && !paused.resolutionBreached(now: "2026-11-24T08:00:00.000Z"))
        // Two hours' wait: both targets still to meet move two hours later.
        let resumed = paused.resuming(at: "2026-11-23T10:30:00.000Z")
        #expect(!resumed.isPaused && resumed.pausedMilliseconds == 7_200_000)
        #expect(
            resumed.firstResponseDue == "2026-11-23T11:00:00.000Z"
                && resumed.resolutionDue == "2026-11-23T20:00:00.000Z")
        #expect(resumed.nextDue == resumed.firstResponseDue)
        // A met first response does not move; a recomputation keeps the waited time.
        var replied = sla
        replied.firstRespondedAt = "2026-11-23T08:10:00.000Z"
        let again = replied.pausing(at: "2026-11-23T09:00:00.000Z").resuming(at: "2026-11-23T10:00:00.000Z")
        #expect(again.firstResponseDue == sla.firstResponseDue && again.resolutionDue == "2026-11-23T19:00:00.000Z")
        #expect(
            CaseSLA.start(openedAt: opened, target: target, pausedMilliseconds: 3_600_000).resolutionDue
                == again.resolutionDue)
    }
}
