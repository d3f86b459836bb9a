import Foundation
import Hummingbird
import LoreCore
import LoreStore

extension RecordPagesController {
    static let flashes = [
        "saved": "msg.saved", "archived": "msg.archived", "restored": "msg.restored", "converted": "msg.converted",
    ]

    func show(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.read, schema)
        let t = context.localizer
        let id = try context.parameters.require("id", as: RecordID.self)
        let record = try await services.records.get(schema, id: id, as: p)
        let view = try await RecordView.make(
            schema, records: [record], repo: services.records, principal: p, t: t,
            timeZoneOffset: context.timeZoneOffset)
        var data: [String: Any] = [
            "entity_label": t.entityLabel(schema.name, plural: false), "entity_plural": t.entityLabel(schema.name),
            "path": schema.path,
            "id": id, "record_title": record.title(in: schema),
            "fields": schema.fields.filter { $0.name != schema.titleField && !(record[$0.name].isNull && $0.readOnly) }
                .map { view.cell(record, $0) },
            "owner": view.ownerName(record),
            "created_at": TimeDisplay.short(record.createdAt, offset: context.timeZoneOffset),
            "updated_at": TimeDisplay.short(record.updatedAt, offset: context.timeZoneOffset),
            "archived": record.archivedAt != nil,
            "can_edit": Permissions.allows(p.role, .update, on: schema) && record.archivedAt == nil,
            "can_archive": Permissions.allows(p.role, .delete, on: schema),
        ]
        if schema.name == "leads", record["status"].string != "converted", record.archivedAt == nil,
            Permissions.allows(p.role, .create, on: Catalog["opportunities"])
        {
            data["convert_href"] = "/leads/\(id)/convert"
        }
        data["related"] = try await related(schema, record: record, principal: p, t: t)
        if let fk = RelatedLists.timeline[schema.name] {
            data["timeline"] = try await timeline(fk: fk, id: id, principal: p, context: context)
            data["log_form"] = logForm(schema: schema, record: record, fk: fk, context: context)
        }
        let history = try await services.audit.list(entity: schema.name, entityID: id, limit: 10)
        data["history"] = history.map { e in
            [
                "at": TimeDisplay.short(e.at, offset: context.timeZoneOffset), "who": e.userName ?? "—",
                "action": t("audit.action.\(e.action)").hasPrefix("audit.") ? e.action : t("audit.action.\(e.action)"),
                "changes": Self.describe(changes: e.changes, t: t),
            ]
        }
        data["has_history"] = !history.isEmpty
        let flash = request.query.get("flash").flatMap { Self.flashes[$0] }.map(t.callAsFunction)
        return try services.pages.render(
            "detail", title: record.title(in: schema), data: data, context: context, flash: flash)
    }

    /// "Name, Phone" from an audit entry's change set, with translated field names.
    static func describe(changes: String?, t: Localizer) -> String {
        guard let changes, let data = changes.data(using: .utf8),
            let object = try? JSONDecoder().decode([String: JSONValue].self, from: data)
        else { return "" }
        return object.keys.sorted().prefix(8).map { t.fieldLabel($0) }.joined(separator: ", ")
    }

    func related(_ schema: EntitySchema, record: Record, principal: Principal, t: Localizer) async throws -> [[String:
        Any]]
    {
        var out: [[String: Any]] = []
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
            out.append([
                "title": t.entityLabel(child), "count": page.records.count, "more": page.nextCursor != nil,
                "all_href": "/\(childSchema.path)?\(fk)=\(record.id)",
                "new_href": Permissions.allows(principal.role, .create, on: childSchema) && record.archivedAt == nil
                    ? "/\(childSchema.path)/new?\(fk)=\(record.id)" : false,
                "items": page.records.map { r in
                    [
                        "href": "/\(childSchema.path)/\(r.id)", "title": r.title(in: childSchema),
                        "cells": columns.map { view.cell(r, $0) },
                    ]
                },
            ])
        }
        return out
    }

    func timeline(fk: String, id: Int64, principal: Principal, context: SignedInContext) async throws -> [[String: Any]]
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
        return items.map { r in
            [
                "href": "/interactions/\(r.id)", "kind": r["kind"].string ?? "",
                "kind_label": context.localizer.choiceLabel(r["kind"].string ?? ""),
                "direction": context.localizer.choiceLabel(r["direction"].string ?? ""),
                "subject": r["subject"].string ?? "",
                "body": r["body"].string.map { $0 as Any } ?? false,
                "when": TimeDisplay.short(r["occurred_at"].string ?? "", offset: context.timeZoneOffset),
                "datetime": r["occurred_at"].string ?? "", "owner": view.ownerName(r),
                "contact": view.cell(r, schema.knownField("contact_id")),
                "account": view.cell(r, schema.knownField("account_id")),
            ]
        }
    }

    /// The quick "log interaction" form under a timeline, pre-linked to this record (and its account).
    func logForm(schema: EntitySchema, record: Record, fk: String, context: SignedInContext) -> [String: Any] {
        let t = context.localizer
        var links: [[String: Any]] = [["name": fk, "value": String(record.id)]]
        if fk != "account_id", let account = record["account_id"].int {
            links.append(["name": "account_id", "value": String(account)])
        }
        let now = TimeDisplay.inputValue(Timestamp.now(), offset: context.timeZoneOffset)
        return [
            "links": links, "return_to": "/\(schema.path)/\(record.id)", "now": now,
            "kinds": Catalog.interactionKinds.map {
                ["value": $0, "label": t.choiceLabel($0), "selected": $0 == "call"]
            },
            "directions": ["outbound", "inbound", "internal"].map { ["value": $0, "label": t.choiceLabel($0)] },
            "tz_label": TimeDisplay.label(context.timeZoneOffset),
        ]
    }
}
