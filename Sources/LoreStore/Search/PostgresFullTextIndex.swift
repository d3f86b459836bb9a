import LoreCore
import SQLKit

/// A declaration's index on PostgreSQL: a table `<name>_search (<name>_id, tsv)` with a GIN index, the fields'
/// tokens in one tsvector under weight labels (the first field A, then B and C, the last unlabelled D), ranked by
/// `ts_rank` with the declared weights and length normalisation 1 (1 + log length), the closest of PostgreSQL's
/// built-ins to BM25.
struct PostgresFullTextIndex: FullTextIndex {
    let declaration: FullTextDeclaration
    var table: String { declaration.postgresTable }
    var key: String { declaration.postgresKey }
    var outerJoin: SQLQueryString { "JOIN" }
    /// PostgreSQL runs the facet listing on a second connection beside the ranking instead.
    var ranksAndListsInOneWalk: Bool { false }

    func put(id: Int64, fields: [[String]], countTerms: Bool, on db: any SQLDatabase) async throws {
        if declaration.logsChanges { try await ArticleIndexLog.record(id, engine: .postgres, on: db) }
        try await db.raw(
            """
            INSERT INTO \(ident: table) (\(ident: key), tsv) VALUES (\(bind: id), CAST(\(bind: vector(fields)) AS tsvector)) \
            ON CONFLICT (\(ident: key)) DO UPDATE SET tsv = EXCLUDED.tsv
            """
        ).run()
    }

    func remove(id: Int64, on db: any SQLDatabase) async throws {
        if declaration.logsChanges { try await ArticleIndexLog.record(id, engine: .postgres, on: db) }
        try await db.raw("DELETE FROM \(ident: table) WHERE \(ident: key) = \(bind: id)").run()
    }

    func clear(on db: any SQLDatabase) async throws {
        try await db.raw("TRUNCATE \(ident: table)").run()
    }

    func putBatch(_ documents: [(id: Int64, fields: [[String]])], on db: any SQLDatabase) async throws {
        for chunk in stride(from: 0, to: documents.count, by: 500) {
            var sql: SQLQueryString = "INSERT INTO \(ident: table) (\(ident: key), tsv) VALUES "
            for (i, d) in documents[chunk..<min(documents.count, chunk + 500)].enumerated() {
                sql = sql + (i == 0 ? "" : ", ") + "(\(bind: d.id), CAST(\(bind: vector(d.fields)) AS tsvector))"
            }
            // A record written by a live server while the rebuild runs is indexed again, not refused.
            try await db.raw(sql + " ON CONFLICT (\(ident: key)) DO UPDATE SET tsv = EXCLUDED.tsv").run()
        }
    }

    func finishRebuild(on db: any SQLDatabase) async throws {
        if declaration.logsChanges {
            try await ArticleIndexLog.record(ArticleIndexLog.everything, engine: .postgres, on: db)
        }
        try await db.raw("ANALYZE \(ident: table)").run()
    }

    func walk(_ query: FullTextQuery, filter: SQLQueryString?, limit: Int) -> SQLQueryString {
        // PostgreSQL evaluates ts_rank after the inner limit: only the newest `rankingCap` matches are scored.
        let join: SQLQueryString =
            filter.map { " JOIN \(ident: declaration.table) a ON a.id = s.\(ident: key) AND " + $0 } ?? ""
        return """
            SELECT s.\(ident: key) AS id, ts_rank('\(unsafeRaw: rankWeights)', s.tsv, q.q, 1) AS rel FROM \(ident: table) s\(join), \
            (SELECT CAST(\(bind: tsquery(query)) AS tsquery) AS q) q WHERE s.tsv @@ q.q \
            ORDER BY s.\(ident: key) DESC LIMIT \(unsafeRaw: String(FullTextLimits.rankingCap))
            """
    }

    func matchingIDs(_ query: FullTextQuery, limit: Int) -> SQLQueryString {
        """
        SELECT \(ident: key) AS id FROM \(ident: table) WHERE tsv @@ CAST(\(bind: tsquery(query)) AS tsquery) \
        LIMIT \(unsafeRaw: String(limit))
        """
    }

    func matchingIDs(_ query: FullTextQuery, filter: SQLQueryString, recordIndex: String?, limit: Int) -> SQLQueryString
    {
        """
        SELECT a.id AS id FROM \(ident: table) s JOIN \(ident: declaration.table) a ON a.id = s.\(ident: key) \
        WHERE s.tsv @@ CAST(\(bind: tsquery(query)) AS tsquery) AND \(filter) LIMIT \(unsafeRaw: String(limit))
        """
    }

    func joinedIDs(of rows: SQLQueryString) -> SQLQueryString {
        "(SELECT string_agg(CAST(id AS TEXT), ',') FROM (\(rows)) m)"
    }

    func documentFrequencies(_ tokens: [String], on db: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in Set(tokens) {
            let row = try await db.raw(
                "SELECT count(*) AS n FROM \(ident: table) WHERE tsv @@ CAST(\(bind: SearchExpressions.lexeme(token)) AS tsquery)"
            ).first()
            if let n = try row?.decode(column: "n", as: Int.self), n > 0 { counts[token] = n }
        }
        return counts
    }

    /// Each field's weight label: A, B, C for the first three, D (written without a label) for the last.
    var labels: [String] {
        declaration.fields.indices.map { i in i == declaration.fields.count - 1 ? "" : ["A", "B", "C"][min(i, 2)] }
    }

    /// `ts_rank`'s weights array, `{D, C, B, A}`, each field's weight relative to the heaviest; unused labels as D.
    var rankWeights: String {
        let heaviest = declaration.fields.map(\.weight).max() ?? 1
        var byLabel: [String: Double] = [:]
        for (field, label) in zip(declaration.fields, labels) { byLabel[label] = field.weight / heaviest }
        let d = byLabel[""] ?? 1
        return "{" + ["", "C", "B", "A"].map { String(byLabel[$0] ?? d) }.joined(separator: ",") + "}"
    }

    func vector(_ fields: [[String]]) -> String {
        SearchExpressions.tsvector(fields: Array(zip(fields, labels)))
    }

    func tsquery(_ query: FullTextQuery) -> String {
        let field = fieldIndex(query)
        guard field != nil || query.prefixLast else { return SearchExpressions.tsquery(query.tokens, all: query.all) }
        // `:*` is a prefix match; a weight label restricts the match to that field's positions.
        let label = field.map { labels[$0].isEmpty ? "D" : labels[$0] } ?? ""
        let parts = query.tokens.enumerated().map { i, t in
            let suffix = (query.prefixLast && i == query.tokens.count - 1 ? "*" : "") + label
            return SearchExpressions.lexeme(t) + (suffix.isEmpty ? "" : ":" + suffix)
        }
        return parts.joined(separator: query.all ? " & " : " | ")
    }
}
