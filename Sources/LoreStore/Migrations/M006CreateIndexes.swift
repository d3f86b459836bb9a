import SQLKit

/// Indexes for ownership filters, foreign keys used in lists and timelines, and date ranges used by analysis.
struct M006CreateIndexes: Migration {
    let version = 6
    let name = "create_indexes"

    static let indexes: [(String, [String])] = [
        ("accounts", ["owner_id"]), ("accounts", ["team_id"]), ("accounts", ["name"]),
        ("contacts", ["account_id"]), ("contacts", ["owner_id"]), ("contacts", ["team_id"]), ("contacts", ["email"]),
        ("leads", ["owner_id"]), ("leads", ["team_id"]), ("leads", ["status"]),
        ("opportunities", ["account_id"]), ("opportunities", ["stage_id"]), ("opportunities", ["owner_id"]),
        ("opportunities", ["team_id"]),
        ("contracts", ["account_id"]), ("orders", ["account_id"]), ("orders", ["order_date"]), ("orders", ["team_id"]),
        ("order_lines", ["order_id"]), ("order_lines", ["product_id"]), ("order_lines", ["line_date"]),
        ("interactions", ["account_id", "occurred_at"]), ("interactions", ["contact_id"]),
        ("interactions", ["opportunity_id"]),
        ("interactions", ["owner_id"]), ("interactions", ["team_id"]), ("interactions", ["occurred_at"]),
        ("tasks", ["assignee_id", "status"]), ("tasks", ["account_id"]), ("tasks", ["owner_id"]),
        ("tasks", ["team_id"]),
        ("opportunities_competitor_ids", ["member_id"]), ("interactions_participant_contact_ids", ["member_id"]),
    ]

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        for (table, columns) in Self.indexes {
            var b = db.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for c in columns { b = b.column(c) }
            try await b.run()
        }
    }
}
