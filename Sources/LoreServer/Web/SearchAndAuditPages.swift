import Hummingbird
import LoreCore
import LoreStore

/// The global search results page and the audit log page.
struct SearchAndAuditPages {
    let services: AppServices

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/search") { request, context in try await search(request, context) }
        router.get("/audit") { request, context in try await audit(request, context) }
    }

    func search(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let (p, t) = (context.principal, context.localizer)
        let q = request.query.get("q") ?? ""
        let hits = try await GlobalSearch(services: services).hits(q, as: p)
        let groups: [SearchGroupModel] = GlobalSearch.order.compactMap { entity in
            let mine = hits.filter { $0.entity == entity }
            guard !mine.isEmpty else { return nil }
            return SearchGroupModel(
                title: Self.groupTitle(entity, t),
                hits: mine.map { h in
                    SearchGroupModel.Hit(
                        href: Self.href(entity, h.id), title: h.title,
                        matched: h.matchedField == (Catalog.entity(entity)?.titleField ?? h.matchedField)
                            ? nil : "\(t.fieldLabel(h.matchedField)): \(h.matchedText)")
                })
        }
        return try services.pages.render(
            "search", title: t("nav_search"),
            model: SearchPageModel(
                q: q, heading: t.format("search_title", ["q": q]), groups: groups, none: groups.isEmpty && !q.isEmpty),
            context: context)
    }

    static func groupTitle(_ entity: String, _ t: Localizer) -> String {
        switch entity {
        case "cases": t("svc_cases")
        case "articles": t("kb_title")
        default: t.entityLabel(entity)
        }
    }

    static func href(_ entity: String, _ id: Int64) -> String {
        switch entity {
        case "cases": "/cases/\(id)"
        case "articles": "/kb/articles/\(id)"
        default: "/\(Catalog[entity].path)/\(id)"
        }
    }

    func audit(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        guard p.role == .admin || p.role == .manager else {
            throw WebError(status: .forbidden, messageKey: "msg_forbidden")
        }
        let t = context.localizer
        let params = request.query
        let entity = params.get("entity").flatMap { $0.isEmpty ? nil : $0 }
        let before = params.get("before").flatMap { Int64($0) }
        let entries = try await services.audit.list(entity: entity, before: before, limit: 50)
        let changes = try await AuditChanges.load(
            entries, records: services.records, as: p, t: t, offset: context.timeZoneOffset)
        let rows: [[String: Any]] = entries.map { e in
            var row: [String: Any] = [
                "at": TimeDisplay.short(e.at, offset: context.timeZoneOffset), "who": e.userName ?? "—",
                "action": t("audit_action_\(e.action)").hasPrefix("audit_") ? e.action : t("audit_action_\(e.action)"),
                "entity": Catalog.entity(e.entity).map { t.entityLabel($0.name, plural: false) } ?? e.entity,
                "summary": e.summary ?? "",
                "changes": changes.describe(e),
            ]
            row["href"] = false
            if let id = e.entityID, let schema = Catalog.entity(e.entity), e.action != "delete" {
                row["href"] = "/\(schema.path)/\(id)"
            }
            return row
        }
        var data: [String: Any] = [
            "rows": rows,
            "entities": [["value": "", "label": "—", "selected": entity == nil]]
                + (Catalog.all.map(\.name) + ["users", "api_tokens"]).map {
                    ["value": $0, "label": t.entityLabel($0), "selected": $0 == entity]
                },
        ]
        if entries.count == 50, let last = entries.last {
            data["next_href"] = "/audit?before=\(last.id)" + (entity.map { "&entity=\($0)" } ?? "")
        }
        return try services.pages.render("audit", title: t("audit_title"), data: data, context: context)
    }
}

/// The global search page: hits grouped by type.
struct SearchPageModel: Encodable {
    var q: String
    var heading: String
    var groups: [SearchGroupModel]
    var none: Bool
}

struct SearchGroupModel: Encodable {
    struct Hit: Encodable {
        var href: String
        var title: String
        /// What matched when it is not the title (an e-mail, a phone number), or the case's status.
        var matched: String?
    }
    var title: String
    var hits: [Hit]
}
