extension Catalog {
    static let departments = EntitySchema(
        name: "departments", typeName: "Department",
        fields: [
            FieldSchema("name", .text(maxLength: 120), required: true, unique: true, searchable: true, listed: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: false, access: .adminOnly, defaultSort: "name", defaultDescending: false)

    static let teams = EntitySchema(
        name: "teams", typeName: "Team",
        fields: [
            FieldSchema("name", .text(maxLength: 120), required: true, unique: true, searchable: true, listed: true),
            FieldSchema("department_id", .reference("departments"), filterable: true, listed: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: false, access: .adminOnly, defaultSort: "name", defaultDescending: false)

    static let competitors = EntitySchema(
        name: "competitors", typeName: "Competitor",
        fields: [
            FieldSchema("name", .text(maxLength: 200), required: true, unique: true, searchable: true, listed: true),
            FieldSchema("website", .url, listed: true),
            FieldSchema("strengths", .longText),
            FieldSchema("weaknesses", .longText),
            FieldSchema("description", .longText, searchable: true),
        ],
        titleField: "name", owned: false,
        access: AccessRule(
            read: AccessRule.everyone, create: AccessRule.sales, update: AccessRule.sales, delete: [.manager]),
        defaultSort: "name", defaultDescending: false)
}
