import Foundation
import LoreCore
import LoreStore

/// View-model pieces shared by the knowledge-base pages.
enum KnowledgeView {
    static func typeLabel(_ type: ArticleType, _ t: Localizer) -> String { t("kb.type.\(type.rawValue)") }

    /// One article as a row or card: title, type, status, language, freshness badge and dates.
    static func summary(_ a: Article, _ t: Localizer, offset: Int) -> [String: Any] {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let freshness = a.freshness(nowMilliseconds: now)
        let badge = KnowledgeScores.badge(
            freshness: freshness, pastDue: a.isPastDue(today: String(Timestamp.now().prefix(10))))
        return [
            "id": a.id, "href": "/kb/articles/\(a.id)", "title": a.title, "type": typeLabel(a.type, t),
            "type_code": a.type.rawValue,
            "status": t("kb.status.\(a.status.rawValue)"), "status_code": a.status.rawValue,
            "is_published": a.status == .published,
            "language": t("kb.language.\(a.language.rawValue)"), "badge": t("kb.badge.\(badge.rawValue)"),
            "badge_code": badge.rawValue,
            "freshness": percent(freshness), "quality": percent(a.quality),
            "updated": TimeDisplay.short(a.updatedAt, offset: offset),
            "verify_by": a.verifyBy ?? "—", "past_due": a.isPastDue(today: String(Timestamp.now().prefix(10))),
            "badly_rated": a.unhelpfulCount >= 3 && a.unhelpfulCount > a.helpfulCount, "helpful": a.helpfulCount,
            "unhelpful": a.unhelpfulCount,
            "views": a.viewCount, "solved": a.solvedCount, "version": a.version,
        ]
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    /// Options for a `<select>`, with the current value selected.
    static func options<T: RawRepresentable & CaseIterable>(
        _: T.Type, selected: T?, label: (T) -> String, blank: String? = nil
    ) -> [[String: Any]]
    where T.RawValue == String {
        var out: [[String: Any]] = []
        if let blank { out.append(["value": "", "label": blank, "selected": selected == nil]) }
        for c in T.allCases {
            out.append(["value": c.rawValue, "label": label(c), "selected": c.rawValue == selected?.rawValue])
        }
        return out
    }

    /// A diff as HTML: added text in `<ins>`, removed in `<del>`.
    static func diffHTML(_ old: String, _ new: String) -> String {
        TextDiff.diff(old, new).map { piece in
            let text = Markdown.escape(piece.text)
            switch piece.op {
            case .same: return text
            case .added: return "<ins>\(text)</ins>"
            case .removed: return "<del>\(text)</del>"
            }
        }.joined()
    }
}
