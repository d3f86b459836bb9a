/// The languages of Lore's user interface.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zhHans = "zh-Hans"

    /// Picks a language from a user setting, else from an HTTP Accept-Language header.
    public static func negotiate(setting: String?, acceptLanguage: String?) -> Language {
        if let setting, let lang = Language(rawValue: setting) { return lang }
        guard let header = acceptLanguage else { return .en }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty else {
                return nil
            }
            var q = 1.0
            for p in pieces.dropFirst() {
                let kv = p.trimmingCharacters(in: .whitespaces)
                if kv.hasPrefix("q="), let v = Double(kv.dropFirst(2)) { q = v }
            }
            return (tag, q)
        }.sorted { $0.1 > $1.1 }
        for (tag, q) in ranked where q > 0 {
            if tag.hasPrefix("zh") { return .zhHans }
            if tag.hasPrefix("en") { return .en }
        }
        return .en
    }

    /// The value for the HTML `lang` attribute.
    public var htmlLang: String { self == .en ? "en" : "zh-Hans" }
}

/// Looks up user-interface text by key, falling back to English and then to the key itself.
public struct Localizer: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public func callAsFunction(_ key: String) -> String {
        if language == .zhHans, let s = Strings.zh[key] { return s }
        return Strings.en[key] ?? key
    }

    /// Text with `{name}` placeholders filled in.
    public func format(_ key: String, _ args: [String: String]) -> String {
        var s = self(key)
        for (k, v) in args { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    /// The whole table for the current language, for templates.
    public var table: [String: String] { language == .en ? Strings.en : Self.chineseTable }

    /// English under Chinese, built once: a page's template reads the whole table.
    private static let chineseTable = Strings.en.merging(Strings.zh) { _, zh in zh }

    public func fieldLabel(_ field: String) -> String { self("field_\(field)") }
    public func choiceLabel(_ value: String) -> String {
        let key = "choice_\(value)"
        let s = self(key)
        return s == key ? value : s
    }
    public func entityLabel(_ entity: String, plural: Bool = true) -> String {
        self(plural ? "entity_\(entity)" : "entity_\(entity)_one")
    }
}
