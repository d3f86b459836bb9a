import LoreCore
import LoreTestSupport
import Testing

@testable import LoreStore

/// Facet counts come from in-memory columns (``ArticleFacetCache``) that follow the index log; these tests fail if
/// a change to the index — made through this repository or through another process's — is not counted.
@Suite struct FacetCacheTests {
    @Test func columnsCountTypesLanguagesCategoriesAndProducts() {
        var c = FacetColumns()
        c.set(3, .init(type: .faq, language: .en, categoryID: 7, productIDs: [11, 12]))
        c.set(5, .init(type: .howTo, language: .zh, categoryID: nil, productIDs: [12]))
        c.set(9, .init(type: .faq, language: .zh, categoryID: 7, productIDs: []))
        c.set(9, .init(type: .faq, language: .zh, categoryID: 8, productIDs: [13]))  // replaced, not added
        c.set(200, .init(type: .lessonLearned, language: .en, categoryID: nil, productIDs: []))
        c.set(200, nil)
        c.set(201, nil)  // removing what was never there changes nothing
        #expect(c.count == 3)
        #expect(c.entry(9) == .init(type: .faq, language: .zh, categoryID: 8, productIDs: [13]))
        #expect(c.entry(200) == nil && c.entry(-1) == nil && c.entry(10_000) == nil)
        // Ids not in the index (4, 200, and ones beyond the arrays) are not counted.
        let all = c.count([3, 4, 5, 9, 200, 50_000], filter: ArticleFacetFilter())
        #expect(all.counted == 3 && all.passing == 3)
        #expect(all.facets.types == ["faq": 2, "how_to": 1] && all.facets.languages == ["en": 1, "zh": 2])
        #expect(all.facets.categories == [7: 1, 8: 1] && all.facets.products == [11: 1, 12: 2, 13: 1])
        // The page's filters narrow only the passing count; the facets still show every value.
        #expect(c.count([3, 5, 9], filter: ArticleFacetFilter(types: [.faq])).passing == 2)
        #expect(c.count([3, 5, 9], filter: ArticleFacetFilter(types: [.faq], language: .zh)).passing == 1)
        #expect(c.count([3, 5, 9], filter: ArticleFacetFilter(categoryID: 7)).passing == 1)
        #expect(c.count([3, 5, 9], filter: ArticleFacetFilter(productID: 12)).passing == 2)
        // The most linked products are kept, ties broken by id.
        #expect(c.count([3, 5, 9], filter: ArticleFacetFilter(), productLimit: 2).facets.products == [11: 1, 12: 2])
    }

    @Test func idListsAreParsed() {
        #expect(KnowledgeSearch.parseIDs("") == [])
        #expect(KnowledgeSearch.parseIDs("7") == [7])
        #expect(KnowledgeSearch.parseIDs("1,22,333,9223372036854775807") == [1, 22, 333, Int64.max])
    }

    @Test(arguments: TestDatabase.engines)
    func countsFollowChangesMadeByAnyProcess(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            // Two repositories with their own caches stand for two processes on one database.
            let writer = KnowledgeRepository(database: db)
            let other = KnowledgeRepository(database: db)
            let records = RecordRepository(database: db)
            let routers = try await records.create(
                Catalog["article_categories"], values: ["name": .string("Routers")], as: f.knowledgeManager
            ).id
            let product = try await records.create(
                Catalog["products"],
                values: ["sku": .string("HY-G300"), "name": .string("Router"), "list_price": .int(100)], as: f.manager
            ).id
            let a = try await f.publishedArticle(
                writer, title: "Router reset", body: "Hold reset.", productIDs: [product])
            let b = try await f.publishedArticle(
                writer, title: "路由器 router 指示灯", body: "Lights.", type: .solution, language: .zh)
            func facets() async throws -> (ArticleFacets?, Int) {
                let r = try await other.search(ArticleSearchQuery(text: "router"), as: f.rep)
                return (r.facets, r.total)
            }
            var (seen, total) = try await facets()
            #expect(total == 2 && seen?.types == ["faq": 1, "solution": 1] && seen?.languages == ["en": 1, "zh": 1])
            #expect(seen?.products == [product: 1] && seen?.categories == [:])

            // An edit in place re-indexes the article: the other cache catches up on its next search.
            var input = ArticleInput(a)
            (input.type, input.categoryID, input.productIDs) = (.howTo, routers, [])
            _ = try await writer.update(id: a.id, input, as: f.knowledgeManager)
            (seen, total) = try await facets()
            #expect(
                seen?.types == ["how_to": 1, "solution": 1] && seen?.categories == [routers: 1] && seen?.products == [:]
            )
            let narrowed = try await other.search(
                ArticleSearchQuery(text: "router", filter: ArticleFacetFilter(categoryID: routers)), as: f.rep)
            #expect(narrowed.total == 1 && narrowed.hits.map(\.article.id) == [a.id])

            // Archiving takes an article out of the counts.
            _ = try await writer.archive(id: b.id, as: f.knowledgeManager)
            (seen, total) = try await facets()
            #expect(total == 1 && seen?.types == ["how_to": 1] && seen?.languages == ["en": 1])

            // A rebuilt index tells every cache to reload: a change written behind the index's back shows after it.
            try await db.write { sql in
                try await sql.raw("UPDATE articles SET type = 'faq' WHERE id = \(bind: a.id)").run()
            }
            _ = try await writer.reindex()
            (seen, _) = try await facets()
            #expect(seen?.types == ["faq": 1])

            // A cache further behind than the log keeps reloads everything rather than miss a change.
            try await db.write { sql in
                try await sql.raw("UPDATE articles SET language = 'zh' WHERE id = \(bind: a.id)").run()
                for _ in 0..<ArticleIndexLog.kept {
                    try await sql.raw("INSERT INTO article_index_log (article_id) VALUES (\(bind: b.id))").run()
                }
            }
            (seen, _) = try await facets()
            #expect(seen?.languages == ["zh": 1])
        }
    }

    /// Searches that arrive while a catch-up runs wait for it, and one that asks for a position the catch-up does not
    /// reach (its reader was on an older snapshot) still gets an answer: before this, the second caller looped on
    /// the finished catch-up without ever letting it clear itself, and the whole test run hung.
    @Test(arguments: TestDatabase.engines)
    func searchesWaitingOnACatchUpAllReturn(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            _ = try await f.publishedArticle(kb, title: "Router reset", body: "Hold reset.")
            let latest = try await db.read { sql in try await ArticleIndexLog.latest(on: sql) }
            let cache = ArticleFacetCache()
            let counts = try await Self.within(seconds: 30) {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    // Positions up to five past the log's end: those are never reached.
                    for k in 0..<8 {
                        group.addTask { try await cache.columns(through: latest + Int64(k % 6), database: db).count }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            #expect(counts == Array(repeating: 1, count: 8))
        }
    }

    /// `body`'s result, or nil if it has not finished within `seconds` (it is left running; the test fails on nil).
    static func within<T: Sendable>(seconds: Int, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        let outcome = Outcome<T>()
        Task {
            do { await outcome.set(.success(try await body())) } catch { await outcome.set(.failure(error)) }
        }
        for _ in 0..<(seconds * 20) {
            if let result = await outcome.result { return try result.get() }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    actor Outcome<T: Sendable> {
        var result: Result<T, any Error>?
        func set(_ r: Result<T, any Error>) { result = r }
    }
}
