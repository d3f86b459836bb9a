import Foundation
import LoreCore
import LoreStore

/// View-model pieces shared by the knowledge-base pages.
enum KnowledgeView {
    static func typeLabel(_ type: ArticleType, _ t: Localizer) -> String { t("kb_type_\(type.rawValue)") }

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
