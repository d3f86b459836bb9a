import Foundation
import LoreCore
import LoreStore

/// One article as a row or card: title, type, status, language, freshness badge and dates.
struct ArticleSummaryModel: Encodable {
    var id: Int64
    var href: String
    var title: String
    var type: String
    var typeCode: String
    var status: String
    var statusCode: String
    var isPublished: Bool
    var language: String
    /// The article's language as an HTML `lang` value (`en`, `zh-Hans`).
    var languageCode: String
    var badge: String
    var badgeCode: String
    var freshness: String
    var quality: String
    var updated: String
    var verifyBy: String
    var pastDue: Bool
    var badlyRated: Bool
    var helpful: Int
    var unhelpful: Int
    var views: Int
    var solved: Int
    var version: Int
    /// The matching passage, as HTML with the matches marked (search results only).
    var snippet: String?

    init(_ a: Article, _ t: Localizer, offset: Int, snippet: String? = nil) {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let freshness = a.freshness(nowMilliseconds: now)
        let pastDue = a.isPastDue(today: String(Timestamp.now().prefix(10)))
        let badge = KnowledgeScores.badge(freshness: freshness, pastDue: pastDue)
        (id, href, title) = (a.id, "/kb/articles/\(a.id)", a.title)
        (type, typeCode) = (KnowledgeView.typeLabel(a.type, t), a.type.rawValue)
        (status, statusCode, isPublished) = (
            t("kb_status_\(a.status.rawValue)"), a.status.rawValue, a.status == .published
        )
        (language, languageCode) = (t("kb_language_\(a.language.rawValue)"), a.language.rawValue)
        (self.badge, badgeCode) = (t("kb_badge_\(badge.rawValue)"), badge.rawValue)
        (self.freshness, quality) = (KnowledgeView.percent(freshness), KnowledgeView.percent(a.quality))
        updated = TimeDisplay.short(a.updatedAt, offset: offset)
        (verifyBy, self.pastDue) = (a.verifyBy ?? "—", pastDue)
        badlyRated = a.unhelpfulCount >= 3 && a.unhelpfulCount > a.helpfulCount
        (helpful, unhelpful, views, solved) = (a.helpfulCount, a.unhelpfulCount, a.viewCount, a.solvedCount)
        version = a.version
        self.snippet = snippet
    }
}

/// What the user may do with the article now.
struct ArticleActionsModel: Encodable {
    var canEdit: Bool
    var canPropose: Bool
    var canSubmit: Bool
    var canApprove: Bool
    var canReject: Bool
    var canArchive: Bool
    var canReopen: Bool
    var canVerify: Bool
    var canHistory: Bool
    var canFeedback: Bool

    init(_ a: Article, principal p: Principal) {
        let manage = ArticlePolicy.canManage(a, principal: p)
        let reviewer = ArticlePolicy.isReviewer(p)
        canEdit = ArticlePolicy.canEditInPlace(a, principal: p)
        canPropose = ArticlePolicy.canPropose(a, principal: p) && !canEdit
        canSubmit = manage && a.status == .draft
        canApprove = reviewer && (a.status == .inReview || a.status == .draft)
        canReject = reviewer && a.status == .inReview
        (canArchive, canReopen) = (manage && a.status != .archived, manage && a.status == .archived)
        canVerify = manage && a.status == .published
        (canHistory, canFeedback) = (p.role.isStaff, a.status == .published)
    }
}

/// A list shown as a section only when it has items: `{{#reviews}}…{{#items}}…{{/items}}{{/reviews}}`.
struct SectionModel<Item: Encodable>: Encodable {
    var items: [Item]
    static func nonEmpty(_ items: [Item]) -> SectionModel? { items.isEmpty ? nil : SectionModel(items: items) }
}

/// The article page's own fields, beside the article's summary and the actions on it.
struct ArticlePageModel: Encodable {
    struct Tag: Encodable {
        var tag: String
        var href: String
    }
    /// A product, account or competitor the article is about.
    struct LinkedRecord: Encodable {
        var label: String
        var title: String
        var href: String
    }
    struct Review: Encodable {
        var who: String
        var decision: String
        var comment: String
        var at: String
    }
    struct Proposal: Encodable {
        var href: String
        var who: String
        var note: String
        var at: String
    }
    struct Comment: Encodable {
        var who: String
        var helpful: Bool
        var comment: String
        var at: String
    }
    struct Category: Encodable {
        var title: String
        var href: String
    }

    var bodyHtml: String
    var audience: String
    var segments: String
    var tags: [Tag]
    var isStaff: Bool
    var thanks: Bool
    var links: SectionModel<LinkedRecord>?
    var category: Category?
    var reviews: SectionModel<Review>?
    var proposals: SectionModel<Proposal>?
    var comments: SectionModel<Comment>?
}
