import Foundation
import LoreCore
import LoreStore

/// Article input parsed strictly from JSON, every bad field named (the outputs are typed: ``ArticleBody``).
enum ArticleJSON {
    static let inputFields: Set<String> = [
        "type", "title", "body", "language", "category_id", "tags", "product_ids", "account_ids", "competitor_ids", "audience",
        "audience_tiers", "audience_industries", "verify_by", "note",
    ]

    /// Reads article input; with `base`, absent fields keep the base's values (PATCH).
    static func input(_ o: [String: JSONValue], base: ArticleInput?) throws -> ArticleInput {
        var errors: [FieldError] = []
        for key in o.keys where !inputFields.contains(key) {
            errors.append(FieldError(field: key, code: "unknown_field", message: "is not an article field"))
        }
        // Null only where the document allows it (verify_by, note); elsewhere it is a type error, not "unchanged".
        func string(_ key: String, nullable: Bool = false) -> String? {
            switch o[key] {
            case .none: return nil
            case .some(.null):
                if !nullable { errors.append(FieldError(field: key, code: "invalid_type", message: "must be a string, not null")) }
                return nil
            case .some(.string(let s)): return s
            default:
                errors.append(FieldError(field: key, code: "invalid_type", message: "must be a string"))
                return nil
            }
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T? where T.RawValue == String {
            guard let s = string(key) else { return nil }
            guard let v = T(rawValue: s) else {
                errors.append(
                    FieldError(field: key, code: "invalid_choice", message: "must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            return v
        }
        func id(_ key: String) -> Int64?? {
            switch o[key] {
            case .none: return .none
            case .some(.null): return .some(nil)
            case .some(.int(let i)) where i > 0: return .some(i)
            default:
                errors.append(FieldError(field: key, code: "invalid_type", message: "must be a positive integer or null"))
                return .none
            }
        }
        func list<T>(_ key: String, _ read: (JSONValue) -> T?) -> [T]? {
            guard let v = o[key] else { return nil }
            guard case .array(let items) = v, items.count <= 500, let out = Optional(items.compactMap(read)), out.count == items.count else {
                errors.append(FieldError(field: key, code: "invalid_type", message: "must be an array of the right type"))
                return nil
            }
            return out
        }
        let strings = { (v: JSONValue) -> String? in if case .string(let s) = v { return s } else { return nil } }
        let ids = { (v: JSONValue) -> Int64? in if case .int(let i) = v, i > 0 { return i } else { return nil } }

        let type = choice("type", ArticleType.self) ?? base?.type
        let title = string("title") ?? base?.title
        let body = string("body") ?? base?.body
        let language = choice("language", ArticleLanguage.self) ?? base?.language
        let audienceKind = choice("audience", AudienceKind.self) ?? base?.audience.kind ?? .internal
        var result = ArticleInput(type: type ?? .faq, title: title ?? "", body: body ?? "", language: language ?? .en)
        result.categoryID = id("category_id") ?? base?.categoryID
        result.tags = list("tags", strings) ?? base?.tags ?? []
        result.productIDs = list("product_ids", ids) ?? base?.productIDs ?? []
        result.accountIDs = list("account_ids", ids) ?? base?.accountIDs ?? []
        result.competitorIDs = list("competitor_ids", ids) ?? base?.competitorIDs ?? []
        let tiers = list("audience_tiers", strings) ?? base?.audience.tiers ?? []
        result.audience = Audience(
            kind: audienceKind, tiers: tiers, industries: list("audience_industries", strings) ?? base?.audience.industries ?? [])
        // Checked as sent: a non-segment audience drops its tiers, but a wrong value is still an error, not ignored.
        if let bad = tiers.first(where: { !Catalog.valueTiers.contains($0) }) {
            errors.append(
                FieldError(
                    field: "audience_tiers", code: "invalid_choice", message: "\(bad) is not one of: \(Catalog.valueTiers.joined(separator: ", "))"))
        }
        if o.keys.contains("verify_by") { result.verifyBy = string("verify_by", nullable: true) } else { result.verifyBy = base?.verifyBy }
        if case .string(let note)? = o["note"] {
            TextRule.check(note, field: "note", maxLength: FormLimits.comment, multiLine: true, required: false, into: &errors)
        } else if let note = o["note"], note != .null {
            errors.append(FieldError(field: "note", code: "invalid_type", message: "must be a string"))
        }
        if base == nil {
            if type == nil && !errors.contains(where: { $0.field == "type" }) {
                errors.append(FieldError(field: "type", code: "required", message: "is required"))
            }
            if language == nil && !errors.contains(where: { $0.field == "language" }) {
                errors.append(FieldError(field: "language", code: "required", message: "is required"))
            }
        }
        var checked = result
        errors += checked.validate().filter { e in !errors.contains(where: { $0.field == e.field }) }
        if !errors.isEmpty { throw Problem.validation(errors) }
        return checked
    }
}
