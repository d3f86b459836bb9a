import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@Suite struct KnowledgeSearchTests {
    /// A small bilingual corpus: (title, body).
    static let corpus: [(String, String)] = [
        ("如何申请退款", "客户可以在订单页面申请退款，财务会在三个工作日内处理。"),
        ("退货流程", "商品退货需要保留原包装，快递单号填写在退货单上。"),
        ("发票开具说明", "增值税专用发票需要提供税号和开户行信息。"),
        ("Refunds for annual plans", "Refunds are processed within five business days after the request is approved."),
        (
            "Error E1024 on the HY-G300 router",
            "E1024 means the firmware update failed. Power cycle the HY-G300 and retry."
        ),
        ("Router firmware update", "Update the firmware from the admin page. Codes like E1025 mean a checksum error."),
        ("Invoice corrections", "To correct an invoice, cancel it and issue a new one with the right tax number."),
        ("Shipping delays", "Shipping can be delayed during holidays; customers are told by e-mail."),
    ]

    static func load(_ kb: KnowledgeRepository, _ f: Fixtures) async throws -> [Int64] {
        var ids: [Int64] = []
        for (i, (title, body)) in corpus.enumerated() {
            let zh = title.unicodeScalars.contains { $0.value > 0x2E80 }
            ids.append(
                try await f.publishedArticle(
                    kb, title: title, body: body, type: i % 2 == 0 ? .faq : .solution, language: zh ? .zh : .en
                ).id)
        }
        return ids
    }

    static func titles(_ kb: KnowledgeRepository, _ q: String, as p: Principal) async throws -> [String] {
        try await kb.search(ArticleSearchQuery(text: q), as: p).hits.map(\.article.title)
    }

    @Test(arguments: TestDatabase.engines)
    func chineseBigramsStemmedEnglishAndCodes(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            _ = try await Self.load(kb, f)
            #expect(try await Self.titles(kb, "退款", as: f.rep) == ["如何申请退款"])
            #expect(try await Self.titles(kb, "发票", as: f.rep) == ["发票开具说明"])
            #expect(try await Self.titles(kb, "退货", as: f.rep) == ["退货流程"])
            #expect(try await Self.titles(kb, "refunding", as: f.rep) == ["Refunds for annual plans"])
            #expect(try await Self.titles(kb, "processes", as: f.rep) == ["Refunds for annual plans"])
            #expect(try await Self.titles(kb, "E1024", as: f.rep) == ["Error E1024 on the HY-G300 router"])
            #expect(try await Self.titles(kb, "hy-g300", as: f.rep) == ["Error E1024 on the HY-G300 router"])
            #expect(try await Self.titles(kb, "E102", as: f.rep).isEmpty)
            // Every word must match; if none has them all, any word does.
            #expect(try await Self.titles(kb, "invoice tax", as: f.rep) == ["Invoice corrections"])
            let loose = try await kb.search(ArticleSearchQuery(text: "invoice holidays"), as: f.rep)
            #expect(
                !loose.matchedAll && Set(loose.hits.map(\.article.title)) == ["Invoice corrections", "Shipping delays"])
            // Snippets highlight what matched.
            let hit = try await kb.search(ArticleSearchQuery(text: "退款"), as: f.rep).hits[0]
            #expect(Snippet.html(hit.snippet).contains("<mark>退款</mark>"))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func fullTextSyntaxIsSearchedAsPlainText(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            _ = try await Self.load(kb, f)
            for q in [
                "\"refund", "refund*", "-refund", "^refund", "(refund", "refund NEAR invoice", "refund AND", "OR",
                "title:refund", "'", "\\",
                "a\u{0}b", String(repeating: "退款 refund ", count: 5_000), "", "   ", "\u{FFFD}\u{1F600}",
            ] {
                _ = try await kb.search(ArticleSearchQuery(text: q), as: f.rep)
                _ = try await kb.suggest(prefix: q, as: f.rep)
            }
            #expect(try await Self.titles(kb, "\"refunds\" AND (annual)", as: f.rep) == ["Refunds for annual plans"])
        }
    }

    @Test(arguments: TestDatabase.engines)
    func audiencesAreEnforcedInEveryRead(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let internalOnly = try await f.publishedArticle(
                kb, title: "Refund approval limits", body: "Agents approve refunds up to 500.")
            let everyone = try await f.publishedArticle(
                kb, title: "Refund timing", body: "Refunds arrive in five days.", audience: Audience(kind: .customers))
            let gold = try await f.publishedArticle(
                kb, title: "Refund priority for gold", body: "Gold customers get refunds first.",
                audience: Audience(kind: .segments, tiers: ["gold"])
            )
            let retail = try await f.publishedArticle(
                kb, title: "Refund rules in retail", body: "Retail refunds.",
                audience: Audience(kind: .segments, industries: ["Retail"]))
            let goldCustomer = try await f.customer(db, email: "gold@customer.test", tier: "gold", industry: "Energy")
            let silverRetail = try await f.customer(
                db, email: "silver@customer.test", tier: "silver", industry: "Retail")

            func seen(_ p: Principal) async throws -> Set<Int64> {
                Set(try await kb.search(ArticleSearchQuery(text: "refund"), as: p).hits.map(\.article.id))
            }
            #expect(try await seen(f.rep) == [internalOnly.id, everyone.id, gold.id, retail.id])
            #expect(try await seen(goldCustomer) == [everyone.id, gold.id])
            #expect(try await seen(silverRetail) == [everyone.id, retail.id])
            // Counts, facets, suggestions, related articles, lists and direct reads agree.
            let result = try await kb.search(ArticleSearchQuery(text: "refund"), as: goldCustomer)
            #expect(result.total == 2 && result.facets?.types["faq"] == 2)
            #expect(Set(try await kb.suggest(prefix: "refund", as: goldCustomer).map(\.id)) == [everyone.id, gold.id])
            #expect(
                Set(
                    try await kb.related(subject: "refund", description: "refunds approval", k: 10, as: goldCustomer)
                        .map(\.article.id)) == [
                        everyone.id, gold.id,
                    ])
            #expect(Set(try await kb.list(as: goldCustomer).articles.map(\.id)) == [everyone.id, gold.id])
            await #expect(throws: StoreError.notFound(entity: "articles", id: internalOnly.id)) {
                _ = try await kb.get(id: internalOnly.id, as: goldCustomer)
            }
            await #expect(throws: StoreError.self) {
                _ = try await kb.feedback(id: retail.id, helpful: true, comment: nil, as: goldCustomer)
            }
            await #expect(throws: AccessRefusal.self) {
                _ = try await kb.create(
                    ArticleInput(type: .faq, title: "x", body: "y", language: .en), as: goldCustomer)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func suggestionsFacetsAndRelated(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            _ = try await Self.load(kb, f)
            #expect(try await kb.suggest(prefix: "Refu", as: f.rep).map(\.title) == ["Refunds for annual plans"])
            #expect(try await kb.suggest(prefix: "router firm", as: f.rep).map(\.title) == ["Router firmware update"])
            #expect(try await kb.suggest(prefix: "退", as: f.rep).map(\.title).sorted() == ["如何申请退款", "退货流程"].sorted())
            #expect(try await kb.suggest(prefix: "申请退", as: f.rep).map(\.title) == ["如何申请退款"])
            let r = try await kb.search(
                ArticleSearchQuery(text: "firmware", filter: ArticleFacetFilter(types: [.solution])), as: f.rep)
            #expect(r.facets?.types == ["faq": 1, "solution": 1] && r.total == 1)
            let related = try await kb.related(
                subject: "HY-G300 shows E1024",
                description: "The router stopped during the firmware update and shows error E1024.", k: 2, as: f.rep)
            #expect(related.first?.article.title == "Error E1024 on the HY-G300 router" && related.count == 2)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func productFacetCountsAndFilters(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let product = try await RecordRepository(database: db).create(
                Catalog["products"],
                values: ["sku": .string("HY-G300"), "name": .string("Router"), "list_price": .int(100)], as: f.manager)
            let linked = try await f.publishedArticle(
                kb, title: "Router reset", body: "Hold reset.", productIDs: [product.id])
            _ = try await f.publishedArticle(kb, title: "Router lights", body: "What the lights mean.")
            let all = try await kb.search(ArticleSearchQuery(text: "router"), as: f.rep)
            #expect(all.total == 2 && all.facets?.products == [product.id: 1])
            let narrowed = try await kb.search(
                ArticleSearchQuery(text: "router", filter: ArticleFacetFilter(productID: product.id)), as: f.rep)
            #expect(narrowed.hits.map(\.article.id) == [linked.id] && narrowed.total == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func reindexRebuildsTheIndexAndFillsMissingPlainText(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let ids = try await Self.load(kb, f)
            // Drafts are not indexed; the newest three fill the rebuild's first batch (newest first) with nothing to index.
            for i in 0..<3 {
                let draft = ArticleInput(
                    type: .faq, title: "Draft refund note \(i)", body: "Unpublished text.", language: .en)
                _ = try await kb.create(draft, as: f.agent)
            }
            // Rows written before migration 8 (or by a bulk load) have no stored plain text.
            try await db.write { sql in try await sql.raw("UPDATE articles SET plain_text = NULL").run() }
            // Until the rebuild, a hit's snippet is made from its Markdown body.
            let snippet = try await kb.search(ArticleSearchQuery(text: "E1024"), as: f.rep).hits.first?.snippet ?? []
            #expect(snippet.contains { $0.hit && $0.text.lowercased() == "e1024" })
            #expect(try await kb.reindex(batch: 3) == ids.count)
            #expect(try await Self.titles(kb, "退款", as: f.rep) == ["如何申请退款"])
            #expect(try await Self.titles(kb, "unpublished", as: f.rep).isEmpty)
            #expect(try await Self.titles(kb, "E1024", as: f.rep) == ["Error E1024 on the HY-G300 router"])
            let missing = try await db.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM articles WHERE plain_text IS NULL").first()!.decode(
                    column: "n", as: Int.self)
            }
            #expect(missing == 0)
            // A second rebuild gives the same results.
            #expect(try await kb.reindex() == ids.count)
            #expect(try await Self.titles(kb, "invoice tax", as: f.rep) == ["Invoice corrections"])
        }
    }

    /// The blend reads each candidate's own freshness and quality (the ranking statement joins them to its matches):
    /// of two articles with the same text, the stale, badly rated one ranks second, and each hit's scores are the
    /// ones its article shows — with facets (one statement on SQLite) and without.
    @Test(arguments: TestDatabase.engines)
    func rankingBlendsEachCandidatesFreshnessAndQuality(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let text = "Hold the power button for ten seconds to reboot the router."
            let stale = try await f.publishedArticle(kb, title: "Router reboot steps", body: text)
            let fresh = try await f.publishedArticle(kb, title: "Router reboot steps", body: text, type: .solution)
            try await db.write { sql in
                try await sql.raw(
                    "UPDATE articles SET verified_at = '2024-11-01T08:00:00.000Z', unhelpful_count = 6, view_count = 40 WHERE id = \(bind: stale.id)"
                ).run()
            }
            let now = Timestamp.parse(Timestamp.now())!
            for facets in [true, false] {
                let r = try await kb.search(ArticleSearchQuery(text: "router reboot", includeFacets: facets), as: f.rep)
                #expect(r.hits.map(\.article.id) == [fresh.id, stale.id])
                #expect(r.hits.allSatisfy { abs($0.relevance - 1) < 1e-9 })
                for hit in r.hits {
                    #expect(
                        abs(hit.freshness - hit.article.freshness(nowMilliseconds: now)) < 1e-6
                            && hit.quality == hit.article.quality)
                }
                #expect(r.hits[1].badge == .stale && r.hits[1].quality < r.hits[0].quality)
                #expect(facets ? r.facets?.types == ["faq": 1, "solution": 1] : r.facets == nil)
            }
        }
    }

    /// Facet counts without a filter (on SQLite listed by the ranking statement itself) agree with the totals of
    /// the same search narrowed to each value (counted by a separate statement), for an all-words and an any-word
    /// query.
    @Test(arguments: TestDatabase.engines)
    func facetCountsAgreeWithNarrowedTotals(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            _ = try await Self.load(kb, f)
            for q in ["refunds", "invoice holidays", "firmware update"] {
                let r = try await kb.search(ArticleSearchQuery(text: q), as: f.rep)
                let types = try #require(r.facets?.types)
                #expect(!types.isEmpty && types.values.reduce(0, +) == r.total, "query \(q)")
                for (type, n) in types {
                    let filter = ArticleFacetFilter(types: [ArticleType(rawValue: type)!])
                    let narrowed = try await kb.search(ArticleSearchQuery(text: q, filter: filter), as: f.rep)
                    #expect(narrowed.total == n && narrowed.facets?.types == types, "query \(q), type \(type)")
                }
            }
        }
    }

    /// PostgreSQL's ranking must agree with SQLite's on the test corpus (only when both engines are configured).
    @Test func bothEnginesRankTheCorpusAlike() async throws {
        guard TestDatabase.engines.contains(.postgres) else { return }
        let queries = [
            "refund", "退款", "invoice", "firmware", "E1024", "router update", "发票", "customers", "update firmware error",
        ]
        func tops(_ engine: Engine) async throws -> [[String]] {
            try await TestDatabase.with(engine) { db in
                let f = try await Fixtures.make(db)
                let kb = KnowledgeRepository(database: db)
                _ = try await Self.load(kb, f)
                var out: [[String]] = []
                for q in queries { out.append(Array(try await Self.titles(kb, q, as: f.rep).prefix(3))) }
                return out
            }
        }
        let lite = try await tops(.sqlite)
        let pg = try await tops(.postgres)
        for (i, q) in queries.enumerated() {
            #expect(lite[i] == pg[i], "query \(q)")
            #expect(!lite[i].isEmpty, "query \(q)")
        }
    }
}
