import Hummingbird
import LoreCore
import LoreStore

/// The case page: SLA, routing, suggested answers, the thread and history, and every action on the case.
extension CasePages {
    static let actions = [
        "reply", "note", "escalate", "resolve", "reopen", "close", "take", "assign", "reroute", "status", "priority",
        "solved",
    ]

    func registerDetail(on router: RouterGroup<SignedInContext>) {
        router.get("/cases/:id") { request, context in try await detail(request, context) }
        for action in Self.actions {
            router.post("/cases/:id/\(action)") { request, context in try await act(action, request, context) }
        }
    }

    func detail(_ request: Request, _ context: SignedInContext, flash: String? = nil) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let id = try context.parameters.require("id", as: RecordID.self)
        let d = try await cases.detail(id: id, as: p)
        let c = d.serviceCase
        let directory = try await cases.directory()
        let now = Timestamp.now()
        let offset = context.timeZoneOffset
        var data = CaseView.row(c, t, directory: directory, now: now, offset: offset)
        data["description"] = c.description.isEmpty ? false : c.description
        data["sla"] = CaseView.sla(c, t, now: now, offset: offset)
        data["routing"] = t("svc.routing.\(c.routing.rawValue)")
        data["prediction"] =
            c.routingConfidence.map { conf in
                "\(directory.departmentName(c.predictedDepartmentID) ?? "—") · \(t("svc.confidence")) \(Int((conf * 100).rounded()))%"
            } ?? false
        let work = CasePolicy.canWork(c, principal: p)
        data.merge(Self.actions(c, principal: p)) { _, new in new }
        data["resolution"] = c.resolution ?? false
        data["agents"] = directory.agents.filter { CasePolicy.mayHandle(tier: c.tier, role: $0.role) }.map {
            ["id": $0.id, "name": $0.name, "selected": $0.id == c.assigneeID]
        }
        data["departments"] = directory.departments.map {
            ["id": $0.id, "name": $0.name, "selected": $0.id == c.departmentID]
        }
        data["priorities"] = CasePriority.allCases.map {
            ["code": $0.rawValue, "label": t("svc.priority.\($0.rawValue)"), "selected": $0 == c.priority]
        }
        data["messages"] = d.messages.map { Self.message($0, t, directory: directory, offset: offset) }
        data["events"] = d.events.reversed().map { CaseView.event($0, t, directory: directory, offset: offset) }
        data["captured"] = d.capturedArticleID.map { ["href": "/kb/articles/\($0)"] } ?? false
        // The summary card shows only what there is: a case may be opened with a subject alone.
        data["has_summary"] = !c.description.isEmpty || c.resolution != nil || d.capturedArticleID != nil
        let suggestions = c.status == .closed ? [] : try await cases.suggestions(caseID: id, as: p)
        data["suggestions"] = suggestions.map { Self.suggestion($0, t, canUse: work && !$0.used) }
        data["no_suggestions"] = suggestions.isEmpty
        for key in ["account_id", "contact_id", "product_id"] { data[key] = false }
        for (key, entity, ref) in [
            ("account", "accounts", c.accountID), ("contact", "contacts", c.contactID),
            ("product", "products", c.productID),
        ] {
            guard let ref else { continue }
            let name = try await services.records.titles(entity: entity, ids: [ref], as: p)[ref] ?? "#\(ref)"
            data[key] = ["name": name, "href": "/\(Catalog[entity].path)/\(ref)"]
        }
        return try services.pages.render(
            "case", title: "\(c.reference) \(c.subject)", data: data, context: context, flash: flash,
            flashIsError: flash != nil)
    }

    /// What the signed-in user may do with the case now (each a button or form on the page).
    static func actions(_ c: ServiceCase, principal p: Principal) -> [String: Any] {
        let work = CasePolicy.canWork(c, principal: p)
        let active = c.status.isActive
        return [
            "active": active, "can_work": work && active,
            "can_resolve": work && active && (c.tier == .agent || CasePolicy.mayHandle(tier: c.tier, role: p.role)),
            "can_escalate": work && active && c.tier.next != nil,
            "can_take": work && active && c.assigneeID != p.userID && CasePolicy.mayHandle(tier: c.tier, role: p.role),
            "can_assign": work && active && CasePolicy.canAssignOthers(p),
            "can_reroute": active && CasePolicy.canReroute(p),
            "can_reopen": work && c.status == .resolved, "can_close": work && c.status == .resolved,
            "pending": c.status == .pendingCustomer,
        ]
    }

    static func message(_ m: CaseMessage, _ t: Localizer, directory: CaseRepository.Directory, offset: Int) -> [String:
        Any]
    {
        [
            "body": m.body, "kind": m.kind.rawValue, "internal": m.kind == .note, "customer": m.kind == .customer,
            "who": m.kind == .customer
                ? (m.fromAddress ?? t("svc.from_customer")) : (directory.agentName(m.authorID) ?? "—"),
            "at": TimeDisplay.short(m.createdAt, offset: offset),
        ]
    }

    static func suggestion(_ s: CaseRepository.Suggestion, _ t: Localizer, canUse: Bool) -> [String: Any] {
        [
            "kind": t("svc.kind.\(s.kind.rawValue)"), "kind_code": s.kind.rawValue, "title": s.title, "id": s.id,
            "href": s.kind == .case ? "/cases/\(s.id)" : "/kb/articles/\(s.id)",
            "match": "\(Int((s.match * 100).rounded()))%",
            "solved": t.format("svc.solved_count", ["n": String(s.solvedCount)]), "used": s.used,
            "field": s.kind == .case ? "case_id" : "article_id", "can_use": canUse,
        ]
    }

    func act(_ action: String, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        let text = form["text"] ?? ""
        do {
            switch action {
            case "reply": _ = try await cases.addMessage(caseID: id, kind: .reply, body: text, as: p)
            case "note": _ = try await cases.addMessage(caseID: id, kind: .note, body: text, as: p)
            case "escalate": _ = try await cases.escalate(caseID: id, reason: text, as: p)
            case "resolve": _ = try await cases.resolve(caseID: id, resolution: text, as: p)
            case "reopen": _ = try await cases.reopen(caseID: id, as: p)
            case "close": _ = try await cases.close(caseID: id, as: p)
            case "take": _ = try await cases.assign(caseIDs: [id], to: p.userID, as: p)
            case "assign":
                _ = try await cases.assign(caseIDs: [id], to: form["assignee_id"].flatMap { Int64($0) }, as: p)
            case "reroute":
                guard let d = form["department_id"].flatMap({ Int64($0) }) else {
                    throw StoreError.badRequest("choose a department")
                }
                _ = try await cases.reroute(caseID: id, to: d, as: p)
            case "status":
                _ = try await cases.setStatus(caseID: id, CaseStatus(rawValue: form["status"] ?? "") ?? .open, as: p)
            case "priority":
                _ = try await cases.setPriority(
                    caseID: id, CasePriority(rawValue: form["priority"] ?? "") ?? .normal, as: p)
            default:
                _ = try await cases.solvedWith(
                    caseID: id, article: form["article_id"].flatMap { Int64($0) },
                    pastCase: form["case_id"].flatMap { Int64($0) }, as: p)
            }
        } catch let e where !(e is WebError) && Problem.from(e) != nil {
            if case StoreError.notFound = e { throw e }
            return try await detail(request, context, flash: Self.message(e, context.localizer))
        }
        return PageRenderer.redirect("/cases/\(id)")
    }
}
