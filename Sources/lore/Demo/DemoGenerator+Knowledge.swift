import LoreCore
import LoreServer
import LoreStore
import SQLKit

extension DemoGenerator {
    /// The knowledge base, written through the repository so it has versions, reviews and an index like real use:
    /// articles in every state, a proposed edit, feedback, some past their verify-by date, and a portal customer.
    mutating func makeKnowledge() async throws -> Int {
        let kb = KnowledgeRepository(database: database)
        let users = UserRepository(database: database)
        func principal(_ email: String) async throws -> Principal {
            try await users.principal(userID: try self.users[email].demoRequired("user \(email)")).demoRequired(
                "principal \(email)")
        }
        let km = try await principal("km@lore.demo")
        let authors = [
            try await principal("senior@lore.demo"), try await principal("agent@lore.demo"),
            try await principal("agent2@lore.demo"), km,
        ]
        let records = RecordRepository(database: database)
        var categories: [String: Int64] = [:]
        for (name, parent) in DemoKnowledge.categories {
            var values: [String: FieldValue] = ["name": .string(name)]
            if let parent, let pid = categories[parent] { values["parent_id"] = .int(pid) }
            categories[name] = try await records.create(Catalog["article_categories"], values: values, as: km).id
        }
        var items: [(DemoKnowledge.Template, Int64?)] = DemoKnowledge.general.map { ($0, nil) }
        let catalogue = DemoVocabulary.catalogue.flatMap(\.2)
        for (i, (sku, name, _)) in catalogue.enumerated() where i < products.count {
            for template in DemoKnowledge.perProduct {
                let fill = { (s: String) in
                    s.replacingOccurrences(of: "{sku}", with: sku).replacingOccurrences(of: "{product}", with: name)
                }
                items.append(
                    (
                        (
                            template.0, template.1, template.2, fill(template.3), fill(template.4),
                            template.5.map(fill), template.6
                        ), products[i].id
                    ))
            }
        }
        let published = try await writeArticles(items, categories: categories, authors: authors, reviewer: km)
        try await reviseSomeArticles(published, kb: kb, editors: [km])
        try await ageSomeVerifications(published)
        try await giveFeedback(published, principal: principal)
        if let first = published.first {
            let a = try await kb.get(id: first, as: km)
            _ = try await kb.propose(
                id: first, title: a.title, body: a.body + "\n\n部分商品（定制产品）不支持退款。", tags: nil, note: "补充定制商品说明",
                as: try await principal("agent2@lore.demo"))
        }
        try await addPortalCustomer(users)
        return items.count + categories.count
    }

    /// Writes the articles in every state (most published, some drafts, some in review); returns the published ids.
    func writeArticles(
        _ items: [(DemoKnowledge.Template, Int64?)], categories: [String: Int64], authors: [Principal],
        reviewer km: Principal
    ) async throws -> [Int64] {
        let kb = KnowledgeRepository(database: database)
        var published: [Int64] = []
        for (n, (t, product)) in items.enumerated() {
            let author = authors[n % authors.count]
            var input = ArticleInput(
                type: t.0, title: t.3, body: t.4, language: t.1, categoryID: categories[t.2], tags: t.5,
                productIDs: product.map { [$0] } ?? [],
                competitorIDs: t.0 == .competitorBrief ? Array(competitors.prefix(2)) : [],
                audience: Audience(kind: t.6))
            if t.6 == .customers && n % 7 == 3 {
                input.audience = Audience(kind: .segments, tiers: ["platinum", "gold"])
            }
            let a = try await kb.create(input, as: author)
            switch n % 10 {
            case 8: continue  // stays a draft
            case 9: _ = try await kb.submit(id: a.id, as: author)  // waits in the review queue
            default:
                _ = try await kb.submit(id: a.id, as: author)
                _ = try await kb.approve(id: a.id, comment: nil, as: km)
                published.append(a.id)
            }
        }
        return published
    }

    /// Some articles were edited after publishing (one, two or three times), so history and the diff show something.
    func reviseSomeArticles(_ published: [Int64], kb: KnowledgeRepository, editors: [Principal]) async throws {
        let notes = [
            ("补充适用范围 / Scope clarified", "\n\n> 适用于 2024 年之后出厂的设备。Applies to units made after 2024."),
            ("更新联系方式 / Contact updated", "\n\n如仍无法解决，请致电 400-800-1234。Still stuck? Call 400-800-1234."),
            ("补充截图说明 / Steps reworded", "\n\n提示：操作前请先备份配置。Tip: back up the configuration first."),
        ]
        for (i, id) in published.enumerated() where i % 9 == 1 {
            for round in 0...(i % 3) {
                let a = try await kb.get(id: id, as: editors[0])
                var input = ArticleInput(a)
                input.body += notes[round].1
                _ = try await kb.update(id: id, input, note: notes[round].0, as: editors[0])
            }
        }
    }

    func ageSomeVerifications(_ published: [Int64]) async throws {
        // Some articles were verified long ago, so the needs-review queue and the freshness badges have something to show.
        let stale = published.enumerated().filter { $0.offset % 6 == 0 }
        let now = self.now
        let day = Self.day
        try await database.write { db in
            for (i, id) in stale {
                let old = Timestamp.format(epochMilliseconds: now - Int64(200 + i) * day)
                try await db.update("articles").where("id", .equal, SQLBind(id)).set("verified_at", to: SQLBind(old))
                    .set(
                        "verify_by",
                        to: SQLBind(String(Timestamp.format(epochMilliseconds: now - Int64(20 + i) * day).prefix(10)))
                    ).run()
            }
        }
    }

    func giveFeedback(_ published: [Int64], principal: (String) async throws -> Principal) async throws {
        let kb = KnowledgeRepository(database: database)
        let readers = [
            "rep.east@lore.demo", "rep.north@lore.demo", "agent2@lore.demo", "manager@lore.demo",
            "service.manager@lore.demo",
        ]
        for (i, id) in published.enumerated() {
            for (j, email) in readers.enumerated() where (i + j) % 3 == 0 {
                _ = try await kb.feedback(
                    id: id, helpful: (i + j) % 5 != 0, comment: (i + j) % 5 == 0 ? "步骤不完整 Steps are incomplete" : nil,
                    as: try await principal(email))
            }
        }
    }

    func addPortalCustomer(_ users: UserRepository) async throws {
        // A portal customer on a gold account, to see the knowledge base as a customer does.
        if let account = accounts.first, try await users.find(email: "customer@lore.demo") == nil {
            try await database.write { db in
                try await db.update("accounts").where("id", .equal, SQLBind(account.id)).set(
                    "value_tier", to: SQLBind("gold")
                ).run()
            }
            let hash = try await PasswordHasher(cost: 10).hash(DemoPlan.password)
            _ = try await users.create(
                email: "customer@lore.demo", name: "客户 \(account.name)", role: .customer, teamID: nil,
                passwordHash: hash, accountID: account.id)
        }
    }
}
