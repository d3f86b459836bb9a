extension Catalog {
    public static let stageOutcomes = ["open", "won", "lost"]

    static let pipelineStages = EntitySchema(
        name: "pipeline_stages", typeName: "PipelineStage",
        fields: [
            FieldSchema("key", .text(maxLength: 40), required: true, unique: true, listed: true),
            FieldSchema("name", .text(maxLength: 80), required: true, listed: true),
            FieldSchema("name_zh", .text(maxLength: 80), listed: true),
            FieldSchema("position", .integer(min: 0, max: 1000), required: true, listed: true),
            FieldSchema("probability", .integer(min: 0, max: 100), required: true, listed: true),
            FieldSchema("outcome", .choice(stageOutcomes), required: true, filterable: true, listed: true),
        ],
        titleField: "name", owned: false, access: .adminOnly, defaultSort: "position", defaultDescending: false)

    static let opportunities = EntitySchema(
        name: "opportunities", typeName: "Opportunity",
        fields: [
            FieldSchema("name", .text(maxLength: 200), required: true, searchable: true, listed: true),
            FieldSchema("account_id", .reference("accounts"), required: true, filterable: true, listed: true),
            FieldSchema("contact_id", .reference("contacts"), filterable: true),
            FieldSchema("stage_id", .reference("pipeline_stages"), required: true, filterable: true, listed: true),
            FieldSchema("amount", .money, listed: true),
            FieldSchema("expected_close_date", .date, listed: true),
            FieldSchema("probability", .integer(min: 0, max: 100), listed: true, readOnly: true),
            FieldSchema("competitor_ids", .referenceSet("competitors")),
            FieldSchema("lead_source", .text(maxLength: 60)),
            FieldSchema("close_reason", .text(maxLength: 300)),
            FieldSchema("closed_at", .dateTime, readOnly: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: true, access: .commercial)

    static let contracts = EntitySchema(
        name: "contracts", typeName: "Contract",
        fields: [
            FieldSchema("number", .text(maxLength: 60), required: true, unique: true, searchable: true, listed: true),
            FieldSchema("title", .text(maxLength: 200), searchable: true, listed: true),
            FieldSchema("account_id", .reference("accounts"), required: true, filterable: true, listed: true),
            FieldSchema("opportunity_id", .reference("opportunities"), filterable: true),
            FieldSchema("start_date", .date, required: true, listed: true),
            FieldSchema("end_date", .date, required: true, listed: true),
            FieldSchema("value", .money, listed: true),
            FieldSchema(
                "status", .choice(["draft", "active", "expired", "terminated"]), required: true, filterable: true,
                listed: true),
            FieldSchema("terms", .longText),
        ],
        titleField: "number", owned: true, access: .commercial)

    public static let orderStatuses = ["draft", "confirmed", "shipped", "invoiced", "cancelled"]

    static let orders = EntitySchema(
        name: "orders", typeName: "Order",
        fields: [
            FieldSchema("number", .text(maxLength: 60), required: true, unique: true, searchable: true, listed: true),
            FieldSchema("account_id", .reference("accounts"), required: true, filterable: true, listed: true),
            FieldSchema("contact_id", .reference("contacts"), filterable: true),
            FieldSchema("opportunity_id", .reference("opportunities"), filterable: true),
            FieldSchema("contract_id", .reference("contracts"), filterable: true),
            FieldSchema("order_date", .date, required: true, listed: true),
            FieldSchema("status", .choice(orderStatuses), required: true, filterable: true, listed: true),
            FieldSchema("total", .money, listed: true, readOnly: true),
            FieldSchema("notes", .longText),
        ],
        titleField: "number", owned: true, access: .commercial, defaultSort: "order_date")

    static let orderLines = EntitySchema(
        name: "order_lines", typeName: "OrderLine",
        fields: [
            FieldSchema("order_id", .reference("orders"), required: true, filterable: true, listed: true),
            FieldSchema("product_id", .reference("products"), required: true, filterable: true, listed: true),
            FieldSchema("quantity", .integer(min: 1, max: 1_000_000_000), required: true, listed: true),
            FieldSchema("unit_price", .money, required: true, listed: true),
            FieldSchema("discount_pct", .decimal(min: 0, max: 100), listed: true),
            FieldSchema("line_date", .date, listed: true),
            FieldSchema("line_total", .money, listed: true, readOnly: true),
        ],
        titleField: "id", owned: true, access: .commercial)
}
