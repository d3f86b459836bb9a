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
        let p = context.principal
        let t = context.localizer
        let today = String(Timestamp.now().prefix(10))
        let (mine, taskRows) = try await myTasks(context, today: today)
        let activity = try await recentActivity(context)
        let stages = try await services.records.list(Catalog["pipeline_stages"], query: ListQuery(), as: p).records
        let openStages = Set(stages.filter { $0["outcome"].string == "open" }.map(\.id))
        let groups = try await services.records.aggregate(
            Catalog["opportunities"], groupBy: "stage_id", sum: "amount", ownerID: p.role.isTeamScoped ? p.userID : nil,
            as: p)
        let open = groups.filter { $0.key.int.map(openStages.contains) ?? false }
        let myAccounts = try await services.records.aggregate(
            Catalog["accounts"], groupBy: "kind", sum: nil, ownerID: p.userID, as: p)
        let alerts = try await alerts(context)
        let page = HomePageModel(
            welcome: t.format("home_welcome", ["name": p.name]), tasks: taskRows, activity: activity,
            openCount: open.reduce(0) { $0 + $1.count }, openAmount: Money.format(open.reduce(0) { $0 + $1.sum }),
            accountCount: myAccounts.reduce(0) { $0 + $1.count }, taskCount: mine.count,
            overdueCount: mine.filter { ($0["due_date"].string ?? "9999") < today }.count, alerts: .nonEmpty(alerts))
        return try services.pages.render(
            "home", title: t("nav_home"), model: MergedModel(page, page.sections), context: context)
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
