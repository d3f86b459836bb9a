import LoreCore
import LoreStore

/// Builds the inputs of a record form from the entity schema: the right control for each field kind,
/// the current values, and the inline error for each field.
struct FormBuilder {
    let repo: RecordRepository
    let users: UserRepository
    let principal: Principal
    let t: Localizer
    let timeZoneOffset: Int

    /// Reference lists longer than this become a search box instead of a drop-down.
    static let selectLimit = ListQuery.maximumLimit

    /// Form strings for an existing record.
    func values(of record: Record, schema: EntitySchema) -> [String: String] {
        var out: [String: String] = [:]
        for f in schema.fields {
            let v = record[f.name]
            switch (f.kind, v) {
            case (_, .null): out[f.name] = ""
            case (.money, .int(let m)): out[f.name] = String(format: "%.2f", Money.amount(m))
            case (.dateTime, .string(let s)): out[f.name] = TimeDisplay.inputValue(s, offset: timeZoneOffset)
            case (.boolean, .bool(let b)): out[f.name] = b ? "true" : "false"
            case (.referenceSet, .ids(let ids)): out[f.name] = ids.map(String.init).joined(separator: ",")
            default: out[f.name] = RecordView.plain(v)
            }
        }
        if let o = record.ownerID { out["owner_id"] = String(o) }
        return out
    }

    func fields(_ schema: EntitySchema, values: [String: String], errors: [String: String]) async throws -> [[String:
        Any]]
    {
        var out: [[String: Any]] = []
        for f in schema.fields where !f.readOnly {
            out.append(try await field(f, value: values[f.name] ?? "", error: errors[f.name]))
        }
        if schema.owned {
            let owner = try await field(
                FieldSchema("owner_id", .reference("users")), value: values["owner_id"] ?? String(principal.userID),
                error: errors["owner_id"])
            out.append(owner)
        }
        return out
    }

    func field(_ f: FieldSchema, value: String, error: String?) async throws -> [String: Any] {
        var spec: [String: Any] = [
            "name": f.name, "label": t.fieldLabel(f.name), "value": value, "required": f.required, "id": "f_" + f.name,
            "error": false, "hint": false, "input": false, "textarea": false, "select": false, "multiselect": false,
            "checkbox": false,
            "combobox": false, "checked": false, "display": false, "options": false, "maxlength": false, "min": false,
            "max": false,
            "step": false, "inputmode": false,
        ]
        if let error { spec["error"] = error }
        switch f.kind {
        case .text(let max): spec["input"] = true; spec["type"] = "text"; spec["maxlength"] = max
        case .longText: spec["textarea"] = true
        case .email: spec["input"] = true; spec["type"] = "email"
        case .phone: spec["input"] = true; spec["type"] = "tel"
        case .url: spec["input"] = true; spec["type"] = "url"
        case .integer(let min, let max):
            spec["input"] = true; spec["type"] = "number"; spec["min"] = min; spec["max"] = max; spec["step"] = "1"
        case .decimal(let min, let max):
            spec["input"] = true; spec["type"] = "number"; spec["min"] = min; spec["max"] = max; spec["step"] = "any"
        case .money: spec["input"] = true; spec["type"] = "text"; spec["inputmode"] = "decimal"
        case .date: spec["input"] = true; spec["type"] = "date"
        case .dateTime:
            spec["input"] = true; spec["type"] = "datetime-local"; spec["hint"] = TimeDisplay.label(timeZoneOffset)
        case .boolean: spec["checkbox"] = true; spec["checked"] = value == "true"
        case .choice(let options):
            spec["select"] = true
            spec["options"] =
                [["value": "", "label": "—", "selected": value.isEmpty]]
                + options.map { ["value": $0, "label": t.choiceLabel($0), "selected": $0 == value] }
        case .reference(let target), .referenceSet(let target):
            let multiple = !f.isColumn
            let selected = Set(
                value.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) })
            if let options = try await options(for: target) {
                spec[multiple ? "multiselect" : "select"] = true
                let items = options.map {
                    ["value": String($0.0), "label": $0.1, "selected": selected.contains($0.0)] as [String: Any]
                }
                spec["options"] =
                    multiple ? items : [["value": "", "label": "—", "selected": selected.isEmpty]] + items
            } else {
                // Too many to list: a search box backed by the API (see lore.js); typing an id works without script.
                spec["combobox"] = true
                spec["entity_path"] = Catalog.entity(target)?.path ?? target
                if multiple {
                    spec["hint"] = t("form_ids_hint")
                } else if let id = selected.first {
                    let title = try await repo.titles(entity: target, ids: [id], as: principal)[id] ?? ""
                    spec["display"] = title.isEmpty ? "#\(id)" : "\(title) (#\(id))"
                }
            }
        }
        return spec
    }

    /// All choices for a reference, or nil when there are too many for a drop-down.
    func options(for target: String) async throws -> [(Int64, String)]? {
        if target == "users" {
            return try await users.list().filter(\.active).map { ($0.id, $0.name) }
        }
        guard let schema = Catalog.entity(target) else { return [] }
        var query = ListQuery()
        query.limit = Self.selectLimit
        if schema.sortKeys.contains(schema.titleField) { query.sort = schema.titleField }
        if target == "pipeline_stages" { query.sort = "position" }
        let page = try await repo.list(schema, query: query, as: principal)
        guard page.nextCursor == nil else { return nil }
        if target == "pipeline_stages" { return page.records.map { ($0.id, RecordView.stageName($0, t: t)) } }
        return page.records.map { ($0.id, $0.title(in: schema)) }
    }
}
