import LoreCore
import SQLKit

/// Lists and queues of articles, and the feedback and use counters.
extension KnowledgeRepository {
    /// Articles the principal may read, newest change first, optionally narrowed by status, owner and facets.
    public func list(
        filter: ArticleFacetFilter = ArticleFacetFilter(), status: ArticleStatus? = nil, ownerID: Int64? = nil,
        limit: Int = 50, offset: Int = 0,
        as p: Principal
    ) async throws -> (articles: [Article], total: Int) {
        try await database.read { db in
            let reader = try await Self.reader(for: p, on: db)
            var cond = ArticleFilters.visible(p, reader: reader)
            if let f = ArticleFilters.facets(filter) { cond = cond + " AND " + f }
            if let status { cond = cond + " AND a.status = \(bind: status.rawValue)" }
            if let ownerID { cond = cond + " AND a.owner_id = \(bind: ownerID)" }
            let total = try await db.raw("SELECT COUNT(*) AS n FROM articles a WHERE \(cond)").first().orMissing(
                "a count"
            ).decode(
                column: "n", as: Int.self)
            let ids = try await db.raw(
                "SELECT a.id FROM articles a WHERE \(cond) ORDER BY a.updated_at DESC, a.id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
            return (try await ArticleRows.fetch(ids: ids, withBody: false, on: db), total)
        }
    }

    /// What waits for a knowledge manager: articles in review and pending proposed edits.
    public func reviewQueue(as p: Principal) async throws -> (articles: [Article], proposals: [ArticleRevision]) {
        guard ArticlePolicy.isReviewer(p) else {
            throw AccessRefusal.forbidden("only knowledge managers review articles")
        }
        return try await database.read { db in
            let ids = try await db.raw("SELECT a.id FROM articles a WHERE a.status = 'in_review' ORDER BY a.updated_at")
                .all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            return (
                try await ArticleRows.fetch(ids: ids, withBody: false, on: db),
                try await ArticleHistoryRows.revisions(articleID: nil, status: .pending, on: db)
            )
        }
    }

    /// Published articles that need re-verification: past their verify-by date or badly rated. Owners see their own;
    /// knowledge managers see everyone's.
    public func needsReview(as p: Principal, limit: Int = 200) async throws -> [Article] {
        try await needsReviewPage(as: p, limit: limit).articles
    }

    /// The first `limit` articles that need review, and how many there are in all.
    public func needsReviewPage(as p: Principal, limit: Int = 200) async throws -> (articles: [Article], total: Int) {
        try await database.read { db in
            let today = String(Timestamp.now().prefix(10))
            var cond: SQLQueryString =
                "a.status = 'published' AND (a.verify_by < \(bind: today) OR (a.unhelpful_count >= 3 AND a.unhelpful_count > a.helpful_count))"
            if !ArticlePolicy.isReviewer(p) { cond = cond + " AND a.owner_id = \(bind: p.userID)" }
            let ids = try await db.raw(
                "SELECT a.id FROM articles a WHERE \(cond) ORDER BY a.verify_by, a.id LIMIT \(bind: limit)"
            ).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            let total =
                ids.count < limit
                ? ids.count
                : try await db.raw("SELECT COUNT(*) AS n FROM articles a WHERE \(cond)").first().orMissing("a count")
                    .decode(
                        column: "n", as: Int.self)
            return (try await ArticleRows.fetch(ids: ids, withBody: false, on: db), total)
        }
    }

    /// Helpful or not, with an optional comment; one vote per user per article (a second vote replaces the first).
    public func feedback(id: Int64, helpful: Bool, comment: String?, as p: Principal) async throws -> Article {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comment, comment.count > 2_000 {
            throw StoreError.invalid(
                ValidationFailure([
                    FieldError(field: "comment", code: "too_long", message: "must be at most 2000 characters")
                ]))
        }
        return try await database.write { db in
            let a = try await Self.visible(id: id, principal: p, on: db)
            guard a.status == .published else {
                throw StoreError.conflict(field: "status", message: "feedback is for published articles")
            }
            let now = Timestamp.now()
            try await db.insert(into: "article_feedback").columns(
                "article_id", "user_id", "helpful", "comment", "created_at", "updated_at"
            )
            .values(
                SQLBind(id), SQLBind(p.userID), SQLBind(helpful),
                ArticleWrites.optional(comment?.isEmpty == true ? nil : comment), SQLBind(now),
                SQLBind(now)
            )
            .onConflict(with: ["article_id", "user_id"]) {
                $0.set(excludedValueOf: "helpful").set(excludedValueOf: "comment").set(excludedValueOf: "updated_at")
            }
            .run()
            try await db.raw(
                """
                UPDATE articles SET \
                helpful_count = (SELECT COUNT(*) FROM article_feedback f WHERE f.article_id = \(bind: id) AND f.helpful = \(bind: true)), \
                unhelpful_count = (SELECT COUNT(*) FROM article_feedback f WHERE f.article_id = \(bind: id) AND f.helpful = \(bind: false)) \
                WHERE id = \(bind: id)
                """
            ).run()
            return try await ArticleRows.require(id: id, on: db)
        }
    }

    /// Recent feedback comments on an article, for its authors and reviewers.
    public func feedbackComments(id: Int64, as p: Principal) async throws -> [(
        name: String?, helpful: Bool, comment: String, at: String
    )] {
        try await database.read { db in
            let a = try await Self.visible(id: id, principal: p, on: db)
            guard ArticlePolicy.canManage(a, principal: p) else { return [] }
            return try await db.raw(
                """
                SELECT u.name, f.helpful, f.comment, f.updated_at FROM article_feedback f LEFT JOIN users u ON u.id = f.user_id \
                WHERE f.article_id = \(bind: id) AND f.comment IS NOT NULL ORDER BY f.updated_at DESC LIMIT 50
                """
            ).all().map {
                (
                    try SQLValues.optionalString($0, "name"), try $0.decode(column: "helpful", as: Bool.self),
                    try $0.decode(column: "comment", as: String.self),
                    try $0.decode(column: "updated_at", as: String.self)
                )
            }
        }
    }

    /// Counts one view of a published article (readers other than its authors).
    public func recordView(id: Int64, as p: Principal) async throws {
        try await database.write { db in
            try await db.raw(
                "UPDATE articles SET view_count = view_count + 1 WHERE id = \(bind: id) AND status = 'published' AND (owner_id IS NULL OR owner_id <> \(bind: p.userID))"
            ).run()
        }
    }

    /// Counts one case solved with the article (the service desk calls this in its own transaction).
    public static func recordSolved(articleID: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE articles SET solved_count = solved_count + 1 WHERE id = \(bind: articleID)").run()
    }
}
