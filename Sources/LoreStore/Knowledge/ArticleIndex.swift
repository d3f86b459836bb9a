import LoreCore
import SQLKit

/// The full-text index of published articles. The analysed tokens are the same on both engines; only the storage
/// (FTS5 vs a GIN-indexed tsvector) and the ranking function differ, side by side here.
enum ArticleIndex {
    static let analyzer = TextAnalyzer()

    /// The tokens an article is findable by: its title, and its body (as plain text) with tags.
    static func documentTokens(_ a: Article) -> (title: [String], body: [String]) {
        let title = analyzer.tokens(a.title, mode: .index)
        let body = analyzer.tokens(Markdown.plainText(a.body) + "\n" + a.tags.joined(separator: " "), mode: .index)
        return (title, body)
    }

    static func put(_ a: Article, engine: Engine, on db: any SQLDatabase) async throws {
        let (title, body) = documentTokens(a)
        try await ArticleIndexLog.record(a.id, engine: engine, on: db)
        switch engine {
        case .sqlite:
            let rowid = try ArticleFTSRowid.make(id: a.id, length: title.count + body.count)
            try await SearchTerms.replace(.articles, id: a.id, with: Set(title + body), on: db)
            try await deleteRow(of: a.id, on: db)
            try await db.raw(
                "INSERT INTO article_fts (rowid, title, body) VALUES (\(bind: rowid), \(bind: title.joined(separator: " ")), \(bind: body.joined(separator: " ")))"
            ).run()
        case .postgres:
            let vector = SearchExpressions.tsvector(title: title, body: body)
            try await db.raw(
                """
                INSERT INTO article_search (article_id, tsv) VALUES (\(bind: a.id), CAST(\(bind: vector) AS tsvector))
                ON CONFLICT (article_id) DO UPDATE SET tsv = EXCLUDED.tsv
                """
            ).run()
        }
    }

    static func remove(id: Int64, engine: Engine, on db: any SQLDatabase) async throws {
        try await ArticleIndexLog.record(id, engine: engine, on: db)
        switch engine {
        case .sqlite:
            try await SearchTerms.replace(.articles, id: id, with: [], on: db)
            try await deleteRow(of: id, on: db)
        case .postgres: try await db.raw("DELETE FROM article_search WHERE article_id = \(bind: id)").run()
        }
    }

    /// The article's row, whatever length its rowid carries.
    private static func deleteRow(of id: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM article_fts WHERE \(ArticleFTSRowid.row(of: id))").run()
    }

    /// Ranking is bounded: a query matching more than this many articles is ranked among the most recent this many
    /// of them, so one very common word cannot make a search scan a million documents. (README: "Search".)
    static let rankingCap = 5_000

    /// SQL for the ids matching a full-text expression with their relevance (higher is better), best first.
    /// `filter` is an extra condition on `a` (the articles table); `limit` caps the rows.
    static func matches(
        tokens: [String], all: Bool, titleOnly: Bool = false, prefixLast: Bool = false, engine: Engine, filter: SQLQueryString?, limit: Int
    ) -> SQLQueryString {
        let cap = String(rankingCap)
        let top = String(limit)
        switch engine {
        case .sqlite:
            let walk = sqliteWalk(tokens: tokens, all: all, titleOnly: titleOnly, prefixLast: prefixLast, filter: filter, limit: limit)
            return "SELECT id, rel FROM (\(walk)) ORDER BY rel DESC, id LIMIT \(unsafeRaw: top)"
        case .postgres:
            var query = SearchExpressions.tsquery(tokens, all: all)
            if titleOnly || prefixLast {
                // Weight A marks title positions; `:*` is a prefix match.
                let parts = tokens.enumerated().map { i, t in
                    SearchExpressions.lexeme(t) + ":" + (prefixLast && i == tokens.count - 1 ? "*" : "") + (titleOnly ? "A" : "")
                }
                query = parts.joined(separator: all ? " & " : " | ")
            }
            // ts_rank with the title (weight A) four times the body and length normalisation 1 (1 + log length),
            // the closest of PostgreSQL's built-ins to FTS5's bm25; PostgreSQL evaluates it after the inner limit.
            let join: SQLQueryString = filter.map { " JOIN articles a ON a.id = s.article_id AND " + $0 } ?? ""
            return """
                SELECT id, rel FROM (SELECT s.article_id AS id, ts_rank('{0.25,0.25,0.25,1.0}', s.tsv, q.q, 1) AS rel \
                FROM article_search s\(join), (SELECT CAST(\(bind: query) AS tsquery) AS q) q WHERE s.tsv @@ q.q \
                ORDER BY s.article_id DESC LIMIT \(unsafeRaw: cap)) c ORDER BY rel DESC, id LIMIT \(unsafeRaw: top)
                """
        }
    }

    /// SQLite: the matches' ids and relevance in index order (newest first), up to ``rankingCap`` of them, unsorted
    /// by relevance. `limit` is how many of the best the caller will take.
    static func sqliteWalk(
        tokens: [String], all: Bool, titleOnly: Bool = false, prefixLast: Bool = false, filter: SQLQueryString?, limit: Int
    ) -> SQLQueryString {
        var expr = SearchExpressions.fts5(tokens, all: all)
        if prefixLast { expr += "*" }
        if titleOnly { expr = "{title} : (\(expr))" }
        // BM25 with the title weighted four times the body, lower-is-better as FTS5 has it, so negated.
        // lore_bm25_rowid (Sources/CLoreRank) is bm25() with the document frequencies read from search_terms and
        // each document's length read from its rowid (ArticleFTSRowid). The walk follows rowid order, which is newest
        // first, and stops at the cap; only those rows are scored.
        let frequencies = SearchTerms.frequencyArguments(.articles, tokens: prefixLast ? Array(tokens.dropLast()) : tokens)
        let rank: SQLQueryString = "-lore_bm25_rowid(article_fts, \(unsafeRaw: String(limit)), 4.0, 1.0\(frequencies))"
        let id = ArticleFTSRowid.articleID
        let cap = String(rankingCap)
        guard let filter else {
            // The index holds published articles only, so a staff search needs nothing but the index.
            return """
                SELECT \(id) AS id, \(rank) AS rel FROM article_fts WHERE article_fts MATCH \(bind: expr) \
                ORDER BY article_fts.rowid LIMIT \(unsafeRaw: cap)
                """
        }
        // CROSS JOIN keeps the full-text index as the outer loop: left to itself the planner may scan articles by
        // status and probe the index once per row, which is a thousand times slower on a large base.
        return """
            SELECT a.id AS id, \(rank) AS rel FROM article_fts CROSS JOIN articles a ON a.id = \(id) \
            WHERE article_fts MATCH \(bind: expr) AND \(filter) ORDER BY article_fts.rowid LIMIT \(unsafeRaw: cap)
            """
    }
}
