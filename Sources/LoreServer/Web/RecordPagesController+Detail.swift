import Foundation
import Hummingbird
import LoreCore
import LoreStore

extension RecordPagesController {
    static let flashes = [
        "saved": "msg_saved", "archived": "msg_archived", "restored": "msg_restored", "converted": "msg_converted",
    ]

    func show(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.read, schema)
        let (t, offset) = (context.localizer, context.timeZoneOffset)
        let id = try context.parameters.require("id", as: RecordID.self)
        let record = try await services.records.get(schema, id: id, as: p)
        let view = try await RecordView.make(
            schema, records: [record], repo: services.records, principal: p, t: t, timeZoneOffset: offset)
        let convertible =
            schema.name == "leads" && record["status"].string != "converted" && record.archivedAt == nil
            && Permissions.allows(p.role, .create, on: Catalog["opportunities"])
        let history = try await services.audit.list(entity: schema.name, entityID: id, limit: 10)
        let changes = try await AuditChanges.load(history, records: services.records, as: p, t: t, offset: offset)
        // Read through a case (an agent's customer): shown, but only its owners change it.
        let owned = try await services.records.mayChange(schema, id: id, as: p)
        var page = RecordPageModel(
            entityLabel: t.entityLabel(schema.name, plural: false), entityPlural: t.entityLabel(schema.name),
            path: schema.path, id: id, recordTitle: record.title(in: schema),
            fields: schema.fields.filter { $0.name != schema.titleField && !(record[$0.name].isNull && $0.readOnly) }
                .map { view.cell(record, $0) },
            owner: view.ownerName(record), createdAt: TimeDisplay.short(record.createdAt, offset: offset),
            updatedAt: TimeDisplay.short(record.updatedAt, offset: offset), archived: record.archivedAt != nil,
            canEdit: owned && Permissions.allows(p.role, .update, on: schema) && record.archivedAt == nil,
            canArchive: owned && Permissions.allows(p.role, .delete, on: schema),
            convertHref: convertible ? "/leads/\(id)/convert" : nil,
            related: try await related(schema, record: record, principal: p, t: t),
            history: .nonEmpty(
                history.map { e in
                    let action = t("audit_action_\(e.action)")
                    return .init(
                        at: TimeDisplay.short(e.at, offset: offset), who: e.userName ?? "—",
                        action: action.hasPrefix("audit_") ? e.action : action,
                        changes: changes.describe(e))
                }))
        if let fk = RelatedLists.timeline[schema.name] {
            page.timeline = try await timeline(fk: fk, id: id, principal: p, context: context)
            page.logForm = logForm(schema: schema, record: record, fk: fk, context: context)
        }
        let flash = request.query.get("flash").flatMap { Self.flashes[$0] }.map(t.callAsFunction)
        return try services.pages.render(
            "detail", title: record.title(in: schema), model: page, context: context, flash: flash)
    }

    func related(_ schema: EntitySchema, record: Record, principal: Principal, t: Localizer) async throws
        -> [RecordPageModel.RelatedList]
    {
        var out: [RecordPageModel.RelatedList] = []
        for (child, fk) in RelatedLists.children[schema.name] ?? [] {
            let childSchema = Catalog[child]
            guard Permissions.allows(principal.role, .read, on: childSchema) else { continue }
            var query = ListQuery()
            query.filters = [fk: .int(record.id)]
            query.limit = 10
            let page = try await services.records.list(childSchema, query: query, as: principal)
            let view = try await RecordView.make(
                childSchema, records: page.records, repo: services.records, principal: principal, t: t,
                timeZoneOffset: 0)
            let columns = childSchema.fields.filter { $0.listed && $0.name != fk && $0.name != childSchema.titleField }
                .prefix(3)
            out.append(
                .init(
                    title: t.entityLabel(child), count: page.records.count, more: page.nextCursor != nil,
                    allHref: "/\(childSchema.path)?\(fk)=\(record.id)",
                    newHref: Permissions.allows(principal.role, .create, on: childSchema) && record.archivedAt == nil
                        ? "/\(childSchema.path)/new?\(fk)=\(record.id)" : nil,
                    items: page.records.map { r in
                        .init(
                            href: "/\(childSchema.path)/\(r.id)", title: r.title(in: childSchema),
                            cells: columns.map { view.cell(r, $0) })
                    }))
        }
        return out
    }

    func timeline(fk: String, id: Int64, principal: Principal, context: SignedInContext) async throws
        -> [RecordPageModel.TimelineItem]
    {
        let schema = Catalog["interactions"]
        var query = ListQuery()
        query.filters = [fk: .int(id)]
        query.sort = "occurred_at"
        query.descending = true
        query.limit = 30
        let items = try await services.records.list(schema, query: query, as: principal).records
        let view = try await RecordView.make(
            schema, records: items, repo: services.records, principal: principal, t: context.localizer,
            timeZoneOffset: context.timeZoneOffset)
        let t = context.localizer
        return items.map { r in
            .init(
                href: "/interactions/\(r.id)", kind: r["kind"].string ?? "",
                kindLabel: t.choiceLabel(r["kind"].string ?? ""),
                direction: t.choiceLabel(r["direction"].string ?? ""), subject: r["subject"].string ?? "",
                body: r["body"].string,
                when: TimeDisplay.short(r["occurred_at"].string ?? "", offset: context.timeZoneOffset),
                datetime: r["occurred_at"].string ?? "", owner: view.ownerName(r),
                contact: view.cell(r, schema.knownField("contact_id")),
                account: view.cell(r, schema.knownField("account_id")))
        }
    }

    /// The quick "log interaction" form under a timeline, pre-linked to this record (and its account).
    func logForm(schema: EntitySchema, record: Record, fk: String, context: SignedInContext) -> RecordPageModel.LogForm
    {
        let t = context.localizer
        var links: [RecordPageModel.LogForm.Hidden] = [.init(name: fk, value: String(record.id))]
        if fk != "account_id", let account = record["account_id"].int {
            links.append(.init(name: "account_id", value: String(account)))
        }
        return .init(
            links: links, returnTo: "/\(schema.path)/\(record.id)",
            now: TimeDisplay.inputValue(Timestamp.now(), offset: context.timeZoneOffset),
            kinds: Catalog.interactionKinds.map { .init(value: $0, label: t.choiceLabel($0), selected: $0 == "call") },
            directions: ["outbound", "inbound", "internal"].map {
                .init(value: $0, label: t.choiceLabel($0), selected: false)
            },
            tzLabel: TimeDisplay.label(context.timeZoneOffset))
    }
}
