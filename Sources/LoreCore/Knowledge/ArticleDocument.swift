/// An article as it travels in an import or export (JSON Lines or a Markdown file), before it is checked.
public struct ArticleDocument: Sendable, Equatable {
    public var input: ArticleInput
    /// `draft` (the default) or `published`; publishing on import needs a knowledge manager.
    public var status: ArticleStatus

    public init(input: ArticleInput, status: ArticleStatus = .draft) {
        self.input = input
        self.status = status
    }

    /// Reads the front matter of a Markdown file; every problem is named.
    public static func fromMarkdown(_ text: String) throws -> ArticleDocument {
        let (fields, body) = try FrontMatter.parse(text)
        func string(_ k: String) -> String? { if case .string(let s) = fields[k] { return s } else { return nil } }
        func list(_ k: String) -> [String] {
            switch fields[k] {
            case .list(let l): return l
            case .string(let s): return s.isEmpty ? [] : [s]
            case nil: return []
            }
        }
        let known: Set<String> = [
            "title", "type", "language", "tags", "category_id", "product_ids", "account_ids", "competitor_ids",
            "audience", "audience_tiers",
            "audience_industries", "verify_by", "status",
        ]
        var problems: [String] = fields.keys.filter { !known.contains($0) }.sorted().map { "unknown field \($0)" }
        func choice<T: RawRepresentable & CaseIterable>(_ k: String, _: T.Type, default d: T?) -> T?
        where T.RawValue == String {
            guard let s = string(k) else {
                if d == nil { problems.append("\(k) is required") }
                return d
            }
            guard let v = T(rawValue: s) else {
                problems.append("\(k) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return d
            }
            return v
        }
        func ids(_ k: String) -> [Int64] {
            list(k).compactMap { s in
                guard let v = Int64(s), v > 0 else {
                    problems.append("\(k) must list positive ids")
                    return nil
                }
                return v
            }
        }
        let type = choice("type", ArticleType.self, default: nil)
        let language = choice("language", ArticleLanguage.self, default: nil)
        let audience = choice("audience", AudienceKind.self, default: .internal) ?? .internal
        let status = choice("status", ArticleStatus.self, default: .draft) ?? .draft
        var categoryID: Int64?
        if let c = string("category_id"), !c.isEmpty {
            if let v = Int64(c), v > 0 { categoryID = v } else { problems.append("category_id must be a positive id") }
        }
        var input = ArticleInput(
            type: type ?? .faq, title: string("title") ?? "", body: body, language: language ?? .en,
            categoryID: categoryID, tags: list("tags"),
            productIDs: ids("product_ids"), accountIDs: ids("account_ids"), competitorIDs: ids("competitor_ids"),
            audience: Audience(kind: audience, tiers: list("audience_tiers"), industries: list("audience_industries")),
            verifyBy: string("verify_by"))
        problems += input.validate().map { "\($0.field) \($0.message)" }
        if !problems.isEmpty { throw FrontMatter.ParseError(line: 0, message: problems.joined(separator: "; ")) }
        return ArticleDocument(input: input, status: status == .published ? .published : .draft)
    }

    public static func toMarkdown(_ a: Article) -> String {
        var fields: [(String, FrontMatter.Value)] = [
            ("title", .string(a.title)), ("type", .string(a.type.rawValue)), ("language", .string(a.language.rawValue)),
            ("tags", .list(a.tags)),
            ("audience", .string(a.audience.kind.rawValue)), ("status", .string(a.status.rawValue)),
        ]
        if let c = a.categoryID { fields.append(("category_id", .string(String(c)))) }
        if !a.productIDs.isEmpty { fields.append(("product_ids", .list(a.productIDs.map(String.init)))) }
        if !a.accountIDs.isEmpty { fields.append(("account_ids", .list(a.accountIDs.map(String.init)))) }
        if !a.competitorIDs.isEmpty { fields.append(("competitor_ids", .list(a.competitorIDs.map(String.init)))) }
        if !a.audience.tiers.isEmpty { fields.append(("audience_tiers", .list(a.audience.tiers))) }
        if !a.audience.industries.isEmpty { fields.append(("audience_industries", .list(a.audience.industries))) }
        if let v = a.verifyBy { fields.append(("verify_by", .string(v))) }
        return FrontMatter.render(fields, body: a.body)
    }
}
