import LoreCore
import SQLKit

/// How many documents of each SQLite full-text index contain each token (`search_terms`).
///
/// FTS5's own bm25() finds a token's document frequency by walking the token's whole doclist on every query,
/// which for a common word in a million articles costs more than the rest of the search. Lore's ranking function
/// (`lore_bm25`, Sources/CLoreRank) takes the frequencies from this table instead. It is written in the same
/// transaction as the index, so the two never disagree. PostgreSQL's `ts_rank` has no use for it.
enum SearchTerms {
    /// Replaces document `id`'s tokens in the counts: call it before the document's index row is rewritten or
    /// deleted, with the tokens it will have (empty when it leaves the index).
    static func replace(_ index: FullTextDeclaration, id: Int64, with tokens: Set<String>, on db: any SQLDatabase)
        async throws
    {
        let old = try await indexed(index, id: id, on: db)
        let added = tokens.subtracting(old).sorted()
        let removed = old.subtracting(tokens).sorted()
        for chunk in stride(from: 0, to: added.count, by: 300) {
            var sql: SQLQueryString = "INSERT INTO search_terms (index_name, token, df) VALUES "
            for (i, token) in added[chunk..<min(added.count, chunk + 300)].enumerated() {
                sql = sql + (i == 0 ? "" : ", ") + "(\(bind: index.name), \(bind: token), 1)"
            }
            try await db.raw(sql + " ON CONFLICT (index_name, token) DO UPDATE SET df = search_terms.df + 1").run()
        }
        for chunk in stride(from: 0, to: removed.count, by: 300) {
            let group = SQLBind.group(Array(removed[chunk..<min(removed.count, chunk + 300)]))
            try await db.raw(
                "UPDATE search_terms SET df = df - 1 WHERE index_name = \(bind: index.name) AND token IN \(group)"
            ).run()
        }
        if !removed.isEmpty {
            try await db.raw("DELETE FROM search_terms WHERE index_name = \(bind: index.name) AND df <= 0").run()
        }
    }

    /// The distinct tokens document `id` is indexed under now.
    static func indexed(_ index: FullTextDeclaration, id: Int64, on db: any SQLDatabase) async throws -> Set<String> {
        let columns = index.fields.map(\.name).joined(separator: " || ' ' || ")
        guard
            let row = try await db.raw(
                "SELECT \(unsafeRaw: columns) AS t FROM \(ident: index.sqliteTable) WHERE \(FullTextRowid.row(of: id))"
            )
            .first()
        else { return [] }
        return Set(try row.decode(column: "t", as: String.self).split(separator: " ").map(String.init))
    }

    /// Counts every token of the index afresh from FTS5's vocabulary (after a bulk rebuild of the index).
    static func rebuild(_ index: FullTextDeclaration, on db: any SQLDatabase) async throws {
        let vocab = "search_vocab_\(index.name)"
        try await db.raw("DELETE FROM search_terms WHERE index_name = \(bind: index.name)").run()
        try await db.raw(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(unsafeRaw: vocab) USING fts5vocab(main, \(unsafeRaw: index.sqliteTable), row)"
        )
        .run()
        try await db.raw(
            "INSERT INTO search_terms (index_name, token, df) SELECT \(bind: index.name), term, doc FROM temp.\(unsafeRaw: vocab)"
        ).run()
        try await db.raw("DROP TABLE temp.\(unsafeRaw: vocab)").run()
    }

    /// The stored counts of `tokens` (absent when no document has one).
    static func frequencies(_ index: FullTextDeclaration, tokens: [String], on db: any SQLDatabase) async throws
        -> [String: Int]
    {
        guard !tokens.isEmpty else { return [:] }
        let rows = try await db.raw(
            "SELECT token, df FROM search_terms WHERE index_name = \(bind: index.name) AND token IN \(SQLBind.group(Array(Set(tokens))))"
        ).all()
        var counts: [String: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "token", as: String.self)] = try row.decode(column: "df", as: Int.self)
        }
        return counts
    }

    /// `lore_bm25`'s arguments after the column weights: each token's stored frequency, read once per statement.
    static func frequencyArguments(_ index: FullTextDeclaration, tokens: [String]) -> SQLQueryString {
        var sql: SQLQueryString = ""
        for token in tokens {
            sql =
                sql
                + ", (SELECT df FROM search_terms WHERE index_name = \(bind: index.name) AND token = \(bind: token))"
        }
        return sql
    }
}
