import LoreCore
import SQLKit

/// Re-routing, tiered escalation, resolution (capturing a candidate solution), reopening and closing.
extension CaseRepository {
    /// A manager moves a case to another department; the model learns from the correction.
    public func reroute(caseID: Int64, to department: Int64, as p: Principal) async throws -> ServiceCase {
        guard CasePolicy.canReroute(p) else { throw AccessRefusal.forbidden("only managers re-route cases") }
        let cache = routing
        let (c, change, version) = try await database.write { db -> (ServiceCase, RoutingModelCache.Change, Int64) in
            let old = try await Self.workable(id: caseID, principal: p, on: db)
            guard try await Self.departmentExists(department, on: db) else {
                throw Self.invalid("department_id", "invalid_reference", "no departments with id \(department)")
            }
            let trained = try await Self.trainingLabel(caseID, on: db)
            try await Self.touch(
                caseID, by: p.userID,
                [
                    "department_id": .int(department), "routing": .string(RoutingSource.rerouted.rawValue),
                    "training_label": .int(department),
                ], on: db)
            try await CaseRows.addEvent(
                caseID, "rerouted", detail: "\(old.departmentID.map(String.init) ?? "-") → \(department)",
                actor: p.userID, on: db)
            let c = try await CaseRows.require(id: caseID, on: db)
            try await Self.audit(
                c, "reroute", by: p,
                changes: ["department_id": [old.departmentID.map(FieldValue.int) ?? .null, .int(department)]], on: db)
            let change = RoutingModelCache.Change(add: (c.text, department), remove: trained.map { (c.text, $0) })
            return (c, change, try await RoutingModelCache.bumpVersion(on: db))
        }
        await cache.apply(change, newVersion: version)
        return c
    }

    static func trainingLabel(_ id: Int64, on db: any SQLDatabase) async throws -> Int64? {
        try await db.select().column("training_label").from("cases").where("id", .equal, SQLBind(id)).first().flatMap {
            try SQLValues.optionalInt($0, "training_label")
        }
    }

