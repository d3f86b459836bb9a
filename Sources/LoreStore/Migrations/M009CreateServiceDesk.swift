import SQLKit

/// The service desk: cases with their thread, history and solutions; SLA targets; routing settings; satisfaction
/// surveys and the alerts they raise; the mail outbox; and the index of solved cases (FTS5 / tsvector, as for articles).
struct M009CreateServiceDesk: Migration {
    let version = 9
    let name = "create_service_desk"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await createCaseTables(on: db)
        try await createSettingsAndFeedbackTables(on: db)
        try await createIndexes(on: db)
        try await seedSettings(on: db)
        try await createCaseIndex(on: db, engine: engine)
    }

    /// Cases, their thread and history, and what solved them.
    func createCaseTables(on db: any SQLDatabase) async throws {
        try await db.create(table: "cases").recordColumns(owned: false)
            .text("subject", notNull: true).text("description", notNull: true)
            .ref("account_id", "accounts").ref("contact_id", "contacts").ref("product_id", "products")
            .text("channel", notNull: true).text("priority", notNull: true).text("status", notNull: true)
            .ref("department_id", "departments").ref("assignee_id", "users").bigint("tier", notNull: true)
            .text("routing", notNull: true).bigint("predicted_department_id").double("routing_confidence")
            // The department the routing model learns from: set when a person chose or confirmed it (opened with a
            // department, re-routed by a manager, or resolved there); model guesses alone never train the model.
            .bigint("training_label")
            .text("first_response_due", notNull: true).text("resolution_due", notNull: true)
            .text("first_responded_at").text("resolved_at").text("next_due")
            .bigint("escalation_count", notNull: true).text("resolution").ref("resolved_by", "users")
            .bigint("reuse_count", notNull: true)
            .run()
        try await db.create(table: "case_messages")
            .column("id", type: .bigint, .primaryKey)
            .ref("case_id", "cases", notNull: true, cascade: true).text("kind", notNull: true).text(
                "body", notNull: true
            )
            .ref("author_id", "users").text("from_address").text("message_id").text("created_at", notNull: true)
            .run()
        try await db.create(table: "case_events")
            .column("id", type: .bigint, .primaryKey)
            .ref("case_id", "cases", notNull: true, cascade: true).text("kind", notNull: true).text("detail")
            .ref("actor_id", "users").text("created_at", notNull: true)
            .run()
        // "This solved it": the case was solved with an article (kind article) or by following a past case (kind case).
        try await db.create(table: "case_solutions")
            .ref("case_id", "cases", notNull: true, cascade: true).text("kind", notNull: true).bigint(
                "target_id", notNull: true
            )
            .ref("by_id", "users").text("created_at", notNull: true)
            .primaryKey("case_id", "kind", "target_id")
            .run()
    }

    /// SLA targets, settings, satisfaction surveys, customer alerts and the outgoing mail queue.
    func createSettingsAndFeedbackTables(on db: any SQLDatabase) async throws {
        try await db.create(table: "sla_targets")
            .text("priority", notNull: true).bigint("first_response_minutes", notNull: true).bigint(
                "resolution_minutes", notNull: true
            )
            .text("updated_at", notNull: true).ref("updated_by", "users")
            .primaryKey("priority")
            .run()
        try await db.create(table: "service_settings")
            .text("key", notNull: true).text("value", notNull: true).primaryKey("key")
            .run()
        try await db.create(table: "csat_requests")
            .column("id", type: .bigint, .primaryKey)
            .ref("case_id", "cases", notNull: true, cascade: true).text("token_hash", notNull: true).ref(
                "contact_id", "contacts"
            )
            .text("email").text("created_at", notNull: true).text("expires_at", notNull: true)
            .bigint("score").text("comment").text("answered_at")
            .unique("token_hash")
            .run()
        try await db.create(table: "account_alerts")
            .column("id", type: .bigint, .primaryKey)
            .ref("account_id", "accounts", notNull: true, cascade: true).ref("case_id", "cases", cascade: true)
            .text("kind", notNull: true).bigint("score").text("comment").bigint("department_id")
            .text("created_at", notNull: true).ref("acknowledged_by", "users").text("acknowledged_at")
            .run()
        try await db.create(table: "mail_outbox")
            .column("id", type: .bigint, .primaryKey)
            .ref("case_id", "cases", cascade: true).text("to_address", notNull: true).text("subject", notNull: true)
            .text("body", notNull: true).text("created_at", notNull: true).text("sent_at")
            .run()
    }

    func createIndexes(on db: any SQLDatabase) async throws {
        for (table, columns) in [
            ("cases", ["department_id", "tier", "status", "next_due"]), ("cases", ["assignee_id", "status"]),
            ("cases", ["status", "next_due"]),
            ("cases", ["account_id"]), ("cases", ["contact_id"]), ("cases", ["training_label"]),
            ("cases", ["created_at"]),
            ("case_messages", ["case_id"]), ("case_messages", ["message_id"]), ("case_events", ["case_id"]),
            ("case_events", ["kind", "created_at"]),
            ("case_solutions", ["kind", "target_id"]), ("csat_requests", ["case_id"]),
            ("account_alerts", ["acknowledged_at"]),
            ("account_alerts", ["account_id"]), ("mail_outbox", ["case_id"]), ("articles", ["source_case_id"]),
        ] {
            var b = db.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for c in columns { b = b.column(c) }
            try await b.run()
        }
    }

    /// Default SLA targets by priority and the routing threshold.
    func seedSettings(on db: any SQLDatabase) async throws {
        let now = "2026-01-01T00:00:00.000Z"
        for (priority, minutes) in [
            ("urgent", (15, 240)), ("high", (60, 1_440)), ("normal", (240, 4_320)), ("low", (1_440, 7_200)),
        ] {
            try await db.insert(into: "sla_targets").columns(
                "priority", "first_response_minutes", "resolution_minutes", "updated_at"
            )
            .values(SQLBind(priority), SQLBind(minutes.0), SQLBind(minutes.1), SQLBind(now)).run()
        }
        for (key, value) in [("routing_threshold", "0.6"), ("routing_version", "0")] {
            try await db.insert(into: "service_settings").columns("key", "value").values(SQLBind(key), SQLBind(value))
                .run()
        }
    }

    /// Solved cases are searchable for suggestions: the same analysed tokens as articles, engine-specific storage.
    func createCaseIndex(on db: any SQLDatabase, engine: Engine) async throws {
        switch engine {
        case .sqlite:
            try await db.raw(
                #"CREATE VIRTUAL TABLE case_fts USING fts5(body, tokenize = "unicode61 remove_diacritics 0 tokenchars '-_.'")"#
            ).run()
        case .postgres:
            try await db.raw(
                "CREATE TABLE case_search (case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE, tsv TSVECTOR NOT NULL)"
            )
            .run()
            try await db.raw("CREATE INDEX idx_case_search_tsv ON case_search USING GIN (tsv)").run()
        }
    }
}
