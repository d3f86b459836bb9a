import LoreCore
import LoreStore

/// Formats records for pages: values as text, references as links to their records, choices translated.
struct RecordView {
    let schema: EntitySchema
    let t: Localizer
    /// Titles of referenced records by entity and id.
    let titles: [String: [Int64: String]]
    /// Minutes east of UTC to show times in (from the browser; 0 without script).
    let timeZoneOffset: Int

    /// Stage names in the page's language.
    static func stageNames(repo: RecordRepository, principal: Principal, t: Localizer) async throws -> [Int64: String] {
        var query = ListQuery()
        query.archived = .include
        query.limit = ListQuery.maximumLimit
        let stages = try await repo.list(Catalog["pipeline_stages"], query: query, as: principal).records
        return Dictionary(uniqueKeysWithValues: stages.map { ($0.id, stageName($0, t: t)) })
    }

    /// A stage's name in the page's language.
    static func stageName(_ stage: Record, t: Localizer) -> String {
        (t.language == .zhHans ? stage["name_zh"].string : nil) ?? stage["name"].string ?? "#\(stage.id)"
    }

    /// Loads the titles every reference in `records` needs (and their owners').
    static func make(
        _ schema: EntitySchema, records: [Record], repo: RecordRepository, principal: Principal, t: Localizer,
        timeZoneOffset: Int
    ) async throws -> RecordView {
        var wanted: [String: Set<Int64>] = [:]
        for r in records {
            if let o = r.ownerID { wanted["users", default: []].insert(o) }
            for f in schema.fields {
                guard let target = f.kind.referencedEntity else { continue }
                let v = r[f.name]
                if let id = v.int { wanted[target, default: []].insert(id) }
                for id in v.ids { wanted[target, default: []].insert(id) }
            }
        }
        var titles: [String: [Int64: String]] = [:]
        for (entity, ids) in wanted where entity != "pipeline_stages" {
            titles[entity] = try await repo.titles(entity: entity, ids: ids, as: principal)
        }
        if wanted["pipeline_stages"] != nil || schema.name == "pipeline_stages" {
            titles["pipeline_stages"] = try await stageNames(repo: repo, principal: principal, t: t)
        }
        return RecordView(schema: schema, t: t, titles: titles, timeZoneOffset: timeZoneOffset)
    }

    func href(_ entity: String, _ id: Int64) -> String? {
        entity == "users" ? nil : Catalog.entity(entity).map { "/\($0.path)/\(id)" }
    }

    /// One displayed value: its text, and a link when it refers to another record.
    func cell(_ record: Record, _ field: FieldSchema) -> RecordCellModel {
        let v = record[field.name]
        var out = RecordCellModel(label: t.fieldLabel(field.name), name: field.name)
        switch (field.kind, v) {
        case (_, .null): out.empty = true
        case (.reference("pipeline_stages"), .int(let id)): out.text = stageName(id)
        case (.reference(let e), .int(let id)):
            // A record the viewer may not see shows as empty: an id is not a name.
            guard let title = titles[e]?[id] else {
                out.empty = true
                break
            }
            out.text = title
            if let h = href(e, id) { out.href = h }
        case (.referenceSet(let e), .ids(let ids)):
            out.links = ids.compactMap { id in titles[e]?[id].map { LinkModel(text: $0, href: href(e, id) ?? "") } }
            out.empty = ids.isEmpty
        case (.choice, .string(let s)): (out.text, out.badge) = (t.choiceLabel(s), s)
        case (.money, .int(let m)): (out.text, out.numeric) = (Money.display(m), true)
        case (.boolean, .bool(let b)): out.text = b ? "✓" : "—"
        case (.dateTime, .string(let s)): (out.text, out.datetime) = (TimeDisplay.short(s, offset: timeZoneOffset), s)
        case (.longText, .string(let s)): (out.text, out.long) = (s, true)
        case (.email, .string(let s)): (out.text, out.href) = (s, "mailto:" + s)
        case (.phone, .string(let s)): (out.text, out.href) = (s, "tel:" + s.filter { $0.isNumber || $0 == "+" })
        case (.url, .string(let s)): (out.text, out.href, out.external) = (s, s, true)
        case (.decimal, .double(let d)):
            (out.text, out.numeric) = (d == d.rounded() ? String(Int64(d)) : String(d), true)
        case (.integer, .int(let i)): (out.text, out.numeric) = (String(i), true)
        default: out.text = Self.plain(v)
        }
        return out
    }

    func stageName(_ id: Int64) -> String {
        titles["pipeline_stages"]?[id] ?? "#\(id)"
    }

    func ownerName(_ record: Record) -> String {
        record.ownerID.flatMap { titles["users"]?[$0] } ?? ""
    }

    static func plain(_ v: FieldValue) -> String {
        switch v {
        case .null: ""
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): b ? "true" : "false"
        case .ids(let ids): ids.map(String.init).joined(separator: ", ")
        }
    }
}

/// One value of a record as `cell.mustache` shows it: a link, chips, a badge, a time, long text or plain text.
struct RecordCellModel: Encodable {
    var label: String
    var name: String
    var text = ""
    var href: String?
    var badge: String?
    var datetime: String?
    var links: [LinkModel]?
    var external = false
    var empty = false
    /// The first cell of a list row links to the record.
    var rowLink: String?
    var numeric = false
    var long = false
}

/// Which related lists and timeline a detail page shows.
enum RelatedLists {
    /// (entity, foreign key) pairs shown under a record.
    static let children: [String: [(String, String)]] = [
        "accounts": [
            ("contacts", "account_id"), ("opportunities", "account_id"), ("contracts", "account_id"),
            ("orders", "account_id"),
            ("tasks", "account_id"),
        ],
        "contacts": [("opportunities", "contact_id"), ("tasks", "contact_id")],
        "opportunities": [("contracts", "opportunity_id"), ("orders", "opportunity_id"), ("tasks", "opportunity_id")],
        "orders": [("order_lines", "order_id")],
        "leads": [("tasks", "lead_id")],
        "product_categories": [("product_categories", "parent_id"), ("products", "category_id")],
        "price_lists": [("price_list_items", "price_list_id")],
        "departments": [("teams", "department_id")],
        "products": [("price_list_items", "product_id")],
        "competitors": [],
    ]

    /// Entities whose page has an interaction timeline, and the interaction field that links to them.
    static let timeline: [String: String] = [
        "accounts": "account_id", "contacts": "contact_id", "opportunities": "opportunity_id",
    ]
}
