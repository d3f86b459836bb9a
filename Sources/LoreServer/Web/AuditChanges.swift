import Foundation
import LoreCore
import LoreStore

/// Audit entries' changes in words: "Status: Open → Won; Owner: — → 王丽". Field names and choices are translated,
/// references shown by name (as the reader may see them), money, times and flags formatted — never raw keys or ids.
struct AuditChanges {
    let t: Localizer
    let offset: Int
    /// Names of the records the changes refer to, by entity and id.
    let titles: [String: [Int64: String]]

    /// Cases and articles are not schema records: their fields' kinds and labels, stated here.
    static let workflowFields: [String: [String: (label: String, kind: FieldKind, choicePrefix: String?)]] = [
        "cases": [
            "status": ("svc_field_status", .choice([]), "svc_status_"),
            "priority": ("svc_field_priority", .choice([]), "svc_priority_"),
            "channel": ("svc_field_channel", .choice([]), "svc_channel_"),
            "tier": ("audit_tier", .choice([]), "svc_tier_"),
            "assignee_id": ("svc_field_assignee", .reference("users"), nil),
            "department_id": ("svc_field_department", .reference("departments"), nil),
            "account_id": ("svc_field_account", .reference("accounts"), nil),
            "contact_id": ("svc_field_contact", .reference("contacts"), nil),
            "product_id": ("svc_field_product", .reference("products"), nil),
        ],
        "articles": [
            "status": ("audit_status", .choice([]), "kb_status_"),
            "owner_id": ("field_owner_id", .reference("users"), nil),
            "category_id": ("kb_field_category", .reference("article_categories"), nil),
        ],
    ]

    /// Loads the names every entry's references need, in one query per entity.
    static func load(
        _ entries: [AuditEntry], records: RecordRepository, as p: Principal, t: Localizer, offset: Int
    ) async throws -> AuditChanges {
        var wanted: [String: Set<Int64>] = [:]
        for e in entries {
            for (field, values) in decode(e.changes) {
                guard case .reference(let target)? = kind(entity: e.entity, field: field) else { continue }
                for case .int(let id) in values { wanted[target, default: []].insert(id) }
            }
        }
        var titles: [String: [Int64: String]] = [:]
        for (entity, ids) in wanted { titles[entity] = try await records.titles(entity: entity, ids: ids, as: p) }
        return AuditChanges(t: t, offset: offset, titles: titles)
    }

    /// Up to eight changes of one entry, each "Field: old → new" (or just the value on creation).
    func describe(_ e: AuditEntry) -> String {
        Self.decode(e.changes).sorted { $0.key < $1.key }.prefix(8).map { field, values in
            let shown = values.map { format($0, entity: e.entity, field: field) }
            let change = shown.count == 2 ? "\(shown[0]) → \(shown[1])" : shown.joined(separator: ", ")
            return "\(label(entity: e.entity, field: field)): \(change)"
        }.joined(separator: "; ")
    }

    func label(entity: String, field: String) -> String {
        if let known = Self.workflowFields[entity]?[field] { return t(known.label) }
        return t.fieldLabel(field)
    }

    func format(_ v: JSONValue, entity: String, field: String) -> String {
        let prefix = Self.workflowFields[entity]?[field]?.choicePrefix
        switch (Self.kind(entity: entity, field: field), v) {
        case (_, .null): return "—"
        case (.reference(let target)?, .int(let id)): return titles[target]?[id] ?? t("audit_hidden_record")
        case (.choice?, .string(let s)): return prefix.map { t($0 + s) } ?? t.choiceLabel(s)
        case (.choice?, .int(let i)): return prefix.map { t($0 + String(i)) } ?? String(i)
        case (.money?, .int(let cents)): return Money.display(cents)
        case (.dateTime?, .string(let s)): return TimeDisplay.short(s, offset: offset)
        case (.boolean?, .bool(let b)): return b ? "✓" : "—"
        case (.referenceSet?, .array(let items)): return t.format("audit_items", ["n": String(items.count)])
        case (.longText?, .string(let s)), (.text?, .string(let s)):
            return s.count > 60 ? String(s.prefix(57)) + "…" : s
        case (_, .string(let s)): return s
        case (_, .int(let i)): return String(i)
        case (_, .double(let d)): return String(d)
        case (_, .bool(let b)): return b ? "✓" : "—"
        default: return "…"
        }
    }

    static func kind(entity: String, field: String) -> FieldKind? {
        if let known = workflowFields[entity]?[field] { return known.kind }
        return Catalog.entity(entity)?.fields.first { $0.name == field }?.kind
    }

    /// `{"field": [old, new]}` (or `[value]`) as stored by the audit log; anything unreadable is left out.
    static func decode(_ changes: String?) -> [String: [JSONValue]] {
        guard let changes, let data = changes.data(using: .utf8),
            let object = try? JSONDecoder().decode([String: JSONValue].self, from: data)
        else { return [:] }
        return object.mapValues { value in
            if case .array(let items) = value { return items }
            return [value]
        }
    }
}
