import LoreCore
import SQLKit

/// A narrow index over what search facets and the staff audience check read from each matched article. Counting
/// facets joins up to 2,000 matches to `articles`; read from the table, each is a random read of a wide row (body
/// and plain text), from this index a few dense pages hold them all.
struct M012CreateArticleFacetIndex: Migration {
    let version = 12
    let name = "create_article_facet_index"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(index: "idx_articles_facets").on("articles")
            .column("id").column("status").column("type").column("language").column("category_id").column("audience")
            .run()
    }
}
