import LoreCore
import SQLKit

/// A feed of changes to the article search index, so that every process's in-memory facet columns
/// (``ArticleFacetCache``) can catch up with what others wrote: one row per article put into or taken out of the
/// index, article 0 meaning "reload everything" (a rebuilt index). Nothing to backfill: a cache loads the
/// articles themselves and reads only the changes after that.
struct M014CreateArticleIndexLog: Migration {
    let version = 14
    let name = "create_article_index_log"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(table: "article_index_log")
            .column("seq", type: .bigint, .primaryKey)
            .column("article_id", type: .bigint, .notNull)
            .run()
    }
}
