import LoreCore
import SQLKit

/// SQL conditions on `articles a` for visibility and the list/search filters. Audience rules live here in SQL and
/// in ``ArticlePolicy`` in Swift; the knowledge-base tests check both agree.
enum ArticleFilters {
    /// Published articles whose audience admits the reader.
    static func audience(_ reader: Reader) -> SQLQueryString {
        switch reader {
        case .staff:
            return "a.status = 'published'"
        case .customer(let tier, let industry):
            var segment: SQLQueryString = "1 = 0"
            if let tier {
                segment = segment + " OR (', ' || a.audience_tiers || ', ') LIKE \(bind: listPattern(tier)) ESCAPE '\\'"
            }
            if let industry {
                segment =
                    segment
                    + " OR (', ' || a.audience_industries || ', ') LIKE \(bind: listPattern(industry)) ESCAPE '\\'"
            }
            return "a.status = 'published' AND (a.audience = 'customers' OR (a.audience = 'segments' AND (\(segment))))"
        }
    }

    /// The condition a search adds to the index: none for staff (the index holds published articles only, all of
    /// which staff may read), the audience rule for portal customers.
    static func indexFilter(_ reader: Reader) -> SQLQueryString? {
        reader == .staff ? nil : audience(reader)
    }

    /// Everything the principal may read: published for their audience, plus (for staff) their own articles at any
    /// stage, and for reviewers every article.
    static func visible(_ p: Principal, reader: Reader) -> SQLQueryString {
        if !p.role.isStaff { return audience(reader) }
        if ArticlePolicy.isReviewer(p) { return "1 = 1" }
        return
            "(a.status = 'published' OR a.owner_id = \(bind: p.userID) OR a.created_by = \(bind: p.userID) OR (a.source_case_id IS NOT NULL AND a.status IN ('draft', 'in_review')))"
    }

    /// `%, value, %` with LIKE wildcards escaped, to find one item in a comma-separated list.
    static func listPattern(_ value: String) -> String {
        var out = "%, "
        for ch in value {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + ", %"
    }

    /// Facet-style filters shared by lists and search.
    static func facets(_ f: ArticleFacetFilter) -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        if !f.types.isEmpty {
            parts.append("a.type IN (\(unsafeRaw: f.types.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
        }
        if let language = f.language { parts.append("a.language = \(bind: language.rawValue)") }
        if let c = f.categoryID { parts.append("a.category_id = \(bind: c)") }
        if let product = f.productID {
            parts.append(
                "EXISTS (SELECT 1 FROM article_links l WHERE l.article_id = a.id AND l.kind = 'product' AND l.target_id = \(bind: product))"
            )
        }
        if let tag = f.tag {
            parts.append(
                "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_key = \(bind: tag.lowercased()))"
            )
        }
        guard var out = parts.first else { return nil }
        for p in parts.dropFirst() { out = out + " AND " + p }
        return out
    }
}

/// Narrowing a list or a search by type, language, category, linked product or tag.
public struct ArticleFacetFilter: Sendable, Equatable {
    public var types: [ArticleType]
    public var language: ArticleLanguage?
    public var categoryID: Int64?
    public var productID: Int64?
    public var tag: String?

    public init(
        types: [ArticleType] = [], language: ArticleLanguage? = nil, categoryID: Int64? = nil, productID: Int64? = nil,
        tag: String? = nil
    ) {
        self.types = types
        self.language = language
        self.categoryID = categoryID
        self.productID = productID
        self.tag = tag
    }
}
