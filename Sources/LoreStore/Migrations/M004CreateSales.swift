import LoreCore
import SQLKit

/// The configurable pipeline (seeded with a standard B2B pipeline), opportunities, contracts, orders and lines, and leads.
struct M004CreateSales: Migration {
    let version = 4
    let name = "create_sales"

    /// key, English name, Chinese name, win probability, outcome.
    static let defaultStages: [(String, String, String, Int, String)] = [
        ("prospecting", "Prospecting", "初步接触", 10, "open"),
        ("qualification", "Qualification", "需求确认", 20, "open"),
        ("needs_analysis", "Needs analysis", "方案分析", 40, "open"),
        ("proposal", "Proposal", "方案报价", 60, "open"),
        ("negotiation", "Negotiation", "商务谈判", 80, "open"),
        ("closed_won", "Closed won", "赢单", 100, "won"),
        ("closed_lost", "Closed lost", "丢单", 0, "lost"),
    ]

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(table: "pipeline_stages").recordColumns(owned: false)
            .text("key", notNull: true).text("name", notNull: true).text("name_zh")
            .bigint("position", notNull: true).bigint("probability", notNull: true).text("outcome", notNull: true)
            .unique("key")
            .run()
        let now = Timestamp.now()
        for (i, s) in Self.defaultStages.enumerated() {
            try await db.insert(into: "pipeline_stages")
                .columns("created_at", "updated_at", "key", "name", "name_zh", "position", "probability", "outcome")
                .values(
                    SQLBind(now), SQLBind(now), SQLBind(s.0), SQLBind(s.1), SQLBind(s.2), SQLBind(i * 10), SQLBind(s.3),
                    SQLBind(s.4)
                )
                .run()
        }
        try await db.create(table: "opportunities").recordColumns(owned: true)
            .text("name", notNull: true).ref("account_id", "accounts", notNull: true).ref("contact_id", "contacts")
            .ref("stage_id", "pipeline_stages", notNull: true).bigint("amount").text("expected_close_date")
            .bigint("probability").text("lead_source").text("close_reason").text("closed_at").text("description")
            .run()
        try await SQLCreateTableBuilder.joinColumns(
            db.create(table: "opportunities_competitor_ids"), owner: "opportunities", member: "competitors"
        ).run()
        try await db.create(table: "contracts").recordColumns(owned: true)
            .text("number", notNull: true).text("title").ref("account_id", "accounts", notNull: true)
            .ref("opportunity_id", "opportunities").text("start_date", notNull: true).text("end_date", notNull: true)
            .bigint("value").text("status", notNull: true).text("terms")
            .unique("number")
            .run()
        try await db.create(table: "orders").recordColumns(owned: true)
            .text("number", notNull: true).ref("account_id", "accounts", notNull: true).ref("contact_id", "contacts")
            .ref("opportunity_id", "opportunities").ref("contract_id", "contracts")
            .text("order_date", notNull: true).text("status", notNull: true).bigint("total").text("notes")
            .unique("number")
            .run()
        try await db.create(table: "order_lines").recordColumns(owned: true)
            .ref("order_id", "orders", notNull: true, cascade: true).ref("product_id", "products", notNull: true)
            .bigint("quantity", notNull: true).bigint("unit_price", notNull: true).double("discount_pct")
            .text("line_date").bigint("line_total")
            .run()
        try await db.create(table: "leads").recordColumns(owned: true)
            .text("name", notNull: true).text("company").text("title").text("email").text("phone").text("source")
            .text("status", notNull: true).text("industry").text("region").bigint("estimated_value").text("notes")
            .ref("converted_account_id", "accounts").ref("converted_contact_id", "contacts")
            .ref("converted_opportunity_id", "opportunities").text("converted_at")
            .run()
    }
}
