import SQLKit

/// The knowledge base: categories, articles with their versions, proposed edits, reviews, feedback, links and tags,
/// the full-text index (FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL), and portal customers' accounts.
struct M007CreateKnowledgeBase: Migration {
    let version = 7
    let name = "create_knowledge_base"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await createArticleTables(on: db)
        try await createHistoryTables(on: db)
        try await createIndexes(on: db)
        try await createSearchIndex(on: db, engine: engine)
    }

    /// Portal customers' accounts, categories, articles and their tags and links.
    func createArticleTables(on db: any SQLDatabase) async throws {
        try await db.alter(table: "users").column("account_id", type: .bigint, .references("accounts", "id")).run()
        try await db.create(table: "article_categories").recordColumns(owned: false)
            .text("name", notNull: true).ref("parent_id", "article_categories").text("description")
            .run()
        try await db.create(table: "articles").recordColumns(owned: true)
            .text("type", notNull: true).text("title", notNull: true).text("body", notNull: true).text(
                "language", notNull: true
            )
            .ref("category_id", "article_categories").text("tags", notNull: true).text("status", notNull: true)
            .text("audience", notNull: true).text("audience_tiers", notNull: true).text(
                "audience_industries", notNull: true
            )
            .bigint("version", notNull: true).text("published_at").text("verified_at").text("verify_by")
            .bigint("helpful_count", notNull: true).bigint("unhelpful_count", notNull: true)
            .bigint("view_count", notNull: true).bigint("solved_count", notNull: true)
            .bigint("source_case_id")
            .run()
        try await db.create(table: "article_tags")
            .ref("article_id", "articles", notNull: true, cascade: true).text("tag", notNull: true).text(
                "tag_key", notNull: true
            )
            .primaryKey("article_id", "tag_key")
            .run()
        try await db.create(table: "article_links")
            .ref("article_id", "articles", notNull: true, cascade: true).text("kind", notNull: true).bigint(
                "target_id", notNull: true
            )
            .primaryKey("article_id", "kind", "target_id")
            .run()
    }

    /// Versions, proposed edits, review decisions and readers' feedback.
    func createHistoryTables(on db: any SQLDatabase) async throws {
        try await db.create(table: "article_versions")
            .column("id", type: .bigint, .primaryKey)
            .ref("article_id", "articles", notNull: true, cascade: true).bigint("number", notNull: true)
            .text("type", notNull: true).text("title", notNull: true).text("body", notNull: true).text(
                "language", notNull: true
            )
            .bigint("category_id").text("tags", notNull: true).text("status", notNull: true).text("note")
            .ref("author_id", "users").text("created_at", notNull: true)
            .unique("article_id", "number")
            .run()
        try await db.create(table: "article_revisions")
            .column("id", type: .bigint, .primaryKey)
            .ref("article_id", "articles", notNull: true, cascade: true).bigint("base_version", notNull: true)
            .text("title", notNull: true).text("body", notNull: true).text("tags", notNull: true).text("note")
            .ref("author_id", "users").text("created_at", notNull: true).text("status", notNull: true)
            .ref("reviewer_id", "users").text("review_comment").text("reviewed_at")
            .run()
        try await db.create(table: "article_reviews")
            .column("id", type: .bigint, .primaryKey)
            .ref("article_id", "articles", notNull: true, cascade: true).bigint("revision_id")
            .ref("reviewer_id", "users").text("decision", notNull: true).text("comment").text(
                "created_at", notNull: true
            )
            .run()
        try await db.create(table: "article_feedback")
            .ref("article_id", "articles", notNull: true, cascade: true).ref(
                "user_id", "users", notNull: true, cascade: true
            )
            .boolean("helpful").text("comment").text("created_at", notNull: true).text("updated_at", notNull: true)
            .primaryKey("article_id", "user_id")
            .run()
    }

    func createIndexes(on db: any SQLDatabase) async throws {
        for (table, columns) in [
            ("articles", ["status", "type"]), ("articles", ["owner_id"]), ("articles", ["category_id"]),
            ("articles", ["verify_by"]),
            ("article_tags", ["tag_key"]), ("article_links", ["kind", "target_id"]), ("article_revisions", ["status"]),
            ("article_revisions", ["article_id"]), ("article_reviews", ["article_id"]), ("users", ["account_id"]),
        ] {
            var b = db.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for c in columns { b = b.column(c) }
            try await b.run()
        }
    }

    /// The one place the two engines differ in schema: the full-text index over analysed tokens.
    func createSearchIndex(on db: any SQLDatabase, engine: Engine) async throws {
        switch engine {
        case .sqlite:
            // Tokens arrive analysed (see TextAnalyzer) and space-separated; the tokenizer only splits on spaces and
            // keeps `-_.` inside codes such as hy-g300 or v2.1.
            try await db.raw(
                """
                CREATE VIRTUAL TABLE article_fts USING fts5(title, body, tokenize = "unicode61 remove_diacritics 0 tokenchars '-_.'")
                """
            ).run()
        case .postgres:
            try await db.raw(
                "CREATE TABLE article_search (article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, tsv TSVECTOR NOT NULL)"
            )
            .run()
            try await db.raw("CREATE INDEX idx_article_search_tsv ON article_search USING GIN (tsv)").run()
        }
    }
}