    /// Moves the case up a tier with a reason (kept as an internal note): it leaves its assignee and waits in the
    /// department's queue for that tier, with its whole history.
    public func escalate(caseID: Int64, reason: String, as p: Principal) async throws -> ServiceCase {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { throw Self.invalid("reason", "required", "say why the case needs a higher tier") }
        if reason.count > 5_000 { throw Self.invalid("reason", "too_long", "must be at most 5000 characters") }
        return try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status.isActive else {
                throw StoreError.conflict(field: "status", message: "case \(c.reference) is \(c.status.rawValue)")
            }
            guard let tier = c.tier.next else {
                throw StoreError.conflict(field: "tier", message: "case \(c.reference) is already at the top tier")
            }
            let set: [String: FieldValue] = [
                "tier": .int(Int64(tier.rawValue)), "status": .string(CaseStatus.escalated.rawValue),
                "assignee_id": .null,
                "escalation_count": .int(Int64(c.escalationCount + 1)),
            ]
            try await Self.touch(
                caseID, by: p.userID,
                set.merging(Self.slaChange(c, to: .escalated, now: Timestamp.now())) { own, _ in own }, on: db)
            try await CaseRows.addMessage(caseID, kind: .note, body: reason, author: p.userID, on: db)
            try await CaseRows.addEvent(
                caseID, "escalated", detail: "tier \(tier.rawValue): \(reason.prefix(200))", actor: p.userID, on: db)
            let after = try await CaseRows.require(id: caseID, on: db)
            try await Self.audit(
                after, "escalate", by: p,
                changes: ["tier": [.int(Int64(c.tier.rawValue)), .int(Int64(tier.rawValue))]], on: db)
            return after
        }
    }

    /// What resolving did besides closing the clock.
    public struct Resolution: Sendable {
        public var serviceCase: ServiceCase
        /// The candidate solution article captured from an escalated case.
        public var capturedArticleID: Int64?
        /// The survey link sent to the contact (also in the mail outbox).
        public var csatLink: String?
    }

    /// Resolves with a written resolution. The department becomes a confirmed training label, the case joins the
    /// solved-case index, an escalated case's resolution is captured as a candidate solution article (a draft by the
    /// resolver, linked to the case), and the contact gets a satisfaction survey.
    public func resolve(caseID: Int64, resolution: String, as p: Principal) async throws -> Resolution {
        let resolution = resolution.trimmingCharacters(in: .whitespacesAndNewlines)
        if resolution.isEmpty { throw Self.invalid("resolution", "required", "say how the case was resolved") }
        if resolution.count > Self.maximumMessageLength {
            throw Self.invalid("resolution", "too_long", "must be at most 100000 characters")
        }
        let index = self.index
        let cache = routing
        let base = publicURL
        let (out, change, version) = try await database.write { db -> (Resolution, RoutingModelCache.Change?, Int64) in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status.isActive else {
                throw StoreError.conflict(field: "status", message: "case \(c.reference) is \(c.status.rawValue)")
            }
            if c.tier > .agent, !CasePolicy.mayHandle(tier: c.tier, role: p.role) {
                throw AccessRefusal.forbidden("a tier \(c.tier.rawValue) case is resolved by a senior agent")
            }
            let now = Timestamp.now()
            let trained = try await Self.trainingLabel(caseID, on: db)
            var set: [String: FieldValue] = [
                "status": .string(CaseStatus.resolved.rawValue), "resolved_at": .string(now),
                "resolved_by": .int(p.userID),
                "resolution": .string(resolution), "next_due": .null,
            ]
            if c.sla.firstRespondedAt == nil { set["first_responded_at"] = .string(now) }
            set.merge(Self.slaChange(c, to: .resolved, now: now)) { own, _ in own }
            if let d = c.departmentID { set["training_label"] = .int(d) }
            if c.assigneeID == nil { set["assignee_id"] = .int(p.userID) }
            try await Self.touch(caseID, by: p.userID, set, on: db)
            try await CaseRows.addMessage(caseID, kind: .reply, body: resolution, author: p.userID, on: db)
            try await CaseRows.addEvent(
                caseID, "resolved", detail: c.escalationCount > 0 ? "after escalation" : nil, actor: p.userID, on: db)
            let after = try await CaseRows.require(id: caseID, on: db)
            try await index.put(after, on: db)
            var captured: Int64?
            if c.escalationCount > 0, try await !Self.solvedWithArticle(caseID, on: db) {
                let article = try await Self.captureSolution(after, by: p, on: db)
                try await CaseRows.addEvent(
                    caseID, "solution_captured", detail: String(article), actor: p.userID, on: db)
                captured = article
            }
            let link = try await Self.requestSatisfaction(after, publicURL: base, on: db)
            try await Self.audit(
                after, "resolve", by: p, changes: ["status": [.string(c.status.rawValue), .string("resolved")]], on: db)
            let result = Resolution(serviceCase: after, capturedArticleID: captured, csatLink: link)
            guard let label = CaseRouting.relabel(trained: trained, settled: c.departmentID) else {
                return (result, nil, 0)
            }
            let change = RoutingModelCache.Change(add: (c.text, label.add), remove: label.remove.map { (c.text, $0) })
            return (result, change, try await RoutingModelCache.bumpVersion(on: db))
        }
        if let change { await cache.apply(change, newVersion: version) }
        return out
    }

    static func solvedWithArticle(_ caseID: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("case_id").from("case_solutions").where("case_id", .equal, SQLBind(caseID)).where(
            "kind", .equal, SQLBind("article")
        )
        .first() != nil
    }

    /// The senior agent's answer as a draft solution article: problem and resolution, internal audience, in the
    /// product's links, authored by the resolver, marked with its source case.
    static func captureSolution(_ c: ServiceCase, by p: Principal, on db: any SQLDatabase) async throws -> Int64 {
        let chinese = (c.subject + c.description).unicodeScalars.contains { TextAnalyzer.isCJK(scalar: $0.value) }
        let (problem, solution) = chinese ? ("问题", "解决方法") : ("Problem", "Solution")
        var input = ArticleInput(
            type: .solution, title: String(c.subject.prefix(ArticleInput.maximumTitleLength)),
            body:
                "## \(problem)\n\n\(c.description.isEmpty ? c.subject : c.description)\n\n## \(solution)\n\n\(c.resolution ?? "")",
            language: chinese ? .zh : .en, tags: ["case-\(c.id)"], productIDs: c.productID.map { [$0] } ?? [],
            audience: Audience(kind: .internal))
        _ = input.validate()
        input.body = String(input.body.prefix(ArticleInput.maximumBodyLength))
        return try await ArticleWrites.insert(
            input, status: .draft, ownerID: p.userID, teamID: p.teamID, by: p.userID, sourceCaseID: c.id, on: db)
    }

    /// Opens a resolved case again (the customer came back, or the fix did not hold).
    public func reopen(caseID: Int64, as p: Principal) async throws -> ServiceCase {
        try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status == .resolved else {
                throw StoreError.conflict(field: "status", message: "only a resolved case can be reopened")
            }
            try await Self.touch(
                caseID, by: p.userID,
                [
                    "status": .string(CaseStatus.open.rawValue), "resolved_at": .null,
                    "next_due": .string(c.sla.resolutionDue),
                ],
                on: db)
            try await CaseRows.addEvent(caseID, "reopened", actor: p.userID, on: db)
            return try await CaseRows.require(id: caseID, on: db)
        }
    }

    /// Closes a resolved case for good.
    public func close(caseID: Int64, as p: Principal) async throws -> ServiceCase {
        try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            guard c.status == .resolved else {
                throw StoreError.conflict(field: "status", message: "resolve case \(c.reference) before closing it")
            }
            try await Self.touch(caseID, by: p.userID, ["status": .string(CaseStatus.closed.rawValue)], on: db)
            try await CaseRows.addEvent(caseID, "closed", actor: p.userID, on: db)
            return try await CaseRows.require(id: caseID, on: db)
        }
    }
}
