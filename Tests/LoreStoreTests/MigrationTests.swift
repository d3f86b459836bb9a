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

    /// Every schema field has a column of its own table (or its join table), so the schema and the migrations agree.
    @Test(arguments: TestDatabase.engines)
    func everySchemaFieldHasAColumn(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            for schema in Catalog.all {
                let columns = ["id", "created_at"] + schema.columnFields.map(\.name) + (schema.owned ? ["owner_id", "team_id"] : [])
                try await db.read { sql in
                    _ = try await sql.select().columns(columns.map { SQLColumn($0) }).from(schema.name).limit(1).all()
                    for field in schema.fields where !field.isColumn {
                        _ = try await sql.select().columns("record_id", "member_id").from("\(schema.name)_\(field.name)").limit(1).all()
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func defaultPipelineIsSeeded(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let page = try await RecordRepository(database: db).list(Catalog["pipeline_stages"], query: ListQuery(), as: f.rep)
            #expect(page.records.map { $0["key"].string }.first == "prospecting")
            #expect(page.records.contains { $0["outcome"].string == "won" && $0["probability"].int == 100 })
        }
    }
}
