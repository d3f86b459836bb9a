import LoreCore
import SQLKit

/// The knowledge base: articles, their versions and review, feedback, and search (see `KnowledgeRepository+*.swift`).
/// Every read applies ``ArticlePolicy``: what a principal may not read is reported as not found.
public struct KnowledgeRepository: Sendable {
    public let database: any LoreDatabase
    /// Facet values of the indexed articles, shared by every copy of this repository (see ``ArticleFacetCache``).
    public let facets: ArticleFacetCache

    /// The published articles' full-text index.
    var index: any FullTextIndex { database.fullTextIndex(.articles) }

    public init(database: any LoreDatabase, facets: ArticleFacetCache = ArticleFacetCache()) {
        self.database = database
        self.facets = facets
    }

    /// How a principal reads: staff, or a portal customer with their account's tier and industry.
    public func reader(for p: Principal) async throws -> Reader {
        // Staff need nothing from the database (and on PostgreSQL a read would hold a pooled connection for it).
        guard p.role == .customer else { return .staff }
        return try await database.read { db in try await Self.reader(for: p, on: db) }
    }

    static func reader(for p: Principal, on db: any SQLDatabase) async throws -> Reader {
        guard p.role == .customer else { return .staff }
        guard let accountID = p.accountID,
            let row = try await db.select().columns("value_tier", "industry").from("accounts").where(
                "id", .equal, SQLBind(accountID)
            ).first()
        else { return .customer(tier: nil, industry: nil) }
        return .customer(
            tier: try SQLValues.optionalString(row, "value_tier"),
            industry: try SQLValues.optionalString(row, "industry"))
    }

    public func get(id: Int64, as p: Principal) async throws -> Article {
        try await database.pointRead { db in try await Self.visible(id: id, principal: p, on: db) }
    }

    /// The article if the principal may read it, else not found.
    static func visible(id: Int64, principal p: Principal, on db: any SQLDatabase) async throws -> Article {
        guard let a = try await ArticleRows.fetch(id: id, on: db),
            ArticlePolicy.canRead(a, principal: p, reader: try await reader(for: p, on: db))
        else { throw StoreError.notFound(entity: "articles", id: id) }
        return a
    }

    /// A visible article the principal may also act on, else 403 (visible but not allowed) or 404.
    static func actionable(id: Int64, principal p: Principal, on db: any SQLDatabase, allowed: (Article) -> Bool)
        async throws -> Article
    {
        let a = try await visible(id: id, principal: p, on: db)
        guard allowed(a) else { throw AccessRefusal.forbidden("you may not do this with article \(id)") }
        return a
    }

    public func create(_ input: ArticleInput, as p: Principal) async throws -> Article {
        guard ArticlePolicy.canCreate(p) else {
            throw AccessRefusal.forbidden("portal customers cannot write articles")
        }
        var checked = input
        let errors = checked.validate()
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
        let input = checked
        return try await database.write { db in
            try await ArticleWrites.checkReferences(input, on: db)
            let id = try await ArticleWrites.insert(
                input, status: .draft, ownerID: p.userID, teamID: p.teamID, by: p.userID, on: db)
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "articles", entityID: id, action: "create", summary: input.title,
                changes: [:])
            return try await ArticleRows.require(id: id, on: db)
        }
    }

    /// Edits in place (drafts by their authors; any stage but archived by reviewers). Each edit is a new version;
    /// a published article is re-indexed at once.
    public func update(id: Int64, _ input: ArticleInput, note: String? = nil, as p: Principal) async throws -> Article {
        var checked = input
        let errors = checked.validate()
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
        let input = checked
        let index = self.index
        return try await database.write { db in
            let old = try await Self.visible(id: id, principal: p, on: db)
            guard ArticlePolicy.canEditInPlace(old, principal: p) else {
                if old.status == .published, ArticlePolicy.canPropose(old, principal: p) {
                    throw StoreError.conflict(
                        field: nil,
                        message:
                            "published articles change through a proposed edit (POST /api/v1/articles/\(id)/proposals)")
                }
                throw AccessRefusal.forbidden("you may not edit article \(id)")
            }
            try await ArticleWrites.checkReferences(input, on: db)
            let number = try await ArticleWrites.update(old, input, by: p.userID, note: note, on: db)
            let new = try await ArticleRows.require(id: id, on: db)
            if new.status == .published { try await index.put(new, on: db) }
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "articles", entityID: id, action: "update",
                summary: "version \(number)",
                changes: Self.changes(old, new))
            return new
        }
    }

    static func changes(_ old: Article, _ new: Article) -> [String: [FieldValue]] {
        var out: [String: [FieldValue]] = [:]
        if old.title != new.title { out["title"] = [.string(old.title), .string(new.title)] }
        if old.body != new.body {
            out["body"] = [.string("(\(old.body.count) characters)"), .string("(\(new.body.count) characters)")]
        }
        if old.type != new.type { out["type"] = [.string(old.type.rawValue), .string(new.type.rawValue)] }
        if old.audience != new.audience {
            out["audience"] = [.string(old.audience.kind.rawValue), .string(new.audience.kind.rawValue)]
        }
        if old.tags != new.tags {
            out["tags"] = [.string(ArticleRows.join(old.tags)), .string(ArticleRows.join(new.tags))]
        }
        return out
    }
}
