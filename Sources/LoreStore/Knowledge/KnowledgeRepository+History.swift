import LoreCore
import SQLKit

/// Versions, restoring an old version, proposed edits and the review log.
extension KnowledgeRepository {
    /// Every saved version, newest first. Readers who may not see drafts see only published versions.
    public func versions(id: Int64, as p: Principal) async throws -> [ArticleVersion] {
        try await database.read { db in
            let a = try await Self.visible(id: id, principal: p, on: db)
            let all = try await ArticleHistoryRows.versions(articleID: id, on: db)
            return ArticlePolicy.canManage(a, principal: p) ? all : all.filter { $0.status == .published }
        }
    }

    public func version(id: Int64, number: Int, as p: Principal) async throws -> ArticleVersion {
        guard let v = try await versions(id: id, as: p).first(where: { $0.number == number }) else {
            throw StoreError.notFound(entity: "article_versions", id: Int64(number))
        }
        return v
    }

    /// What restoring produced: the article itself (edited back to the old text, as a draft) or, for a published
    /// article, a proposed edit to review — the live text stays until a knowledge manager approves.
    public enum RestoreOutcome: Sendable {
        case article(Article)
        case proposal(ArticleRevision)
    }

    public func restore(id: Int64, number: Int, as p: Principal) async throws -> RestoreOutcome {
        try await database.write { db in
            let a = try await Self.actionable(id: id, principal: p, on: db) {
                ArticlePolicy.canManage($0, principal: p)
            }
            guard let v = try await ArticleHistoryRows.versions(articleID: id, number: number, on: db).first else {
                throw StoreError.notFound(entity: "article_versions", id: Int64(number))
            }
            let note = "restored from version \(number)"
            if a.status == .published {
                let r = try await Self.insertRevision(
                    articleID: id, base: a.version, title: v.title, body: v.body, tags: v.tags, note: note,
                    author: p.userID, on: db)
                try await AuditLog.record(
                    on: db, userID: p.userID, entity: "articles", entityID: id, action: "propose", summary: note,
                    changes: [:])
                return .proposal(r)
            }
            var input = ArticleInput(a)
            input.type = v.type
            input.title = v.title
            input.body = v.body
            input.language = v.language
            input.tags = v.tags
            _ = try await ArticleWrites.update(a, input, by: p.userID, note: note, on: db)
            if a.status != .draft { try await ArticleWrites.setStatus(id, .draft, by: p.userID, on: db) }
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "articles", entityID: id, action: "restore", summary: note,
                changes: [:])
            return .article(try await ArticleRows.require(id: id, on: db))
        }
    }

    /// Any member of staff proposes an edit to a published article.
    public func propose(id: Int64, title: String, body: String, tags: [String]?, note: String?, as p: Principal)
        async throws -> ArticleRevision
    {
        try await database.write { db in
            let a = try await Self.actionable(id: id, principal: p, on: db) {
                ArticlePolicy.canPropose($0, principal: p)
            }
            var input = ArticleInput(a)
            input.title = title
            input.body = body
            input.tags = tags ?? a.tags
            let errors = input.validate()
            if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
            let r = try await Self.insertRevision(
                articleID: id, base: a.version, title: input.title, body: input.body, tags: input.tags, note: note,
                author: p.userID, on: db)
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "articles", entityID: id, action: "propose", summary: note,
                changes: [:])
            return r
        }
    }

    static func insertRevision(
        articleID: Int64, base: Int, title: String, body: String, tags: [String], note: String?, author: Int64,
        on db: any SQLDatabase
    ) async throws -> ArticleRevision {
        let row = try await db.insert(into: "article_revisions")
            .columns("article_id", "base_version", "title", "body", "tags", "note", "author_id", "created_at", "status")
            .values(
                SQLBind(articleID), SQLBind(base), SQLBind(title), SQLBind(body), SQLBind(ArticleRows.join(tags)),
                ArticleWrites.optional(note),
                SQLBind(author), SQLBind(Timestamp.now()), SQLBind(ArticleRevision.Status.pending.rawValue)
            )
            .returning("id").first()
        let rid = try row.orMissing("the new row's id").decode(column: "id", as: Int64.self)
        return try await ArticleHistoryRows.revisions(articleID: nil, revisionID: rid, status: nil, on: db).first
            .orMissing("proposal \(rid)")
    }

    /// Proposed edits of an article (authors and reviewers see all; others their own).
    public func revisions(id: Int64, as p: Principal) async throws -> [ArticleRevision] {
        try await database.read { db in
            let a = try await Self.visible(id: id, principal: p, on: db)
            let all = try await ArticleHistoryRows.revisions(articleID: id, status: nil, on: db)
            return ArticlePolicy.canManage(a, principal: p) ? all : all.filter { $0.authorID == p.userID }
        }
    }

    /// A knowledge manager accepts a proposed edit (it becomes the live text, as a new version) or rejects it.
    public func decide(revision rid: Int64, approve: Bool, comment: String?, as p: Principal) async throws
        -> ArticleRevision
    {
        let index = self.index
        return try await database.write { db in
            guard
                let r = try await ArticleHistoryRows.revisions(articleID: nil, revisionID: rid, status: nil, on: db)
                    .first
            else {
                throw StoreError.notFound(entity: "article_revisions", id: rid)
            }
            let a = try await Self.actionable(id: r.articleID, principal: p, on: db) { _ in ArticlePolicy.isReviewer(p)
            }
            guard r.status == .pending else {
                throw StoreError.conflict(field: "status", message: "this proposal was already \(r.status.rawValue)")
            }
            if !approve && (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw StoreError.invalid(
                    ValidationFailure([
                        FieldError(field: "comment", code: "required", message: "say why the proposal is rejected")
                    ]))
            }
            if approve {
                guard a.status == .published else {
                    throw StoreError.conflict(field: "status", message: "the article is no longer published")
                }
                var input = ArticleInput(a)
                input.title = r.title
                input.body = r.body
                input.tags = r.tags
                let note = [r.note, "proposed by \(r.authorName ?? "?")"].compactMap { $0 }.joined(separator: " — ")
                _ = try await ArticleWrites.update(a, input, by: r.authorID ?? p.userID, note: note, on: db)
                try await db.update("article_versions").where("article_id", .equal, SQLBind(a.id)).where(
                    "number", .equal, SQLBind(a.version + 1)
                )
                .set("status", to: SQLBind(ArticleStatus.published.rawValue)).run()
                try await index.put(try await ArticleRows.require(id: a.id, on: db), on: db)
            }
            let status: ArticleRevision.Status = approve ? .approved : .rejected
            try await db.update("article_revisions").where("id", .equal, SQLBind(rid)).set(
                "status", to: SQLBind(status.rawValue)
            )
            .set("reviewer_id", to: SQLBind(p.userID)).set("review_comment", to: ArticleWrites.optional(comment))
            .set("reviewed_at", to: SQLBind(Timestamp.now())).run()
            try await ArticleWrites.review(
                articleID: a.id, revisionID: rid, reviewer: p.userID, decision: status.rawValue, comment: comment,
                on: db)
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "articles", entityID: a.id,
                action: approve ? "approve_proposal" : "reject_proposal",
                summary: comment, changes: [:])
            return try await ArticleHistoryRows.revisions(articleID: nil, revisionID: rid, status: nil, on: db).first
                .orMissing("proposal \(rid)")
        }
    }

    /// The review log of an article, newest first.
    public func reviews(id: Int64, as p: Principal) async throws -> [ArticleReview] {
        try await database.read { db in
            _ = try await Self.visible(id: id, principal: p, on: db)
            return try await db.raw(
                """
                SELECT r.revision_id, r.reviewer_id, u.name AS reviewer_name, r.decision, r.comment, r.created_at FROM article_reviews r \
                LEFT JOIN users u ON u.id = r.reviewer_id WHERE r.article_id = \(bind: id) ORDER BY r.id DESC
                """
            ).all().map { row in
                ArticleReview(
                    revisionID: try SQLValues.optionalInt(row, "revision_id"),
                    reviewerID: try SQLValues.optionalInt(row, "reviewer_id"),
                    reviewerName: try SQLValues.optionalString(row, "reviewer_name"),
                    decision: try row.decode(column: "decision", as: String.self),
                    comment: try SQLValues.optionalString(row, "comment"),
                    createdAt: try row.decode(column: "created_at", as: String.self))
            }
        }
    }
}

extension KnowledgeRepository {
    /// One proposed edit, if the principal may see it (its author, or the article's authors and reviewers).
    public func revisionForPage(_ rid: Int64, as p: Principal) async throws -> ArticleRevision? {
        let found = try await database.read { db in
            try await ArticleHistoryRows.revisions(articleID: nil, revisionID: rid, status: nil, on: db).first
        }
        guard let found else { return nil }
        return try await revisions(id: found.articleID, as: p).first { $0.id == rid }
    }
}
