import Hummingbird
import LoreCore
import LoreStore

/// The opportunity pipeline as a board: a column per stage with count, total and weighted total;
/// cards move between stages with a form (or by dragging, with the page script).
struct PipelinePageController {
    let services: AppServices
    static let cardsPerStage = 50

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/pipeline") { request, context in try await board(request, context) }
        router.post("/pipeline/:id/stage") { request, context in try await move(request, context) }
    }

    func board(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.read, Catalog["opportunities"])
        let t = context.localizer
        let mineOnly = request.query.get("mine") == "1"
        let opportunities = Catalog["opportunities"]
        let stages = try await services.records.list(Catalog["pipeline_stages"], query: ListQuery(), as: p).records
        let names = try await RecordView.stageNames(repo: services.records, principal: p, t: t)
        let groups = try await services.records.aggregate(
            opportunities, groupBy: "stage_id", sum: "amount", ownerID: mineOnly ? p.userID : nil, as: p)
        let canMove = Permissions.allows(p.role, .update, on: opportunities)
        var columns: [[String: Any]] = []
        var grandTotal: Int64 = 0
        var grandWeighted: Int64 = 0
        for stage in stages {
            var q = ListQuery()
            q.filters = ["stage_id": .int(stage.id)]
            q.ownerID = mineOnly ? p.userID : nil
            q.limit = Self.cardsPerStage
            let cards = try await services.records.list(opportunities, query: q, as: p).records
            let view = try await RecordView.make(
                opportunities, records: cards, repo: services.records, principal: p, t: t,
                timeZoneOffset: context.timeZoneOffset)
            let group = groups.first { $0.key.int == stage.id }
            let probability = stage["probability"].int ?? 0
            let weighted = (group?.sum ?? 0) * probability / 100
            if stage["outcome"].string == "open" {
                grandTotal += group?.sum ?? 0
                grandWeighted += weighted
            }
            columns.append([
                "id": stage.id, "name": names[stage.id] ?? "", "probability": probability,
                "outcome": stage["outcome"].string ?? "open",
                "count": t.format("pipeline_deals", ["count": String(group?.count ?? 0)]),
                "total": Money.display(group?.sum ?? 0),
                "weighted": Money.display(weighted), "more": (group?.count ?? 0) > cards.count,
                "more_href": "/opportunities?stage_id=\(stage.id)",
                "cards": try cards.map { r in
                    [
                        "id": r.id, "href": "/opportunities/\(r.id)", "name": r["name"].string ?? "",
                        "account": try TemplateValue.fields(view.cell(r, opportunities.knownField("account_id"))),
                        "amount": r["amount"].int.map { Money.display($0) } ?? "",
                        "close": r["expected_close_date"].string.map { $0 as Any } ?? false,
                        "owner": view.ownerName(r),
                        "stages": stages.map { s in
                            ["id": s.id, "name": names[s.id] ?? "", "selected": s.id == stage.id]
                        },
                    ] as [String: Any]
                },
            ])
        }
        return try services.pages.render(
            "pipeline", title: t("pipeline_title"),
            data: [
                "columns": columns, "mine": mineOnly, "can_move": canMove, "total": Money.display(grandTotal),
                "weighted": Money.display(grandWeighted),
            ], context: context)
    }

    func move(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.update, Catalog["opportunities"])
        let form = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        guard let stage = form["stage_id"].flatMap(Int64.init) else {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        _ = try await services.records.update(
            Catalog["opportunities"], id: id, changes: ["stage_id": .int(stage)], as: p)
        if request.headers[.accept]?.contains("application/json") == true { return JSONIO.noContent() }
        return PageRenderer.redirect("/pipeline" + (form["mine"] == "1" ? "?mine=1" : ""))
    }
}
