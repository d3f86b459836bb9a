import SQLKit

/// Departments, teams, users, login sessions, API tokens, failed-login records and the audit log.
struct M001CreatePeople: Migration {
    let version = 1
    let name = "create_people"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        // users and teams reference each other through record columns, so users come first without FKs to teams.
        try await db.create(table: "users")
            .column("id", type: .bigint, .primaryKey)
            .text("email", notNull: true).text("name", notNull: true).text("role", notNull: true)
            .bigint("team_id").text("locale").text("password_hash", notNull: true)
            .column("active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .text("created_at", notNull: true).text("updated_at", notNull: true)
            .text("deactivated_at").text("last_login_at")
            .unique("email")
            .run()
        try await db.create(table: "departments")
            .column("id", type: .bigint, .primaryKey)
            .text("created_at", notNull: true).text("updated_at", notNull: true)
            .ref("created_by", "users").ref("updated_by", "users").text("archived_at")
            .text("name", notNull: true).text("description")
            .unique("name")
            .run()
        try await db.create(table: "teams")
            .column("id", type: .bigint, .primaryKey)
            .text("created_at", notNull: true).text("updated_at", notNull: true)
            .ref("created_by", "users").ref("updated_by", "users").text("archived_at")
            .text("name", notNull: true).ref("department_id", "departments").text("description")
            .unique("name")
            .run()
        try await db.create(table: "sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .ref("user_id", "users", notNull: true, cascade: true)
            .text("csrf_token", notNull: true)
            .text("created_at", notNull: true).text("expires_at", notNull: true).text("last_seen_at", notNull: true)
            .text("ip").text("user_agent")
            .run()
        try await db.create(table: "api_tokens")
            .column("id", type: .bigint, .primaryKey)
            .ref("user_id", "users", notNull: true, cascade: true)
            .text("name", notNull: true).text("token_hash", notNull: true).text("prefix", notNull: true)
            .text("created_at", notNull: true).text("last_used_at").text("revoked_at").text("expires_at")
            .unique("token_hash")
            .run()
        try await db.create(table: "login_attempts")
            .column("id", type: .bigint, .primaryKey)
            .text("key", notNull: true).text("at", notNull: true)
            .run()
        try await db.create(table: "audit_log")
            .column("id", type: .bigint, .primaryKey)
            .text("at", notNull: true).ref("user_id", "users")
            .text("entity", notNull: true).bigint("entity_id").text("action", notNull: true)
            .text("summary").text("changes").text("ip")
            .run()
        for (index, table, column) in [
            ("idx_sessions_user", "sessions", "user_id"), ("idx_api_tokens_user", "api_tokens", "user_id"),
            ("idx_login_attempts_key", "login_attempts", "key"), ("idx_audit_entity", "audit_log", "entity_id"),
            ("idx_audit_at", "audit_log", "at"), ("idx_users_team", "users", "team_id"),
            ("idx_teams_department", "teams", "department_id"),
        ] {
            try await db.create(index: index).on(table).column(column).run()
        }
    }
}
