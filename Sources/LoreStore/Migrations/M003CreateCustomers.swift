import SQLKit

/// Accounts and contacts.
struct M003CreateCustomers: Migration {
    let version = 3
    let name = "create_customers"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(table: "accounts").recordColumns(owned: true)
            .text("name", notNull: true).text("kind", notNull: true).text("industry").text("region").text("size")
            .text("value_tier").text("email").text("phone").text("website").text("address")
            .ref("parent_account_id", "accounts").text("description")
            .run()
        try await db.create(table: "contacts").recordColumns(owned: true)
            .text("name", notNull: true).ref("account_id", "accounts").text("title").text("department")
            .text("email").text("email_secondary").text("phone").text("mobile").text("preferred_channel").text("notes")
            .run()
    }
}
