extension Catalog {
    /// The knowledge base's category tree; knowledge managers maintain it.
    static let articleCategories = EntitySchema(
        name: "article_categories", typeName: "ArticleCategory",
        fields: [
            FieldSchema("name", .text(maxLength: 120), required: true, searchable: true, listed: true),
            FieldSchema("parent_id", .reference("article_categories"), filterable: true, listed: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: false,
        access: AccessRule(
            read: AccessRule.everyone, create: [.manager, .knowledgeManager], update: [.manager, .knowledgeManager],
            delete: [.manager, .knowledgeManager]),
        defaultSort: "name", defaultDescending: false)
}
