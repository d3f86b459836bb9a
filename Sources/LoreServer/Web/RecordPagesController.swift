import Hummingbird
import HummingbirdCore
import LoreCore
import LoreStore

/// The web pages of every entity: list, detail (with related records and timeline), new/edit forms, archive and restore.
struct RecordPagesController {
    let services: AppServices

    func register(on router: RouterGroup<SignedInContext>) {
        for schema in Catalog.all {
            let base = "/\(schema.path)"
            router.get(RouterPath(base)) { request, context in try await list(schema, request, context) }
            router.get(RouterPath(base + "/export.csv")) { request, context in
                try await export(schema, request, context)
            }
            router.get(RouterPath(base + "/new")) { request, context in try await newForm(schema, request, context) }
            router.post(RouterPath(base)) { request, context in try await create(schema, request, context) }
            router.get(RouterPath(base + "/:id")) { request, context in try await show(schema, request, context) }
            router.get(RouterPath(base + "/:id/edit")) { request, context in
                try await editForm(schema, request, context)
            }
            router.post(RouterPath(base + "/:id")) { request, context in try await update(schema, request, context) }
            router.post(RouterPath(base + "/:id/archive")) { request, context in
                try await archive(schema, request, context, archived: true)
            }
            router.post(RouterPath(base + "/:id/restore")) { request, context in
                try await archive(schema, request, context, archived: false)
            }
        }
    }

    func list(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.read, schema)
        let t = context.localizer
        var params: [(String, String)] = []
        for (k, v) in request.query where !v.isEmpty { params.append((String(k), String(v))) }
        let query: ListQuery
        do {
            query = try ListQueryParser.parse(params, schema: schema)
        } catch {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        let page = try await services.records.list(schema, query: query, as: p)
        let view = try await RecordView.make(
            schema, records: page.records, repo: services.records, principal: p, t: t,
            timeZoneOffset: context.timeZoneOffset)
        let columns = Array(schema.fields.filter(\.listed).prefix(7))
        let sortKey = query.sort ?? schema.defaultSort
        let descending = query.descending ?? (query.sort == nil ? schema.defaultDescending : false)
        func link(_ changes: [String: String?]) -> String {
            var dict = Dictionary(params, uniquingKeysWith: { $1 })
            dict["cursor"] = nil
            for (k, v) in changes { dict[k] = v }
            let q = dict.sorted { $0.key < $1.key }.map { "\($0.key)=\(PageQuery.encode($0.value))" }.joined(
                separator: "&")
            return "/\(schema.path)" + (q.isEmpty ? "" : "?" + q)
        }
        let headers: [[String: Any]] = columns.map { f in
            var h: [String: Any] = [
                "label": t.fieldLabel(f.name), "numeric": f.kind == .money, "href": false, "sorted": "",
            ]
            if f.sortable {
                let active = sortKey == f.name
                h["href"] = link(["sort": active && !descending ? "-" + f.name : f.name])
                h["sorted"] = active ? (descending ? "↓" : "↑") : ""
            }
            return h
        }
        let rows = try page.records.map { try Self.row($0, schema: schema, columns: columns, view: view) }
        let filters = Self.choiceFilters(schema, query: request.query, t)
        let hidden = params.filter { k, _ in
            !["q", "cursor", "archived"].contains(k) && !filters.contains { ($0["name"] as? String) == k }
        }
        .map { ["name": $0.0, "value": $0.1] }
        var data: [String: Any] = [
            "entity_label": t.entityLabel(schema.name), "path": schema.path, "columns": headers, "rows": rows,
            "empty": rows.isEmpty,
            "owned": schema.owned, "q": query.text ?? "", "filters": filters, "hidden": hidden,
            "show_archived": query.archived == .include, "can_create": Permissions.allows(p.role, .create, on: schema),
            "count": t.format("list_count", ["count": String(rows.count)]),
        ]
        if let next = page.nextCursor { data["next_href"] = link(["cursor": next]) }
        let exportQuery = link([:]).split(separator: "?", maxSplits: 1).dropFirst().first.map { "?" + $0 } ?? ""
        data["export_href"] = "/\(schema.path)/export.csv" + exportQuery
        data["export_excel_href"] =
            "/\(schema.path)/export.csv" + (exportQuery.isEmpty ? "?bom=1" : exportQuery + "&bom=1")
        if query.cursor != nil { data["first_href"] = link([:]) }
        return try services.pages.render("list", title: t.entityLabel(schema.name), data: data, context: context)
    }

    /// One list row: the listed columns' cells, the first of which opens the record.
    static func row(_ r: Record, schema: EntitySchema, columns: [FieldSchema], view: RecordView) throws -> [String: Any]
    {
        var cells = columns.map { view.cell(r, $0) }
        if !cells.isEmpty {
            cells[0].rowLink = "/\(schema.path)/\(r.id)"
            if cells[0].empty { (cells[0].text, cells[0].empty) = (r.title(in: schema), false) }
        }
        return [
            "href": "/\(schema.path)/\(r.id)", "title": r.title(in: schema), "archived": r.archivedAt != nil,
            "cells": try TemplateValue.list(cells),
            "owner": view.ownerName(r),
        ]
    }

    /// A select box per filterable choice field, showing the current value.
    static func choiceFilters(_ schema: EntitySchema, query: FlatDictionary<Substring, Substring>, _ t: Localizer)
        -> [[String: Any]]
    {
        schema.fields.compactMap { f in
            guard f.filterable, case .choice(let options) = f.kind else { return nil }
            let current = query.get(f.name) ?? ""
            return [
                "name": f.name, "label": t.fieldLabel(f.name),
                "options": [["value": "", "label": t.fieldLabel(f.name) + ": —", "selected": current.isEmpty]]
                    + options.map { ["value": $0, "label": t.choiceLabel($0), "selected": $0 == current] },
            ]
        }
    }

    func archive(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext, archived: Bool) async throws
        -> Response
    {
        let p = try context.authorize(.delete, schema)
        _ = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        _ = try await services.records.setArchived(schema, id: id, archived: archived, as: p)
        return PageRenderer.redirect("/\(schema.path)/\(id)?flash=" + (archived ? "archived" : "restored"))
    }
}
