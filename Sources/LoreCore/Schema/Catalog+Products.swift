extension Catalog {
    static let productCategories = EntitySchema(
        name: "product_categories", typeName: "ProductCategory",
        fields: [
            FieldSchema("name", .text(maxLength: 120), required: true, searchable: true, listed: true),
            FieldSchema("parent_id", .reference("product_categories"), filterable: true, listed: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: false, access: .referenceData, defaultSort: "name", defaultDescending: false)

    static let products = EntitySchema(
        name: "products", typeName: "Product",
        fields: [
            FieldSchema(
                "sku", .text(maxLength: 64), required: true, unique: true, filterable: true, searchable: true,
                listed: true),
            FieldSchema("name", .text(maxLength: 200), required: true, searchable: true, listed: true),
            FieldSchema("category_id", .reference("product_categories"), filterable: true, listed: true),
            FieldSchema("list_price", .money, required: true, listed: true),
            FieldSchema("unit", .text(maxLength: 30)),
            FieldSchema("active", .boolean, filterable: true, listed: true),
            FieldSchema("launched_on", .date),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: false, access: .referenceData, defaultSort: "sku", defaultDescending: false)

    static let priceLists = EntitySchema(
        name: "price_lists", typeName: "PriceList",
        fields: [
            FieldSchema("name", .text(maxLength: 120), required: true, unique: true, searchable: true, listed: true),
            FieldSchema("currency", .choice(["CNY", "USD", "EUR", "HKD", "JPY"]), required: true, listed: true),
            FieldSchema("valid_from", .date, listed: true),
            FieldSchema("valid_to", .date, listed: true),
            FieldSchema("active", .boolean, filterable: true, listed: true),
            FieldSchema("description", .longText),
        ],
        titleField: "name", owned: false, access: .referenceData, defaultSort: "name", defaultDescending: false)

    static let priceListItems = EntitySchema(
        name: "price_list_items", typeName: "PriceListItem",
        fields: [
            FieldSchema("price_list_id", .reference("price_lists"), required: true, filterable: true, listed: true),
            FieldSchema("product_id", .reference("products"), required: true, filterable: true, listed: true),
            FieldSchema("price", .money, required: true, listed: true),
            FieldSchema("min_quantity", .integer(min: 1, max: 1_000_000_000), listed: true),
        ],
        titleField: "id", owned: false, access: .referenceData)
}
