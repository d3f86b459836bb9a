import LoreCore
import SQLKit

/// The full-text index of solved cases (subject, description and resolution), engine by engine like ``ArticleIndex``.
enum CaseIndex {
    static let analyzer = TextAnalyzer()

    /// `countTerms: false` leaves search_terms alone, for a bulk rebuild that recounts them at the end.
    static func put(_ c: ServiceCase, engine: Engine, countTerms: Bool = true, on db: any SQLDatabase) async throws {
        let tokens = analyzer.tokens(
            String((c.subject + "\n" + c.subject + "\n" + c.description + "\n" + (c.resolution ?? "")).prefix(50_000)), mode: .index)
        switch engine {
        case .sqlite:
            if countTerms { try await SearchTerms.replace(.cases, id: c.id, with: Set(tokens), on: db) }
            try await db.raw("DELETE FROM case_fts WHERE rowid = \(bind: c.id)").run()
            try await db.raw("INSERT INTO case_fts (rowid, body) VALUES (\(bind: c.id), \(bind: tokens.joined(separator: " ")))").run()
        case .postgres:
            let vector = SearchExpressions.tsvector(title: [], body: tokens)
            try await db.raw(
                """
                INSERT INTO case_search (case_id, tsv) VALUES (\(bind: c.id), CAST(\(bind: vector) AS tsvector))
                ON CONFLICT (case_id) DO UPDATE SET tsv = EXCLUDED.tsv
                """
            ).run()
        }
    }

    static func remove(id: Int64, engine: Engine, on db: any SQLDatabase) async throws {
        switch engine {
        case .sqlite:
            try await SearchTerms.replace(.cases, id: id, with: [], on: db)
            try await db.raw("DELETE FROM case_fts WHERE rowid = \(bind: id)").run()
        case .postgres: try await db.raw("DELETE FROM case_search WHERE case_id = \(bind: id)").run()
        }
    }

    /// Ids of solved cases matching any of the tokens, best first. Bounded like article search (newest 5,000 matches).
    static func matches(tokens: [String], engine: Engine, limit: Int) -> SQLQueryString {
        let cap = String(ArticleIndex.rankingCap)
        let top = String(limit)
        switch engine {
        case .sqlite:
            return """
                SELECT id, rel FROM (SELECT rowid AS id, -lore_bm25(case_fts, \(unsafeRaw: top), 1.0\(SearchTerms.frequencyArguments(.cases, tokens: tokens))) AS rel \
                FROM case_fts WHERE case_fts MATCH \
                \(bind: SearchExpressions.fts5(tokens, all: false)) ORDER BY rowid DESC LIMIT \(unsafeRaw: cap)) ORDER BY rel DESC, id LIMIT \(unsafeRaw: top)
                """
        case .postgres:
            return """
                SELECT id, rel FROM (SELECT s.case_id AS id, ts_rank(s.tsv, q.q, 1) AS rel FROM case_search s, \
                (SELECT CAST(\(bind: SearchExpressions.tsquery(tokens, all: false)) AS tsquery) AS q) q WHERE s.tsv @@ q.q \
                ORDER BY s.case_id DESC LIMIT \(unsafeRaw: cap)) c ORDER BY rel DESC, id LIMIT \(unsafeRaw: top)
                """
        }
    }
}
