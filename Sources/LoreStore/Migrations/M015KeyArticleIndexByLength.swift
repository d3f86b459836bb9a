import LoreCore
import SQLKit

/// SQLite: re-keys the article search index so that each row's rowid carries the article's length and counts its
/// id down (FullTextRowid), and drops FTS5's per-row length table (`columnsize=0`), which nothing reads any more.
/// Ranking then reads no lengths at all: at 1,000,000 articles the ranking statement's p50 fell by about half
/// (bench/RESULTS.md §4, session 9).
///
/// The rows are copied from the old table in SQL (its stored tokens are the analysed ones, so their count is the
/// length), newest first so that the new rowids ascend — FTS5 starts a new segment whenever a rowid is not above the
/// last one, which made an oldest-first copy about seven times slower — then the index is merged into one segment. On a large base this takes minutes, once. PostgreSQL has
/// nothing to change.
struct M015KeyArticleIndexByLength: Migration {
    let version = 15
    let name = "key_article_index_by_length"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        guard engine == .sqlite else { return }
        try await db.raw(
            """
            CREATE VIRTUAL TABLE article_fts_keyed USING fts5(title, body, tokenize = "unicode61 remove_diacritics 0 tokenchars '-_.'", \
            columnsize = 0)
            """
        ).run()
        let rowid = FullTextRowid.sql(id: "rowid", columns: ["title", "body"])
        try await db.raw(
            "INSERT INTO article_fts_keyed (rowid, title, body) SELECT \(unsafeRaw: rowid), title, body FROM article_fts ORDER BY rowid DESC"
        ).run()
        try await db.raw("DROP TABLE article_fts").run()
        try await db.raw("ALTER TABLE article_fts_keyed RENAME TO article_fts").run()
        try await db.raw("INSERT INTO article_fts (article_fts) VALUES ('optimize')").run()
    }
}
