import SQLKit

/// Competitors and the product catalogue: categories (a tree), products, price lists and their items.
struct M002CreateCatalogue: Migration {
    let version = 2
    let name = "create_catalogue"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(table: "competitors").recordColumns(owned: false)
            .text("name", notNull: true).text("website").text("strengths").text("weaknesses").text("description")
            .unique("name")
            .run()
        try await db.create(table: "product_categories").recordColumns(owned: false)
            .text("name", notNull: true).ref("parent_id", "product_categories").text("description")
            .run()
        try await db.create(table: "products").recordColumns(owned: false)
            .text("sku", notNull: true).text("name", notNull: true).ref("category_id", "product_categories")
            .bigint("list_price", notNull: true).text("unit").boolean("active").text("launched_on").text("description")
            .unique("sku")
            .run()
        try await db.create(table: "price_lists").recordColumns(owned: false)
            .text("name", notNull: true).text("currency", notNull: true).text("valid_from").text("valid_to")
            .boolean("active").text("description")
            .unique("name")
            .run()
        try await db.create(table: "price_list_items").recordColumns(owned: false)
            .ref("price_list_id", "price_lists", notNull: true).ref("product_id", "products", notNull: true)
            .bigint("price", notNull: true).bigint("min_quantity")
            .unique("price_list_id", "product_id")
            .run()
        try await db.create(index: "idx_products_category").on("products").column("category_id").run()
        try await db.create(index: "idx_categories_parent").on("product_categories").column("parent_id").run()
    }
}
