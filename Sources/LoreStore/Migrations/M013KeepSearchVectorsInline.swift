import LoreCore
import SQLKit

/// PostgreSQL stored most articles' tsvectors (about 2.8 kB each) out of line in TOAST, so ranking a query's
/// matches with ts_rank fetched and decompressed each one from the TOAST table. Kept inline (up to a page), they
/// are read with the row: at 100,000 articles search p50 fell from 46.5 to 14.9 ms (bench/RESULTS.md §4).
/// Existing vectors are rewritten once so they move in too. SQLite has nothing to change.
struct M013KeepSearchVectorsInline: Migration {
    let version = 13
    let name = "keep_search_vectors_inline"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        guard engine == .postgres else { return }
        for table in ["article_search", "case_search"] {
            try await db.raw("ALTER TABLE \(ident: table) ALTER COLUMN tsv SET STORAGE MAIN").run()
            try await db.raw("ALTER TABLE \(ident: table) SET (toast_tuple_target = 8160)").run()
            // Concatenating an empty vector changes nothing but makes a new value, stored by the new rules.
            try await db.raw("UPDATE \(ident: table) SET tsv = tsv || ''::tsvector").run()
        }
    }
}
