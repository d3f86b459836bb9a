import LoreCore
import SQLKit

/// SQLite: keys the solved-case index like the article index (migration 15): each rowid carries the case's length
/// and counts its id down, and FTS5 keeps no per-row sizes. Cases are then one more ``FullTextDeclaration`` served
/// by the same ``SQLiteFullTextIndex`` as articles (the same BM25, lengths read from the rowid instead of FTS5's
/// docsize table: the same scores). The rows are copied in SQL, newest first so the new rowids ascend (see
/// migration 15). PostgreSQL has nothing to change.
struct M016KeyCaseIndexByLength: Migration {
    let version = 16
    let name = "key_case_index_by_length"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        guard engine == .sqlite else { return }
        try await db.raw(
            #"CREATE VIRTUAL TABLE case_fts_keyed USING fts5(body, tokenize = "unicode61 remove_diacritics 0 tokenchars '-_.'", columnsize = 0)"#
        ).run()
        let rowid = FullTextRowid.sql(id: "rowid", columns: ["body"])
        try await db.raw(
            "INSERT INTO case_fts_keyed (rowid, body) SELECT \(unsafeRaw: rowid), body FROM case_fts ORDER BY rowid DESC"
        ).run()
        try await db.raw("DROP TABLE case_fts").run()
        try await db.raw("ALTER TABLE case_fts_keyed RENAME TO case_fts").run()
        try await db.raw("INSERT INTO case_fts (case_fts) VALUES ('optimize')").run()
    }
}
