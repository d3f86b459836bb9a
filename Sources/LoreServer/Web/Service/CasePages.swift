import Foundation
import Hummingbird
import LoreCore
import LoreStore

/// The service desk in the browser: queues, the case page with its actions and suggestions, opening a case.
struct CasePages {
    let services: AppServices
    var cases: CaseRepository { services.cases }

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/cases") { request, context in try await list(request, context) }
        router.get("/cases/export.csv") { request, context in try await export(request, context) }
        router.get("/cases/new") { request, context in
            // Opened from a customer's page: /cases/new?account_id=12&contact_id=40 starts with them chosen.
            let prefill = ["account_id", "contact_id", "product_id"].compactMap { k in
                request.query.get(k).map { (k, $0) }
            }
            return try await newForm(context, values: Dictionary(prefill, uniquingKeysWith: { a, _ in a }), flash: nil)
        }
        router.post("/cases/new") { request, context in try await create(request, context) }
        router.post("/cases/assign") { request, context in try await bulkAssign(request, context) }
        registerDetail(on: router)
    }

    func list(_ request: Request, _ context: SignedInContext, flash: String? = nil) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let params = request.query
        let flash = flash ?? params.get("error")
        let query = try PageQuery.parse { try CaseQueryParser.listQuery(params) }
        let directory = try await cases.directory()
        let (list, total) = try await cases.list(query, as: p)
        let customers = try await CaseCustomers.load(list, records: services.records, as: p)
        let now = Timestamp.now()
        var queues: [[String: Any]] = [
            ["label": t("svc_my_cases"), "href": "/cases?queue=mine", "active": query.queue == .mine, "count": ""],
            ["label": t("svc_all_cases"), "href": "/cases", "active": query.queue == .all, "count": ""],
        ]
        for q in try await cases.queueCounts(as: p) {
            let href =
                q.departmentID.map { "/cases?queue=department&department_id=\($0)&tier=\(q.tier.rawValue)" }
                ?? "/cases?queue=triage"
            let label =
                q.departmentID == nil
                ? t("svc_triage") : "\(q.departmentName ?? "—") · \(t("svc_tier_\(q.tier.rawValue)"))"
            let active = q.departmentID.map { query.queue == .department($0, tier: q.tier) } ?? (query.queue == .triage)
            queues.append([
                "label": label, "href": href, "active": active, "count": String(q.active),
                "overdue": q.overdue > 0 ? String(q.overdue) : false,
            ])
        }
        if query.queue == .triage, !queues.contains(where: { ($0["href"] as? String) == "/cases?queue=triage" }) {
            queues.append(["label": t("svc_triage"), "href": "/cases?queue=triage", "active": true, "count": "0"])
        }
        var data: [String: Any] = [
            "queues": queues,
            "rows": try TemplateValue.list(
                list.map {
                    CaseRowModel(
                        $0, t, directory: directory, customers: customers, now: now, offset: context.timeZoneOffset)
                }),
            "empty": list.isEmpty, "total": total, "can_assign_others": CasePolicy.canAssignOthers(p),
            "agents": directory.agents.map { ["id": $0.id, "name": $0.name, "me": $0.id == p.userID] },
            "statuses": CaseStatus.allCases.map {
                ["code": $0.rawValue, "label": t("svc_status_\($0.rawValue)"), "selected": query.status == $0]
            },
            "back": request.uri.description,
            "export_href": Self.exportHref(request, bom: false),
            "export_excel_href": Self.exportHref(request, bom: true),
        ]
        data["queue_value"] = params.get("queue") ?? "all"
        data["hidden"] = ["department_id", "tier"].compactMap { k in params.get(k).map { ["name": k, "value": $0] } }
        let shown = query.offset + list.count
        data["next_href"] = shown < total ? Self.pageHref(request, offset: query.offset + query.limit) : false
        data["prev_href"] =
            query.offset > 0 ? Self.pageHref(request, offset: max(0, query.offset - query.limit)) : false
        return try services.pages.render(
            "cases", title: t("svc_cases"), data: data, context: context, flash: flash, flashIsError: flash != nil)
    }

    /// The export of this list: the same filters, every page.
    static func exportHref(_ request: Request, bom: Bool) -> String {
        var items = request.query.filter { !["offset", "error", "bom"].contains($0.key) }.map {
            "\($0.key)=\(PageQuery.encode(String($0.value)))"
        }
        if bom { items.append("bom=1") }
        return "/cases/export.csv" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }

    static func pageHref(_ request: Request, offset: Int) -> String {
        var items = request.query.filter { $0.key != "offset" && $0.key != "error" }.map {
            "\($0.key)=\(PageQuery.encode(String($0.value)))"
        }
        items.append("offset=\(offset)")
        return "/cases?" + items.joined(separator: "&")
    }

    func bulkAssign(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let ids = (form.values["case_id"] ?? []).compactMap { Int64($0) }
        let assignee = form["assignee_id"].flatMap { $0 == "me" ? p.userID : Int64($0) }
        let back = form["back"].flatMap { $0.hasPrefix("/cases") ? $0 : nil } ?? "/cases"
        do {
            _ = try await cases.assign(caseIDs: ids, to: assignee, as: p)
        } catch let e where Problem.from(e) != nil && !(e is WebError) {
            return PageRenderer.redirect(
                back + (back.contains("?") ? "&" : "?") + "error="
                    + PageQuery.encode(Self.message(e, context.localizer)))
        }
        return PageRenderer.redirect(back)
    }

    /// A store error as one line for a flash message, fields named in the user's language.
    static func message(_ error: any Error, _ t: Localizer) -> String {
        switch error {
        case StoreError.invalid(let v):
            return v.errors.map {
                "\(t("svc_field_\($0.field.replacingOccurrences(of: "_id", with: ""))")): \($0.message)"
            }.joined(separator: "; ")
        case StoreError.conflict(_, let m): return m
        case AccessRefusal.forbidden(let m): return m
        case StoreError.notFound: return t("msg_not_found")
        default: return Problem.from(error)?.detail ?? t("msg_error")
        }
    }
}
