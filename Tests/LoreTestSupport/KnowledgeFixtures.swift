import LoreCore
import LoreStore

extension Fixtures {
    /// A portal customer whose account has the given value tier and industry.
    public func customer(
        _ db: any LoreDatabase, email: String, tier: String?, industry: String?, passwordHash: String = dummyHash
    ) async throws
        -> Principal
    {
        var values: [String: FieldValue] = ["name": .string("Customer account \(email)"), "kind": .string("company")]
        if let tier { values["value_tier"] = .string(tier) }
        if let industry { values["industry"] = .string(industry) }
        let account = try await RecordRepository(database: db).create(Catalog["accounts"], values: values, as: admin)
        let users = UserRepository(database: db)
        let u = try await users.create(
            email: email, name: "Customer \(email)", role: .customer, teamID: nil, passwordHash: passwordHash,
            accountID: account.id)
        return try await users.principal(userID: u.id)!
    }

    /// Writes an article as `author` and has the knowledge manager publish it.
    public func publishedArticle(
        _ kb: KnowledgeRepository, title: String, body: String, type: ArticleType = .faq,
        language: ArticleLanguage = .en,
        audience: Audience = Audience(kind: .internal), tags: [String] = [], productIDs: [Int64] = [],
        author: Principal? = nil
    ) async throws -> Article {
        let draft = try await kb.create(
            ArticleInput(
                type: type, title: title, body: body, language: language, tags: tags, productIDs: productIDs,
                audience: audience),
            as: author ?? agent)
        _ = try await kb.submit(id: draft.id, as: author ?? agent)
        return try await kb.approve(id: draft.id, comment: nil, as: knowledgeManager)
    }
}
