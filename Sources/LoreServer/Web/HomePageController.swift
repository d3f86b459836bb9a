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
        let tasks = Catalog["tasks"]
        var mine: [Record] = []
        for status in ["open", "in_progress"] {
            var q = ListQuery()
            q.filters = ["assignee_id": .int(p.userID), "status": .string(status)]
            q.limit = 50
            mine += try await services.records.list(tasks, query: q, as: p).records
        }
        mine.sort { ($0["due_date"].string ?? "9999") < ($1["due_date"].string ?? "9999") }
        let today = String(Timestamp.now().prefix(10))
        let taskView = try await RecordView.make(
            tasks, records: mine, repo: services.records, principal: p, t: t, timeZoneOffset: context.timeZoneOffset)
        let taskRows: [[String: Any]] = mine.prefix(15).map { r in
            let due = r["due_date"].string ?? ""
            return [
                "href": "/tasks/\(r.id)", "title": r["title"].string ?? "", "due": due.isEmpty ? false : due as Any,
                "overdue": !due.isEmpty && due < today,
                "priority": r["priority"].string ?? "normal", "priority_label": t.choiceLabel(r["priority"].string ?? "normal"),
                "related": [taskView.cell(r, tasks.knownField("account_id")), taskView.cell(r, tasks.knownField("opportunity_id"))].filter {
                    $0["empty"] == nil
                },
            ]
        }
        let interactions = Catalog["interactions"]
        var recentQuery = ListQuery()
        recentQuery.sort = "occurred_at"
        recentQuery.descending = true
        recentQuery.limit = 12
        let recent = try await services.records.list(interactions, query: recentQuery, as: p).records
        let recentView = try await RecordView.make(
            interactions, records: recent, repo: services.records, principal: p, t: t, timeZoneOffset: context.timeZoneOffset)
        let activity: [[String: Any]] = recent.map { r in
            [
                "href": "/interactions/\(r.id)", "subject": r["subject"].string ?? "", "kind": r["kind"].string ?? "",
                "kind_label": t.choiceLabel(r["kind"].string ?? ""),
                "when": TimeDisplay.short(r["occurred_at"].string ?? "", offset: context.timeZoneOffset),
                "owner": recentView.ownerName(r), "account": recentView.cell(r, interactions.knownField("account_id")),
            ]
        }
        let stages = try await services.records.list(Catalog["pipeline_stages"], query: ListQuery(), as: p).records
        let openStages = Set(stages.filter { $0["outcome"].string == "open" }.map(\.id))
        let groups = try await services.records.aggregate(
            Catalog["opportunities"], groupBy: "stage_id", sum: "amount", ownerID: p.role.isTeamScoped ? p.userID : nil, as: p)
        let open = groups.filter { $0.key.int.map(openStages.contains) ?? false }
        let myAccounts = try await services.records.aggregate(Catalog["accounts"], groupBy: "kind", sum: nil, ownerID: p.userID, as: p)
        // Managers see customers who rated the service badly, until someone acknowledges the alert.
        let alerts = try await services.cases.openAlerts(as: p).map { a -> [String: Any] in
            [
                "id": a.id, "account": a.accountName, "account_href": "/accounts/\(a.accountID)",
                "case_href": a.caseID.map { "/cases/\($0)" } ?? false,
                "case": a.caseID.map { CaseReference.format($0) } ?? "", "text": t.format("svc.alert.low_csat", ["n": String(a.score ?? 0)]),
                "comment": a.comment ?? "", "when": TimeDisplay.short(a.createdAt, offset: context.timeZoneOffset),
                "can_ack": CasePolicy.canConfigure(p),
            ]
        }
        return try services.pages.render(
            "home", title: t("nav.home"),
            data: [
                "welcome": t.format("home.welcome", ["name": p.name]), "tasks": taskRows, "no_tasks": taskRows.isEmpty, "activity": activity,
                "no_activity": activity.isEmpty, "open_count": open.reduce(0) { $0 + $1.count },
                "open_amount": Money.format(open.reduce(0) { $0 + $1.sum }), "account_count": myAccounts.reduce(0) { $0 + $1.count },
                "task_count": mine.count, "overdue_count": mine.filter { ($0["due_date"].string ?? "9999") < today }.count,
                "has_overdue": mine.contains { ($0["due_date"].string ?? "9999") < today },
                "alerts": alerts.isEmpty ? false : ["items": alerts],
            ], context: context)
    }
}
