import SQLKit

/// Interactions (with their participants) and tasks.
struct M005CreateActivity: Migration {
    let version = 5
    let name = "create_activity"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(table: "interactions").recordColumns(owned: true)
            .text("kind", notNull: true).text("direction", notNull: true).text("occurred_at", notNull: true)
            .text("subject", notNull: true).text("body")
            .ref("account_id", "accounts").ref("contact_id", "contacts").ref("opportunity_id", "opportunities")
            .bigint("duration_minutes")
            .run()
        try await SQLCreateTableBuilder.joinColumns(
            db.create(table: "interactions_participant_contact_ids"), owner: "interactions", member: "contacts"
        ).run()
        try await db.create(table: "tasks").recordColumns(owned: true)
            .text("title", notNull: true).text("due_date").ref("assignee_id", "users").text("status", notNull: true)
            .text("priority").ref("account_id", "accounts").ref("contact_id", "contacts")
            .ref("opportunity_id", "opportunities").ref("lead_id", "leads").text("description")
            .run()
    }
}
