extension Catalog {
    public static let accountKinds = ["company", "individual"]
    public static let valueTiers = ["platinum", "gold", "silver", "bronze"]
    public static let companySizes = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+"]

    static let accounts = EntitySchema(
        name: "accounts", typeName: "Account",
        fields: [
            FieldSchema("name", .text(maxLength: 200), required: true, searchable: true, listed: true),
            FieldSchema("kind", .choice(accountKinds), required: true, filterable: true, listed: true),
            FieldSchema("industry", .text(maxLength: 100), filterable: true, listed: true),
            FieldSchema("region", .text(maxLength: 100), filterable: true, listed: true),
            FieldSchema("size", .choice(companySizes), filterable: true),
            FieldSchema("value_tier", .choice(valueTiers), filterable: true, listed: true),
            FieldSchema("email", .email, searchable: true),
            FieldSchema("phone", .phone, searchable: true),
            FieldSchema("website", .url),
            FieldSchema("address", .text(maxLength: 300)),
            FieldSchema("parent_account_id", .reference("accounts"), filterable: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: true, access: .customerRecord)

    static let contacts = EntitySchema(
        name: "contacts", typeName: "Contact",
        fields: [
            FieldSchema("name", .text(maxLength: 200), required: true, searchable: true, listed: true),
            FieldSchema("account_id", .reference("accounts"), filterable: true, listed: true),
            FieldSchema("title", .text(maxLength: 120), listed: true),
            FieldSchema("department", .text(maxLength: 120)),
            FieldSchema("email", .email, filterable: true, searchable: true, listed: true),
            FieldSchema("email_secondary", .email, searchable: true),
            FieldSchema("phone", .phone, searchable: true, listed: true),
            FieldSchema("mobile", .phone, searchable: true),
            FieldSchema("preferred_channel", .choice(["phone", "email", "wechat", "visit", "chat"])),
            FieldSchema("notes", .longText),
        ],
        titleField: "name", owned: true, access: .customerRecord)

    public static let leadStatuses = ["new", "contacted", "qualified", "unqualified", "converted"]

    static let leads = EntitySchema(
        name: "leads", typeName: "Lead",
        fields: [
            FieldSchema("name", .text(maxLength: 200), required: true, searchable: true, listed: true),
            FieldSchema("company", .text(maxLength: 200), searchable: true, listed: true),
            FieldSchema("title", .text(maxLength: 120)),
            FieldSchema("email", .email, searchable: true, listed: true),
            FieldSchema("phone", .phone, searchable: true),
            FieldSchema(
                "source", .choice(["web", "referral", "event", "cold_call", "partner", "advertising", "other"]),
                filterable: true,
                listed: true),
            FieldSchema("status", .choice(leadStatuses), required: true, filterable: true, listed: true),
            FieldSchema("industry", .text(maxLength: 100), filterable: true),
            FieldSchema("region", .text(maxLength: 100), filterable: true),
            FieldSchema("estimated_value", .money),
            FieldSchema("notes", .longText),
            FieldSchema("converted_account_id", .reference("accounts"), readOnly: true),
            FieldSchema("converted_contact_id", .reference("contacts"), readOnly: true),
            FieldSchema("converted_opportunity_id", .reference("opportunities"), readOnly: true),
            FieldSchema("converted_at", .dateTime, readOnly: true),
        ],
        titleField: "name", owned: true,
        access: AccessRule(
            read: AccessRule.everyone, create: AccessRule.everyone, update: AccessRule.sales, delete: AccessRule.sales))
}
