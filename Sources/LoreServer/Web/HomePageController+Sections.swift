import Foundation
import Hummingbird
import LoreCore
import LoreStore

/// The home page's sections for service, sales, knowledge and administration (see ``HomeRole`` for who gets which).
extension HomePageController {
    /// My open cases by SLA due time, and how many are about to breach or have.
    func myCases(_ context: SignedInContext) async throws -> HomePageModel.MyCases {
        let (p, t, offset) = (context.principal, context.localizer, context.timeZoneOffset)
        // The queue is ordered by SLA due time: the first 200 hold every case due soon or overdue that matters here;
        // the page lists the first 8.
        let (mine, total) = try await services.cases.list(CaseListQuery(queue: .mine, limit: 200), as: p)
        let list = Array(mine.prefix(8))
        let directory = try await services.cases.directory()
        let customers = try await CaseCustomers.load(list, records: services.records, as: p)
        let now = Timestamp.now()
        let soon = Timestamp.format(epochMilliseconds: (Timestamp.parse(now) ?? 0) + 2 * 3_600_000)
        let dues = mine.compactMap(\.sla.nextDue)
        return .init(
            rows: list.map {
                CaseRowModel($0, t, directory: directory, customers: customers, now: now, offset: offset)
            },
            count: total, dueSoon: dues.filter { $0 >= now && $0 < soon }.count, overdue: dues.filter { $0 < now }.count
        )
    }

    /// The queues I may see, each with its active and overdue cases; nil for a manager whose department handles no
    /// cases (a sales manager sees the triage queue, but it is not theirs to run).
    func queues(_ context: SignedInContext) async throws -> HomePageModel.Queues? {
        let (p, t) = (context.principal, context.localizer)
        if p.role == .manager, !CasePolicy.seesAll(p) {
            guard let department = p.departmentID, try await services.cases.departmentHandlesCases(department) else {
                return nil
            }
        }
        let counts = try await services.cases.queueCounts(as: p)
        let items = counts.map { q in
            HomePageModel.Queues.Item(
                label: q.departmentID == nil
                    ? t("svc_triage") : "\(q.departmentName ?? "—") · \(t("svc_tier_\(q.tier.rawValue)"))",
                href: q.departmentID.map { "/cases?queue=department&department_id=\($0)&tier=\(q.tier.rawValue)" }
                    ?? "/cases?queue=triage",
                count: q.active, overdue: q.overdue > 0 ? q.overdue : nil)
        }
        let overdue = counts.reduce(0) { $0 + $1.overdue }
        return .init(items: items, overdue: overdue > 0 ? overdue : nil, active: counts.reduce(0) { $0 + $1.active })
    }

    /// Customer satisfaction over the last six months.
    func satisfaction(_ context: SignedInContext, today: String) async throws -> HomePageModel.Satisfaction {
        let t = context.localizer
        let months = try await services.cases.satisfactionTrend(months: 6, today: today, as: context.principal)
        let answered = months.reduce(0) { $0 + $1.answered }
        let total = months.reduce(0.0) { $0 + ($1.average ?? 0) * Double($1.answered) }
        return .init(
            chart: SatisfactionChart.svg(months, label: t("home_csat_trend")),
            average: answered > 0 ? String(format: "%.1f", total / Double(answered)) : "—",
            detail: t.format("home_csat_detail", ["n": String(answered)]))
    }

    /// My pipeline and accounts, and my accounts nobody has contacted for 60 days.
    func pipeline(_ context: SignedInContext) async throws -> HomePageModel.Pipeline {
        let p = context.principal
        let stages = try await services.records.list(Catalog["pipeline_stages"], query: ListQuery(), as: p).records
        let openStages = Set(stages.filter { $0["outcome"].string == "open" }.map(\.id))
        let groups = try await services.records.aggregate(
            Catalog["opportunities"], groupBy: "stage_id", sum: "amount", ownerID: p.role.isTeamScoped ? p.userID : nil,
            as: p)
        let open = groups.filter { $0.key.int.map(openStages.contains) ?? false }
        let accounts = try await services.records.aggregate(
            Catalog["accounts"], groupBy: "kind", sum: nil, ownerID: p.userID, as: p)
        let since = Timestamp.format(epochMilliseconds: (Timestamp.parse(Timestamp.now()) ?? 0) - 60 * 86_400_000)
        let quiet = try await services.records.quietAccounts(since: since, as: p)
        return .init(
            openCount: open.reduce(0) { $0 + $1.count }, openAmount: Money.display(open.reduce(0) { $0 + $1.sum }),
            accountCount: accounts.reduce(0) { $0 + $1.count },
            quiet: quiet.map { LinkModel(text: $0.name, href: "/accounts/\($0.id)") })
    }

    /// For a reviewer: what waits for review and what is due for re-verification; for everyone, their own drafts.
    func knowledge(_ context: SignedInContext, reviewer: Bool) async throws -> HomePageModel.Knowledge {
        let (p, t, offset) = (context.principal, context.localizer, context.timeZoneOffset)
        let kb = services.knowledge
        var section = HomePageModel.Knowledge(reviewCount: nil, review: [], staleCount: nil, stale: [], drafts: [])
        if reviewer {
            let queue = try await kb.reviewQueue(as: p)
            let waiting = queue.articles.count + queue.proposals.count
            section.reviewCount = waiting > 0 ? waiting : nil
            section.review = queue.articles.prefix(5).map { ArticleSummaryModel($0, t, offset: offset) }
            let stale = try await kb.needsReviewPage(as: p, limit: 5)
            section.staleCount = stale.total > 0 ? stale.total : nil
            section.stale = stale.articles.map { ArticleSummaryModel($0, t, offset: offset) }
        }
        let mine = try await kb.list(ownerID: p.userID, limit: 20, as: p).articles
        section.drafts = mine.filter { $0.status == .draft || $0.status == .inReview }.prefix(5).map {
            ArticleSummaryModel($0, t, offset: offset)
        }
        return section
    }

    /// For an administrator: the database, the users by role, and the latest sign-ins.
    func system(_ context: SignedInContext) async throws -> HomePageModel.System {
        let t = context.localizer
        let ms = try await services.database.pingMilliseconds()
        let users = try await services.users.list().filter(\.active)
        let byRole = Role.allCases.compactMap { role -> HomePageModel.System.Count? in
            let n = users.filter { $0.role == role }.count
            return n == 0 ? nil : .init(label: t("role_\(role.rawValue)"), count: n)
        }
        let signIns = users.filter { $0.lastLoginAt != nil }.sorted { ($0.lastLoginAt ?? "") > ($1.lastLoginAt ?? "") }
            .prefix(5).map {
                HomePageModel.System.SignIn(
                    name: $0.name, role: t("role_\($0.role.rawValue)"),
                    when: TimeDisplay.short($0.lastLoginAt ?? "", offset: context.timeZoneOffset))
            }
        return .init(
            engine: services.database.engine == .postgres ? "PostgreSQL" : "SQLite",
            response: t.format(
                "home_response", ["ms": String(ms)]),
            users: users.count,
            byRole: byRole, signIns: Array(signIns))
    }
}
