import Hummingbird
import LoreCore
import LoreStore

/// The home page: my open tasks, my open pipeline, and recent activity I may see.
struct HomePageController {
    let services: AppServices

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/") { _, context in
            // Portal customers have no CRM home: their start page is the knowledge base.
            if context.principal.role == .customer { return PageRenderer.redirect("/kb") }
            return try await home(context)
        }
    }

    func home(_ context: SignedInContext) async throws -> Response {
        let (p, t) = (context.principal, context.localizer)
        let role = HomeRole(p.role)
        let today = String(Timestamp.now().prefix(10))
        let (mine, taskRows) = try await myTasks(context, today: today)
        var page = HomePageModel(
            welcome: t.format("home_welcome", ["name": p.name]),
            tasks: .init(
                items: taskRows, count: mine.count,
                overdue: mine.filter { ($0["due_date"].string ?? "9999") < today }.count))
        if role.showsMyCases { page.myCases = try await myCases(context) }
        if role.showsQueues { page.queues = try await queues(context) }
        // A manager leads a service or a sales department (or all): each half shows when it applies to them.
        let leadsService = page.queues != nil
        if role.showsSatisfaction, leadsService { page.satisfaction = try await satisfaction(context, today: today) }
        if role.showsAlerts { page.alerts = .nonEmpty(try await alerts(context)) }
        if role.showsPipeline {
            let pipeline = try await pipeline(context)
            let hasSales = pipeline.openCount > 0 || pipeline.accountCount > 0
            if role != .manager || hasSales || !leadsService { page.pipeline = pipeline }
        }
        if role.showsActivity, page.pipeline != nil { page.activity = .nonEmpty(try await recentActivity(context)) }
        if role.showsKnowledge { page.knowledge = try await knowledge(context, reviewer: role == .knowledge) }
        if role == .admin { page.system = try await system(context) }
        return try services.pages.render("home", title: t("nav_home"), model: page, context: context)
    }

    /// My open and in-progress tasks, soonest due first, and the first fifteen as rows.
    func myTasks(_ context: SignedInContext, today: String) async throws -> ([Record], [HomePageModel.Task]) {
        let (p, t) = (context.principal, context.localizer)
        let tasks = Catalog["tasks"]
        var mine: [Record] = []
        for status in ["open", "in_progress"] {
            var q = ListQuery()
            q.filters = ["assignee_id": .int(p.userID), "status": .string(status)]
            q.limit = 50
            mine += try await services.records.list(tasks, query: q, as: p).records
        }
        mine.sort { ($0["due_date"].string ?? "9999") < ($1["due_date"].string ?? "9999") }
        let view = try await RecordView.make(
            tasks, records: mine, repo: services.records, principal: p, t: t, timeZoneOffset: context.timeZoneOffset)
        let rows = mine.prefix(15).map { r in
            let due = r["due_date"].string ?? ""
            let related = [
                view.cell(r, tasks.knownField("account_id")), view.cell(r, tasks.knownField("opportunity_id")),
            ]
            return HomePageModel.Task(
                href: "/tasks/\(r.id)", title: r["title"].string ?? "", due: due.isEmpty ? nil : due,
                overdue: !due.isEmpty && due < today, priority: r["priority"].string ?? "normal",
                priorityLabel: t.choiceLabel(r["priority"].string ?? "normal"), related: related.filter { !$0.empty })
        }
        return (mine, rows)
    }

    /// The twelve latest interactions I may see.
    func recentActivity(_ context: SignedInContext) async throws -> [HomePageModel.Activity] {
        let (p, t) = (context.principal, context.localizer)
        let interactions = Catalog["interactions"]
        var query = ListQuery()
        query.sort = "occurred_at"
        query.descending = true
        query.limit = 12
        let recent = try await services.records.list(interactions, query: query, as: p).records
        let view = try await RecordView.make(
            interactions, records: recent, repo: services.records, principal: p, t: t,
            timeZoneOffset: context.timeZoneOffset)
        return recent.map { r in
            HomePageModel.Activity(
                href: "/interactions/\(r.id)", subject: r["subject"].string ?? "", kind: r["kind"].string ?? "",
                kindLabel: t.choiceLabel(r["kind"].string ?? ""),
                when: TimeDisplay.short(r["occurred_at"].string ?? "", offset: context.timeZoneOffset),
                owner: view.ownerName(r), account: view.cell(r, interactions.knownField("account_id")))
        }
    }

    /// Customers who rated the service badly, until someone acknowledges the alert (managers see them).
    func alerts(_ context: SignedInContext) async throws -> [HomePageModel.Alert] {
        let (p, t) = (context.principal, context.localizer)
        return try await services.cases.openAlerts(as: p).map { a in
            HomePageModel.Alert(
                id: a.id, account: a.accountName, accountHref: "/accounts/\(a.accountID)",
                caseHref: a.caseID.map { "/cases/\($0)" }, case: a.caseID.map { CaseReference.format($0) } ?? "",
                text: t.format("svc_alert_low_csat", ["n": String(a.score ?? 0)]), comment: a.comment ?? "",
                when: TimeDisplay.short(a.createdAt, offset: context.timeZoneOffset), canAck: CasePolicy.canConfigure(p)
            )
        }
    }
}
