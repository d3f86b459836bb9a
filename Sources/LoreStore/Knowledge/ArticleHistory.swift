import LoreCore
import SQLKit

/// One saved version of an article's content.
/// Encodable as the API writes it (every property, snake_case: the `ArticleVersion` schema).
public struct ArticleVersion: Sendable, Equatable, Encodable {
    public var number: Int
    public var type: ArticleType
    public var title: String
    public var body: String
    public var language: ArticleLanguage
    public var categoryID: Int64?
    public var tags: [String]
    public var status: ArticleStatus
    public var note: String?
    public var authorID: Int64?
    public var authorName: String?
    public var createdAt: String
}

/// A proposed edit to a published article, waiting for (or decided by) a knowledge manager.
/// Encodable as the API writes it (the `ArticleProposal` schema).
public struct ArticleRevision: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Encodable { case pending, approved, rejected }
    public var id: Int64
    public var articleID: Int64
    public var baseVersion: Int
    public var title: String
    public var body: String
    public var tags: [String]
    public var note: String?
    public var authorID: Int64?
    public var authorName: String?
    public var createdAt: String
    public var status: Status
    public var reviewerID: Int64?
    public var reviewComment: String?
    public var reviewedAt: String?
}

/// A review event: submitted, approved, rejected or verified, with the reviewer's comment.
/// Encodable as the API writes it (the `ArticleReview` schema).
public struct ArticleReview: Sendable, Equatable, Encodable {
    public var revisionID: Int64?
    public var reviewerID: Int64?
    public var reviewerName: String?
    public var decision: String
    public var comment: String?
    public var createdAt: String
}

enum ArticleHistoryRows {
    static func version(_ row: any SQLRow) throws -> ArticleVersion {
        ArticleVersion(
            number: try row.decode(column: "number", as: Int.self),
            type: ArticleType(rawValue: try row.decode(column: "type", as: String.self)) ?? .faq,
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            language: ArticleLanguage(rawValue: try row.decode(column: "language", as: String.self)) ?? .en,
            categoryID: try SQLValues.optionalInt(row, "category_id"),
            tags: ArticleRows.split(try row.decode(column: "tags", as: String.self)),
            status: ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            note: try SQLValues.optionalString(row, "note"), authorID: try SQLValues.optionalInt(row, "author_id"),
            authorName: try SQLValues.optionalString(row, "author_name"),
            createdAt: try row.decode(column: "created_at", as: String.self))
    }

    static func revision(_ row: any SQLRow) throws -> ArticleRevision {
        ArticleRevision(
            id: try row.decode(column: "id", as: Int64.self),
            articleID: try row.decode(column: "article_id", as: Int64.self),
            baseVersion: try row.decode(column: "base_version", as: Int.self),
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            tags: ArticleRows.split(try row.decode(column: "tags", as: String.self)),
            note: try SQLValues.optionalString(row, "note"), authorID: try SQLValues.optionalInt(row, "author_id"),
            authorName: try SQLValues.optionalString(row, "author_name"),
            createdAt: try row.decode(column: "created_at", as: String.self),
            status: ArticleRevision.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            reviewerID: try SQLValues.optionalInt(row, "reviewer_id"),
            reviewComment: try SQLValues.optionalString(row, "review_comment"),
            reviewedAt: try SQLValues.optionalString(row, "reviewed_at"))
    }

    static func versions(articleID: Int64, number: Int? = nil, on db: any SQLDatabase) async throws -> [ArticleVersion]
    {
        let filter: SQLQueryString = number.map { " AND v.number = \(bind: $0)" } ?? ""
        return try await db.raw(
            """
            SELECT v.*, u.name AS author_name FROM article_versions v LEFT JOIN users u ON u.id = v.author_id \
            WHERE v.article_id = \(bind: articleID)\(filter) ORDER BY v.number DESC
            """
        ).all().map(version)
    }

    static func revisions(
        articleID: Int64?, revisionID: Int64? = nil, status: ArticleRevision.Status?, on db: any SQLDatabase
    ) async throws
        -> [ArticleRevision]
    {
        var filter: SQLQueryString = "1 = 1"
        if let articleID { filter = filter + " AND r.article_id = \(bind: articleID)" }
        if let revisionID { filter = filter + " AND r.id = \(bind: revisionID)" }
        if let status { filter = filter + " AND r.status = \(bind: status.rawValue)" }
        return try await db.raw(
            "SELECT r.*, u.name AS author_name FROM article_revisions r LEFT JOIN users u ON u.id = r.author_id WHERE \(filter) ORDER BY r.id DESC"
        ).all().map(revision)
    }
}
