import LoreCore
import LoreStore
import LoreTestSupport
import SQLKit
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.engines)
    func rerunningMigrationsIsANoOp(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let migrator = Migrator(database: db)
            let again = try await migrator.migrate()
            #expect(again.isEmpty)
            #expect(try await migrator.appliedVersions() == Migrations.all.map(\.version))
        }
    }

    /// PostgreSQL keeps search vectors in the row (migration 13): ranking reads them without a TOAST fetch each.
    @Test func postgresKeepsSearchVectorsInline() async throws {
        guard TestDatabase.engines.contains(.postgres) else { return }
        try await TestDatabase.with(.postgres) { db in
            let rows = try await db.read { sql in
                try await sql.raw(
                    """
                    SELECT c.relname AS t, a.attstorage::text AS storage, COALESCE(array_to_string(c.reloptions, ','), '') AS options FROM pg_attribute a \
                    JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname IN ('article_search', 'case_search') AND a.attname = 'tsv' AND pg_table_is_visible(c.oid) ORDER BY c.relname
                    """
                ).all()
            }
            #expect(rows.count == 2)
            for row in rows {
                #expect(try row.decode(column: "storage", as: String.self) == "m")
                #expect(try row.decode(column: "options", as: String.self).contains("toast_tuple_target=8160"))
            }
        }
    }

    /// Migration 15 re-keys an index built the old way (rowid = article id, lengths in %_docsize): every row gets
    /// the rowid Lore itself would write (so the length counted in SQL is the analyser's), and searches rank alike.
    @Test func rekeyingTheArticleIndexKeepsEveryRowAndItsRank() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            _ = try await KnowledgeSearchTests.load(kb, f)
            let queries = ["router", "退款", "e1024", "firmware update", "发票 税号"]
            func ranked() async throws -> [[String]] {
                var out: [[String]] = []
                for q in queries {
                    out.append(
                        try await kb.search(ArticleSearchQuery(text: q, includeFacets: false), as: f.agent).hits.map {
                            "\($0.article.id):\($0.relevance)"
                        })
                }
                return out
            }
            func rowids() async throws -> [Int64] {
                try await db.read { sql in
                    try await sql.raw("SELECT rowid AS r FROM article_fts ORDER BY rowid").all().map {
                        try $0.decode(column: "r", as: Int64.self)
                    }
                }
            }
            let (before, keyed) = (try await ranked(), try await rowids())
            #expect(!keyed.isEmpty && before.allSatisfy { !$0.isEmpty })
            try await db.write { sql in
                try await sql.raw(
                    "CREATE VIRTUAL TABLE article_fts_old USING fts5(title, body, tokenize = \"unicode61 remove_diacritics 0 tokenchars '-_.'\")"
                ).run()
                try await sql.raw(
                    "INSERT INTO article_fts_old (rowid, title, body) SELECT 1099511627775 - (rowid >> 23), title, body FROM article_fts"
                )
                .run()
                try await sql.raw("DROP TABLE article_fts").run()
                try await sql.raw("ALTER TABLE article_fts_old RENAME TO article_fts").run()
                try await sql.raw("DELETE FROM lore_migrations WHERE version = 15").run()
            }
            let old = try await rowids()
            #expect(old.count == keyed.count && old != keyed)
            #expect(try await Migrator(database: db).migrate() == ["key_article_index_by_length"])
            #expect(try await rowids() == keyed)
            #expect(try await ranked() == before)
        }
    }

    /// Every schema field has a column of its own table (or its join table), so the schema and the migrations agree.
    @Test(arguments: TestDatabase.engines)
    func everySchemaFieldHasAColumn(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            for schema in Catalog.all {
                let columns =
                    ["id", "created_at"] + schema.columnFields.map(\.name)
                    + (schema.owned ? ["owner_id", "team_id"] : [])
                try await db.read { sql in
                    _ = try await sql.select().columns(columns.map { SQLColumn($0) }).from(schema.name).limit(1).all()
                    for field in schema.fields where !field.isColumn {
                        _ = try await sql.select().columns("record_id", "member_id").from(
                            "\(schema.name)_\(field.name)"
                        ).limit(1).all()
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func defaultPipelineIsSeeded(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let page = try await RecordRepository(database: db).list(
                Catalog["pipeline_stages"], query: ListQuery(), as: f.rep)
            #expect(page.records.map { $0["key"].string }.first == "prospecting")
            #expect(page.records.contains { $0["outcome"].string == "won" && $0["probability"].int == 100 })
        }
    }
}
