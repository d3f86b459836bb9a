import LoreCore
import SQLKit

/// A declaration's index on SQLite: an FTS5 table (`<name>_fts`, one column per field, no per-row sizes) keyed by
/// ``FullTextRowid``, ranked by BM25 with the declared field weights (`lore_bm25_rowid`, Sources/CLoreRank) over
/// document frequencies kept in ``SearchTerms``.
struct SQLiteFullTextIndex: FullTextIndex {
    let declaration: FullTextDeclaration
    var table: String { declaration.sqliteTable }
    var outerJoin: SQLQueryString { "CROSS JOIN" }
    var ranksAndListsInOneWalk: Bool { true }

    func put(id: Int64, fields: [[String]], countTerms: Bool, on db: any SQLDatabase) async throws {
        if declaration.logsChanges { try await ArticleIndexLog.record(id, engine: .sqlite, on: db) }
        let rowid = try FullTextRowid.make(id: id, length: fields.reduce(0) { $0 + $1.count })
        if countTerms { try await SearchTerms.replace(declaration, id: id, with: Set(fields.joined()), on: db) }
        try await deleteRow(of: id, on: db)
        try await db.raw("INSERT INTO \(ident: table) (rowid, \(columns)) VALUES (\(bind: rowid), \(values(fields)))")
            .run()
    }

    func remove(id: Int64, on db: any SQLDatabase) async throws {
        if declaration.logsChanges { try await ArticleIndexLog.record(id, engine: .sqlite, on: db) }
        try await SearchTerms.replace(declaration, id: id, with: [], on: db)
        try await deleteRow(of: id, on: db)
    }

    func clear(on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: table)").run()
    }

    func putBatch(_ documents: [(id: Int64, fields: [[String]])], on db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        // OR REPLACE: a record written by a live server while the rebuild runs is indexed again, not refused.
        var sql: SQLQueryString = "INSERT OR REPLACE INTO \(ident: table) (rowid, \(columns)) VALUES "
        for (i, d) in documents.enumerated() {
            let rowid = try FullTextRowid.make(id: d.id, length: d.fields.reduce(0) { $0 + $1.count })
            sql = sql + (i == 0 ? "" : ", ") + "(\(bind: rowid), \(values(d.fields)))"
        }
        try await db.raw(sql).run()
    }

    /// Merges the index into one segment and counts every term afresh.
    func finishRebuild(on db: any SQLDatabase) async throws {
        if declaration.logsChanges {
            try await ArticleIndexLog.record(ArticleIndexLog.everything, engine: .sqlite, on: db)
        }
        try await db.raw("INSERT INTO \(ident: table) (\(ident: table)) VALUES ('optimize')").run()
        try await SearchTerms.rebuild(declaration, on: db)
    }

    func walk(_ query: FullTextQuery, filter: SQLQueryString?, limit: Int) -> SQLQueryString {
        // BM25 with the declared field weights, lower-is-better as FTS5 has it, so negated. lore_bm25_rowid is
        // bm25() with the document frequencies read from search_terms and each document's length from its rowid.
        // The walk follows rowid order, which is newest first, and stops at the cap; only those rows are scored.
        let counted = query.prefixLast ? Array(query.tokens.dropLast()) : query.tokens
        let weights = declaration.fields.map { String($0.weight) }.joined(separator: ", ")
        let frequencies = SearchTerms.frequencyArguments(declaration, tokens: counted)
        let rank: SQLQueryString =
            "-lore_bm25_rowid(\(unsafeRaw: table), \(unsafeRaw: String(limit)), \(unsafeRaw: weights)\(frequencies))"
        let id = FullTextRowid.recordID(in: table)
        let cap = String(FullTextLimits.rankingCap)
        guard let filter else {
            return """
                SELECT \(id) AS id, \(rank) AS rel FROM \(unsafeRaw: table) WHERE \(unsafeRaw: table) MATCH \(bind: expression(query)) \
                ORDER BY \(unsafeRaw: table).rowid LIMIT \(unsafeRaw: cap)
                """
        }
        // CROSS JOIN keeps the full-text index as the outer loop: left to itself the planner may scan the records
        // by an index of theirs and probe the full-text index once per row, a thousand times slower on a large base.
        return """
            SELECT a.id AS id, \(rank) AS rel FROM \(unsafeRaw: table) CROSS JOIN \(ident: declaration.table) a ON a.id = \(id) \
            WHERE \(unsafeRaw: table) MATCH \(bind: expression(query)) AND \(filter) ORDER BY \(unsafeRaw: table).rowid LIMIT \(unsafeRaw: cap)
            """
    }

    func matchingIDs(_ query: FullTextQuery, limit: Int) -> SQLQueryString {
        """
        SELECT \(FullTextRowid.recordID(in: table)) AS id FROM \(unsafeRaw: table) WHERE \(unsafeRaw: table) MATCH \(bind: expression(query)) \
        LIMIT \(unsafeRaw: String(limit))
        """
    }

    func matchingIDs(_ query: FullTextQuery, filter: SQLQueryString, recordIndex: String?, limit: Int) -> SQLQueryString
    {
        // CROSS JOIN keeps the index as the outer loop (see walk); a narrow index of the record table may hold
        // every column the filter reads, so the wide row is read only when it does not.
        let hint: SQLQueryString = recordIndex.map { " INDEXED BY \(ident: $0)" } ?? ""
        return """
            SELECT a.id AS id FROM \(unsafeRaw: table) CROSS JOIN \(ident: declaration.table) a\(hint) ON a.id = \(FullTextRowid.recordID(in: table)) \
            WHERE \(unsafeRaw: table) MATCH \(bind: expression(query)) AND \(filter) LIMIT \(unsafeRaw: String(limit))
            """
    }

    func joinedIDs(of rows: SQLQueryString) -> SQLQueryString { "(SELECT group_concat(id) FROM (\(rows)) m)" }

    func documentFrequencies(_ tokens: [String], on db: any SQLDatabase) async throws -> [String: Int] {
        try await SearchTerms.frequencies(declaration, tokens: tokens, on: db)
    }

    /// The FTS5 MATCH expression: quoted tokens, the last one a prefix if asked, within one column if asked.
    func expression(_ query: FullTextQuery) -> String {
        var expr = SearchExpressions.fts5(query.tokens, all: query.all)
        if query.prefixLast { expr += "*" }
        if let field = fieldIndex(query) { expr = "{\(declaration.fields[field].name)} : (\(expr))" }
        return expr
    }

    private var columns: SQLQueryString {
        declaration.fields.map { "\(ident: $0.name)" as SQLQueryString }.joined(separator: ", ")
    }

    private func values(_ fields: [[String]]) -> SQLQueryString {
        declaration.fields.indices.map { i -> SQLQueryString in
            "\(bind: i < fields.count ? fields[i].joined(separator: " ") : "")"
        }.joined(separator: ", ")
    }

    /// The document's row, whatever length its rowid carries.
    private func deleteRow(of id: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: table) WHERE \(FullTextRowid.row(of: id))").run()
    }
}
