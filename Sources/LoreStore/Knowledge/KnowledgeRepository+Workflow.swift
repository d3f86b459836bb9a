import LoreCore
import SQLKit

/// The review workflow: draft → in review → published → archived, with re-verification.
extension KnowledgeRepository {
    /// An author hands a draft to the knowledge managers.
    public func submit(id: Int64, as p: Principal) async throws -> Article {
        try await transition(id: id, as: p, action: "submit", allowed: ArticlePolicy.canManage, from: [.draft]) {
            db, _ in
            try await ArticleWrites.setStatus(id, .inReview, by: p.userID, on: db)
            try await ArticleWrites.review(
                articleID: id, revisionID: nil, reviewer: p.userID, decision: "submitted", comment: nil, on: db)
        }
    }

    /// A knowledge manager publishes an article in review (or a draft directly). The verification clock starts now.
    public func approve(id: Int64, comment: String?, as p: Principal) async throws -> Article {
        let index = self.index
        return try await transition(
            id: id, as: p, action: "approve", allowed: { _, p in ArticlePolicy.isReviewer(p) },
            from: [.draft, .inReview]
        ) {
            db, a in
            let now = Timestamp.now()
            try await ArticleWrites.setStatus(
                id, .published, by: p.userID,
                extra: [
                    "published_at": .string(a.publishedAt ?? now), "verified_at": .string(now),
                    "verify_by": .string(Self.verifyBy(chosen: a.verifyBy, type: a.type, now: now)),
                ], on: db)
            try await db.update("article_versions").where("article_id", .equal, SQLBind(id)).where(
                "number", .equal, SQLBind(a.version)
            )
            .set("status", to: SQLBind(ArticleStatus.published.rawValue)).run()
            try await ArticleWrites.review(
                articleID: id, revisionID: nil, reviewer: p.userID, decision: "approved", comment: comment, on: db)
            try await index.put(try await ArticleRows.require(id: id, on: db), on: db)
        }
    }

    /// A knowledge manager sends an article in review back to its author; the comment says why.
    public func reject(id: Int64, comment: String, as p: Principal) async throws -> Article {
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty else {
            throw StoreError.invalid(
                ValidationFailure([
                    FieldError(field: "comment", code: "required", message: "say why the article is rejected")
                ]))
        }
        return try await transition(
            id: id, as: p, action: "reject", allowed: { _, p in ArticlePolicy.isReviewer(p) }, from: [.inReview]
        ) { db, _ in
            try await ArticleWrites.setStatus(id, .draft, by: p.userID, on: db)
            try await ArticleWrites.review(
                articleID: id, revisionID: nil, reviewer: p.userID, decision: "rejected", comment: comment, on: db)
        }
    }

    /// Takes an article out of use: it leaves search at once.
    public func archive(id: Int64, as p: Principal) async throws -> Article {
        let index = self.index
        return try await transition(
            id: id, as: p, action: "archive", allowed: ArticlePolicy.canManage, from: [.draft, .inReview, .published]
        ) {
            db, _ in
            try await ArticleWrites.setStatus(id, .archived, by: p.userID, on: db)
            try await index.remove(id: id, on: db)
        }
    }

    /// Brings an archived article back as a draft, to be reviewed again.
    public func reopen(id: Int64, as p: Principal) async throws -> Article {
        try await transition(id: id, as: p, action: "reopen", allowed: ArticlePolicy.canManage, from: [.archived]) {
            db, _ in
            try await ArticleWrites.setStatus(id, .draft, by: p.userID, on: db)
        }
    }

    /// Confirms a published article is still right: resets the freshness clock and the verify-by date.
    public func verify(id: Int64, as p: Principal) async throws -> Article {
        try await transition(id: id, as: p, action: "verify", allowed: ArticlePolicy.canManage, from: [.published]) {
            db, a in
            let now = Timestamp.now()
            try await ArticleWrites.setStatus(
                id, .published, by: p.userID,
                extra: [
                    "verified_at": .string(now),
                    "verify_by": .string(Self.verifyBy(chosen: nil, type: a.type, now: now)),
                ], on: db)
            try await ArticleWrites.review(
                articleID: id, revisionID: nil, reviewer: p.userID, decision: "verified", comment: nil, on: db)
        }
    }

    /// The verify-by date: the author's choice if it is still ahead, else the type's period from now.
    static func verifyBy(chosen: String?, type: ArticleType, now: String) -> String {
        let today = String(now.prefix(10))
        if let chosen, chosen > today { return chosen }
        return Timestamp.date(fromDays: (Timestamp.days(ofDate: today) ?? 0) + Int64(type.verifyDays))
    }

    func transition(
        id: Int64, as p: Principal, action: String, allowed: @escaping @Sendable (Article, Principal) -> Bool,
        from: Set<ArticleStatus>,
        apply: @escaping @Sendable (any SQLDatabase, Article) async throws -> Void
    ) async throws -> Article {
        try await database.write { db in
            let a = try await Self.actionable(id: id, principal: p, on: db) { allowed($0, p) }
            guard from.contains(a.status) else {
                throw StoreError.conflict(
                    field: "status", message: "cannot \(action) an article that is \(a.status.rawValue)")
            }
            try await apply(db, a)
            let after = try await ArticleRows.require(id: id, on: db)
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "articles", entityID: id, action: action, summary: a.title,
                changes: a.status == after.status
                    ? [:] : ["status": [.string(a.status.rawValue), .string(after.status.rawValue)]])
            return after
        }
    }
}
