extension Catalog {
    public static let interactionKinds = ["call", "email", "meeting", "visit", "chat", "note"]

    static let interactions = EntitySchema(
        name: "interactions", typeName: "Interaction",
        fields: [
            FieldSchema("kind", .choice(interactionKinds), required: true, filterable: true, listed: true),
            FieldSchema(
                "direction", .choice(["inbound", "outbound", "internal"]), required: true, filterable: true,
                listed: true),
            FieldSchema("occurred_at", .dateTime, required: true, listed: true),
            FieldSchema("subject", .text(maxLength: 300), required: true, searchable: true, listed: true),
            FieldSchema("body", .longText, searchable: true),
            FieldSchema("account_id", .reference("accounts"), filterable: true, listed: true),
            FieldSchema("contact_id", .reference("contacts"), filterable: true),
            FieldSchema("opportunity_id", .reference("opportunities"), filterable: true),
            FieldSchema("participant_contact_ids", .referenceSet("contacts")),
            FieldSchema("duration_minutes", .integer(min: 0, max: 100_000)),
        ],
        titleField: "subject", owned: true, access: .activity, defaultSort: "occurred_at")

    static let tasks = EntitySchema(
        name: "tasks", typeName: "Task",
        fields: [
            FieldSchema("title", .text(maxLength: 300), required: true, searchable: true, listed: true),
            FieldSchema("due_date", .date, listed: true),
            FieldSchema("assignee_id", .reference("users"), filterable: true, listed: true),
            FieldSchema(
                "status", .choice(["open", "in_progress", "done", "cancelled"]), required: true, filterable: true,
                listed: true),
            FieldSchema("priority", .choice(["low", "normal", "high"]), filterable: true, listed: true),
            FieldSchema("account_id", .reference("accounts"), filterable: true),
            FieldSchema("contact_id", .reference("contacts"), filterable: true),
            FieldSchema("opportunity_id", .reference("opportunities"), filterable: true),
            FieldSchema("lead_id", .reference("leads"), filterable: true),
            FieldSchema("description", .longText),
        ],
        titleField: "title", owned: true, visibleToUserColumns: ["assignee_id"], access: .activity)
}
