import LoreCore
import SQLKit

/// The tables of a declaration's index, for the migration that introduces it: an FTS5 table without per-row
/// sizes (``FullTextRowid`` carries lengths) on SQLite; a tsvector table with a GIN index, vectors kept inline
/// (migration 13), on PostgreSQL.
enum FullTextSchema {
    static let tokenizer = #"tokenize = "unicode61 remove_diacritics 0 tokenchars '-_.'""#

    static func create(_ d: FullTextDeclaration, engine: Engine, on db: any SQLDatabase) async throws {
        switch engine {
        case .sqlite:
            let columns = d.fields.map(\.name).joined(separator: ", ")
            try await db.raw(
                "CREATE VIRTUAL TABLE \(unsafeRaw: d.sqliteTable) USING fts5(\(unsafeRaw: columns), \(unsafeRaw: tokenizer), columnsize = 0)"
            ).run()
        case .postgres:
            try await db.raw(
                """
                CREATE TABLE \(ident: d.postgresTable) (\(ident: d.postgresKey) BIGINT PRIMARY KEY REFERENCES \(ident: d.table)(id) \
                ON DELETE CASCADE, tsv TSVECTOR NOT NULL)
                """
            ).run()
            try await db.raw(
                "CREATE INDEX \(ident: "idx_" + d.postgresTable + "_tsv") ON \(ident: d.postgresTable) USING GIN (tsv)"
            ).run()
            try await db.raw("ALTER TABLE \(ident: d.postgresTable) ALTER COLUMN tsv SET STORAGE MAIN").run()
            try await db.raw("ALTER TABLE \(ident: d.postgresTable) SET (toast_tuple_target = 8160)").run()
        }
    }
}
