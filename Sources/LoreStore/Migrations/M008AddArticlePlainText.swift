import SQLKit

/// Articles keep their body as plain text too (Markdown removed), written with each change: search snippets read it
/// instead of converting twenty Markdown bodies per results page. `lore kb reindex` fills it for older rows.
struct M008AddArticlePlainText: Migration {
    let version = 8
    let name = "add_article_plain_text"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.alter(table: "articles").column("plain_text", type: .text).run()
    }
}
