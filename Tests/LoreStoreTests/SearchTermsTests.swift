import Foundation
import LoreCore
import LoreStore
import LoreTestSupport
import SQLKit
import Testing

/// SQLite's ranking reads document frequencies from search_terms (lore_bm25): the counts must follow every change
/// to the index, and the scores must be FTS5's own bm25().
@Suite struct SearchTermsTests {
    /// search_terms' counts and FTS5's own, token by token; equal when the table is right.
    static func counts(_ db: any LoreDatabase) async throws -> (stored: [String: Int], actual: [String: Int]) {
        try await db.write { sql in
            let stored = try await sql.raw("SELECT token, df FROM search_terms WHERE index_name = 'article'").all().map
            {
                (try $0.decode(column: "token", as: String.self), try $0.decode(column: "df", as: Int.self))
            }
            try await sql.raw(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab USING fts5vocab(main, article_fts, row)"
            ).run()
            let actual = try await sql.raw("SELECT term, doc FROM temp.check_vocab").all().map {
                (try $0.decode(column: "term", as: String.self), try $0.decode(column: "doc", as: Int.self))
            }
            try await sql.raw("DROP TABLE temp.check_vocab").run()
            return (Dictionary(uniqueKeysWithValues: stored), Dictionary(uniqueKeysWithValues: actual))
        }
    }

    @Test func frequenciesFollowPublishingEditingArchivingAndReindexing() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let ids = try await KnowledgeSearchTests.load(kb, f)
            var (stored, actual) = try await Self.counts(db)
            #expect(!stored.isEmpty && stored == actual && stored["退款"] == 1 && stored["e1024"] == 1)
            // An edit in place re-indexes the article: words it lost are counted down, new ones up.
            let old = try await kb.get(id: ids[4], as: f.knowledgeManager)
            let input = ArticleInput(
                type: old.type, title: "Error E1024 on the HY-G300 router",
                body: "Reset the router to factory settings.", language: .en)
            _ = try await kb.update(id: ids[4], input, as: f.knowledgeManager)
            (stored, actual) = try await Self.counts(db)
            #expect(stored == actual)
            #expect(
                stored["factory"] == 1 && stored["cycle"] == nil && stored["power"] == nil, "\(stored.keys.sorted())")
            _ = try await kb.archive(id: ids[0], as: f.knowledgeManager)
            (stored, actual) = try await Self.counts(db)
            #expect(stored == actual && stored["退款"] == nil)
            // Rebuilding from scratch gives the same counts.
            try await db.write { sql in try await sql.raw("UPDATE search_terms SET df = df + 5").run() }
            _ = try await kb.reindex()
            (stored, actual) = try await Self.counts(db)
            #expect(stored == actual)
        }
    }

    /// All three of Lore's scorings — frequencies stored or counted, lengths looked up or read from the rowid —
    /// give bm25()'s scores.
    @Test func loreBM25ScoresAsFTS5sBM25() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let f = try await Fixtures.make(db)
            _ = try await KnowledgeSearchTests.load(KnowledgeRepository(database: db), f)
            for (expression, tokens) in [
                ("\"e1024\"", ["e1024"]), ("\"router\" OR \"firmwar\" OR \"退款\"", ["router", "firmwar", "退款"]),
            ] {
                var args: SQLQueryString = ""
                for t in tokens {
                    args = args + ", (SELECT df FROM search_terms WHERE index_name = 'article' AND token = \(bind: t))"
                }
                let dfs = args
                let rows = try await db.read { sql in
                    try await sql.raw(
                        """
                        SELECT bm25(article_fts, 4.0, 1.0) AS builtin, lore_bm25(article_fts, 0, 4.0, 1.0\(dfs)) AS stored, \
                        lore_bm25(article_fts, 0, 4.0, 1.0) AS counted, lore_bm25_rowid(article_fts, 70, 4.0, 1.0\(dfs)) AS keyed \
                        FROM article_fts WHERE article_fts MATCH \(bind: expression)
                        """
                    ).all()
                }
                #expect(!rows.isEmpty)
                for row in rows {
                    let builtin = try row.decode(column: "builtin", as: Double.self)
                    #expect(builtin < 0)
                    #expect(abs(try row.decode(column: "stored", as: Double.self) - builtin) < 1e-9)
                    #expect(abs(try row.decode(column: "counted", as: Double.self) - builtin) < 1e-9)
                    // The length carried in the rowid (ArticleFTSRowid) is the one FTS5 counts.
                    #expect(abs(try row.decode(column: "keyed", as: Double.self) - builtin) < 1e-9)
                }
            }
        }
    }

    /// Top-k pruning skips the length of rows that cannot be among the k best: the k best must be exactly the
    /// k best of exact scoring, in the same order with the same scores, whatever the query.
    @Test func pruningKeepsTheExactTopK() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let words = (0..<40).map { "w\($0)" }
            var rng = SeededRandom(seed: 42)
            func text(_ n: Int) -> String {
                // Skewed like real text: low-numbered words are common.
                (0..<n).map { _ in words[Int(Double(words.count) * pow(Double(rng.next() % 1000) / 1000, 2))] }.joined(
                    separator: " ")
            }
            let docs = (0..<600).map { _ in (text(Int(rng.next() % 6) + 2), text(Int(rng.next() % 80) + 5)) }
            try await db.write { sql in
                try await sql.raw("CREATE VIRTUAL TABLE temp.prune_check USING fts5(title, body)").run()
                for (title, body) in docs {
                    try await sql.raw(
                        "INSERT INTO temp.prune_check (title, body) VALUES (\(bind: title), \(bind: body))"
                    ).run()
                }
            }
            for expression in ["w0", "w1 OR w7", "w3 OR w12 OR w30", "w2 AND w5", "w39 OR w0", "w8"] {
                for k in [1, 5, 20] {
                    let (exact, pruned) = try await db.write { sql in
                        func top(_ limit: Int) async throws -> [String] {
                            try await sql.raw(
                                """
                                SELECT id, rel FROM (SELECT rowid AS id, -lore_bm25(prune_check, \(unsafeRaw: String(limit)), 4.0, 1.0) AS rel \
                                FROM prune_check WHERE prune_check MATCH \(bind: expression) ORDER BY rowid DESC LIMIT 400) ORDER BY rel DESC, id LIMIT \(unsafeRaw: String(k))
                                """
                            ).all().map {
                                "\(try $0.decode(column: "id", as: Int64.self)):\(try $0.decode(column: "rel", as: Double.self))"
                            }
                        }
                        return (try await top(0), try await top(k))
                    }
                    #expect(!exact.isEmpty && exact == pruned, "\(expression) k=\(k)")
                }
            }
        }
    }
}
