import LoreCore
import SQLKit

/// Reading articles from rows: the column list, decoding, and the links that live in their own table.
enum ArticleRows {
    static let columns = [
        "id", "type", "title", "body", "language", "category_id", "tags", "status", "audience", "audience_tiers",
        "audience_industries",
        "owner_id", "version", "published_at", "verified_at", "verify_by", "helpful_count", "unhelpful_count",
        "view_count",
        "solved_count", "source_case_id", "created_at", "updated_at", "created_by", "updated_by",
    ]

    /// Columns for lists and search results: everything but the body.
    static let summaryColumns = columns.filter { $0 != "body" }

    static func decode(_ row: any SQLRow) throws -> Article {
        let audience = Audience(
            kind: AudienceKind(rawValue: try row.decode(column: "audience", as: String.self)) ?? .internal,
            tiers: split(try row.decode(column: "audience_tiers", as: String.self)),
            industries: split(try row.decode(column: "audience_industries", as: String.self)))
        let body = (try? row.decode(column: "body", as: String.self)) ?? ""
        return Article(
            id: try row.decode(column: "id", as: Int64.self),
            type: ArticleType(rawValue: try row.decode(column: "type", as: String.self)) ?? .faq,
            title: try row.decode(column: "title", as: String.self), body: body,
            language: ArticleLanguage(rawValue: try row.decode(column: "language", as: String.self)) ?? .en,
            categoryID: try SQLValues.optionalInt(row, "category_id"),
            tags: split(try row.decode(column: "tags", as: String.self)),
            status: ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            audience: audience,
            ownerID: try SQLValues.optionalInt(row, "owner_id"),
            version: try row.decode(column: "version", as: Int.self),
            publishedAt: try SQLValues.optionalString(row, "published_at"),
            verifiedAt: try SQLValues.optionalString(row, "verified_at"),
            verifyBy: try SQLValues.optionalString(row, "verify_by"),
            helpfulCount: try row.decode(column: "helpful_count", as: Int.self),
            unhelpfulCount: try row.decode(column: "unhelpful_count", as: Int.self),
            viewCount: try row.decode(column: "view_count", as: Int.self),
            solvedCount: try row.decode(column: "solved_count", as: Int.self),
            sourceCaseID: try SQLValues.optionalInt(row, "source_case_id"),
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            createdBy: try SQLValues.optionalInt(row, "created_by"),
            updatedBy: try SQLValues.optionalInt(row, "updated_by"))
    }

    /// Tags and audience segments are stored comma-separated (commas are refused inside a tag).
    static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func join(_ items: [String]) -> String { items.joined(separator: ", ") }

    /// Fetches articles by id (any status; callers check visibility) with their links, in the order of `ids`.
    static func fetch(ids: [Int64], withBody: Bool, on db: any SQLDatabase) async throws -> [Article] {
        try await read(ids: ids, select: withBody ? selectAll : selectSummary, on: db).articles
    }

    /// A search's page: the articles without bodies (as ``fetch(ids:withBody:on:)``) and, from the same rows, the
    /// plain text of each one's body for its snippet.
    static func fetchWithPlainText(ids: [Int64], on db: any SQLDatabase) async throws -> (
        articles: [Article], texts: [Int64: String]
    ) {
        try await read(ids: ids, select: selectSummaryWithText, on: db)
    }

    private static func read(ids: [Int64], select: String, on db: any SQLDatabase) async throws -> (
        articles: [Article], texts: [Int64: String]
    ) {
        guard !ids.isEmpty else { return ([], [:]) }
        let rows = try await db.raw("\(unsafeRaw: select) WHERE id IN \(SQLBind.group(ids))").all()
        var byID: [Int64: Article] = [:]
        var texts: [Int64: String] = [:]
        for row in rows {
            let a = try decode(row)
            byID[a.id] = a
            if row.contains(column: "plain_text") { texts[a.id] = try plainText(row) }
        }
        for (id, links) in try await self.links(ids: ids, on: db) {
            byID[id]?.productIDs = links.products
            byID[id]?.accountIDs = links.accounts
            byID[id]?.competitorIDs = links.competitors
        }
        return (ids.compactMap { byID[$0] }, texts)
    }

    /// The plain text of the row's body: stored with each change; converted here for rows written before it was.
    private static func plainText(_ row: any SQLRow) throws -> String {
        if let plain = try SQLValues.optionalString(row, "plain_text") { return plain }
        return Markdown.plainText(String(try row.decode(column: "unconverted_body", as: String.self).prefix(6_000)))
    }

    // Spelled out once rather than built per call: search reads pages of rows, and building the statement was a
    // visible share of it.
    private static let selectAll = "SELECT " + columns.joined(separator: ", ") + " FROM articles"
    private static let selectSummary = "SELECT " + summaryColumns.joined(separator: ", ") + " FROM articles"
    private static let selectSummaryWithText =
        "SELECT " + summaryColumns.joined(separator: ", ")
        + ", plain_text, CASE WHEN plain_text IS NULL THEN body END AS unconverted_body FROM articles"

    /// Each article's linked products, accounts and competitors, in id order.
    static func links(ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: (
        products: [Int64], accounts: [Int64], competitors: [Int64]
    )] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: (products: [Int64], accounts: [Int64], competitors: [Int64])] = [:]
        let rows = try await db.raw(
            "SELECT article_id, kind, target_id FROM article_links WHERE article_id IN \(SQLBind.group(ids)) ORDER BY target_id"
        ).all()
        for row in rows {
            let id = try row.decode(column: "article_id", as: Int64.self)
            let target = try row.decode(column: "target_id", as: Int64.self)
            var entry = out[id] ?? ([], [], [])
            switch try row.decode(column: "kind", as: String.self) {
            case "product": entry.products.append(target)
            case "account": entry.accounts.append(target)
            case "competitor": entry.competitors.append(target)
            default: break
            }
            out[id] = entry
        }
        return out
    }

    static func fetch(id: Int64, on db: any SQLDatabase) async throws -> Article? {
        try await fetch(ids: [id], withBody: true, on: db).first
    }

    /// The article, or `notFound` (it was deleted or never existed).
    static func require(id: Int64, on db: any SQLDatabase) async throws -> Article {
        guard let a = try await fetch(id: id, on: db) else { throw StoreError.notFound(entity: "articles", id: id) }
        return a
    }
}
