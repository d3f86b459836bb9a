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
        let (now, offset) = (Timestamp.now(), context.timeZoneOffset)
        let work = CasePolicy.canWork(c, principal: p)
        let suggestions = c.status == .closed ? [] : try await cases.suggestions(caseID: id, as: p)
        var page = CasePageModel(
            description: c.description.isEmpty ? nil : c.description,
            sla: SLALineModel.lines(c, t, now: now, offset: offset), routing: t("svc_routing_\(c.routing.rawValue)"),
            prediction: c.routingConfidence.map { conf in
                "\(directory.departmentName(c.predictedDepartmentID) ?? "—") · \(t("svc_confidence")) \(Int((conf * 100).rounded()))%"
            },
            resolution: c.resolution,
            agents: directory.agents.filter { CasePolicy.mayHandle(tier: c.tier, role: $0.role) }.map {
                OptionModel(value: String($0.id), label: $0.name, selected: $0.id == c.assigneeID)
            },
            departments: directory.departments.map {
                OptionModel(value: String($0.id), label: $0.name, selected: $0.id == c.departmentID)
            },
            priorities: CasePriority.allCases.map {
                OptionModel(value: $0.rawValue, label: t("svc_priority_\($0.rawValue)"), selected: $0 == c.priority)
            },
            messages: d.messages.map { CaseMessageModel($0, t, directory: directory, offset: offset) },
            events: d.events.reversed().map { CaseEventModel($0, t, directory: directory, offset: offset) },
            captured: d.capturedArticleID.map { LinkModel(text: t("svc_captured"), href: "/kb/articles/\($0)") },
            suggestions: Self.distinct(suggestions).map { SuggestionModel($0, caseID: id, t, canUse: work && !$0.used) }
        )
        let customers = try await CaseCustomers.load([c], records: services.records, as: p)
        try await addCustomerPanels(&page, c, customers: customers, directory: directory, context: context)
        if work { page.macros = try await macros(c, customers: customers, as: p) }
        return try services.pages.render(
            "case", title: "\(c.reference) \(c.subject)",
            model: MergedModel(
                CaseRowModel(c, t, directory: directory, customers: customers, now: now, offset: offset),
                CaseActionsModel(c, principal: p),
                page, page.sections),
            context: context, flash: flash, flashIsError: flash != nil)
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

    /// Suggestions without repeats: the same answer can come back as an article and as the case it was captured
    /// from, under one title; the better-ranked one stays.
    static func distinct(_ list: [CaseRepository.Suggestion]) -> [CaseRepository.Suggestion] {
        var seen = Set<String>()
        return list.filter { seen.insert($0.title.trimmingCharacters(in: .whitespaces).lowercased()).inserted }
    }

    /// The customer by name (account, contact, product; one the viewer may not see is left out rather than shown as
    /// a bare id) and the customer's other open cases.
    func addCustomerPanels(
        _ page: inout CasePageModel, _ c: ServiceCase, customers: CaseCustomers, directory: CaseRepository.Directory,
        context: SignedInContext
    ) async throws {
        let (p, t, now, offset) = (context.principal, context.localizer, Timestamp.now(), context.timeZoneOffset)
        func link(_ entity: String, _ id: Int64?, _ name: String?) -> LinkModel? {
            guard let id, let name else { return nil }
            return LinkModel(text: name, href: "/\(Catalog[entity].path)/\(id)")
        }
        page.account = link("accounts", c.accountID, c.accountID.flatMap { customers.accounts[$0] })
        page.contact = link("contacts", c.contactID, c.contactID.flatMap { customers.contacts[$0] })
        if let product = c.productID {
            let name = try await services.records.titles(entity: "products", ids: [product], as: p)[product]
            page.product = link("products", product, name)
        }
        guard let account = c.accountID else { return }
        var query = CaseListQuery(accountID: account, limit: 6)
        query.activeOnly = true
        let (open, _) = try await cases.list(query, as: p)
        // The same customer's cases: the names already loaded serve their rows.
        page.otherCases = open.filter { $0.id != c.id }.prefix(5).map {
            CaseRowModel($0, t, directory: directory, customers: customers, now: now, offset: offset)
        }
    }

    /// The canned replies the viewer may use, filled in for this case.
    func macros(_ c: ServiceCase, customers: CaseCustomers, as p: Principal) async throws
        -> SectionModel<CasePageModel.MacroOption>?
    {
        let values = [
            "customer": c.accountID.flatMap { customers.accounts[$0] } ?? "",
            "contact": c.contactID.flatMap { customers.contacts[$0] } ?? "", "case": c.reference, "subject": c.subject,
            "agent": p.name,
        ]
        return .nonEmpty(try await cases.macros(as: p).map { .init(title: $0.title, text: $0.filled(values)) })
    }
}
