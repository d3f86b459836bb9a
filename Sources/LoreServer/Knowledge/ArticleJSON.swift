import Foundation
import LoreCore
import LoreStore

/// Article input parsed strictly from JSON, every bad field named (the outputs are typed: ``ArticleBody``).
enum ArticleJSON {
    static let inputFields: Set<String> = [
        "type", "title", "body", "language", "category_id", "tags", "product_ids", "account_ids", "competitor_ids",
        "audience",
        "audience_tiers", "audience_industries", "verify_by", "note",
    ]

    /// Reads article input; with `base`, absent fields keep the base's values (PATCH).
    static func input(_ o: [String: JSONValue], base: ArticleInput?) throws -> ArticleInput {
        var r = ArticleFieldReader(o)
        for key in o.keys where !inputFields.contains(key) { r.fail(key, "unknown_field", "is not an article field") }
        let type = r.choice("type", ArticleType.self) ?? base?.type
        let title = r.string("title") ?? base?.title
        let body = r.string("body") ?? base?.body
        let language = r.choice("language", ArticleLanguage.self) ?? base?.language
        let audienceKind = r.choice("audience", AudienceKind.self) ?? base?.audience.kind ?? .internal
        var result = ArticleInput(type: type ?? .faq, title: title ?? "", body: body ?? "", language: language ?? .en)
        result.categoryID = r.id("category_id") ?? base?.categoryID
        result.tags = r.list("tags", ArticleFieldReader.text) ?? base?.tags ?? []
        result.productIDs = r.list("product_ids", ArticleFieldReader.positiveID) ?? base?.productIDs ?? []
        result.accountIDs = r.list("account_ids", ArticleFieldReader.positiveID) ?? base?.accountIDs ?? []
        result.competitorIDs = r.list("competitor_ids", ArticleFieldReader.positiveID) ?? base?.competitorIDs ?? []
        let tiers = r.list("audience_tiers", ArticleFieldReader.text) ?? base?.audience.tiers ?? []
        let industries = r.list("audience_industries", ArticleFieldReader.text) ?? base?.audience.industries ?? []
        result.audience = Audience(kind: audienceKind, tiers: tiers, industries: industries)
        // Checked as sent: a non-segment audience drops its tiers, but a wrong value is still an error, not ignored.
        if let bad = tiers.first(where: { !Catalog.valueTiers.contains($0) }) {
            r.fail(
                "audience_tiers", "invalid_choice",
                "\(bad) is not one of: \(Catalog.valueTiers.joined(separator: ", "))")
        }
        result.verifyBy = o.keys.contains("verify_by") ? r.string("verify_by", nullable: true) : base?.verifyBy
        r.note()
        if base == nil {
            if type == nil { r.require("type") }
            if language == nil { r.require("language") }
        }
        var checked = result
        let errors = r.errors + checked.validate().filter { e in !r.errors.contains(where: { $0.field == e.field }) }
        if !errors.isEmpty { throw Problem.validation(errors) }
        return checked
    }
}

/// Reads an article body's fields strictly, collecting a problem per bad field. Null only where the document allows
/// it (verify_by, note); elsewhere it is a type error, not "unchanged".
struct ArticleFieldReader {
    let object: [String: JSONValue]
    private(set) var errors: [FieldError] = []

    init(_ object: [String: JSONValue]) { self.object = object }

    mutating func fail(_ key: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: key, code: code, message: message))
    }

    /// A required field that is missing (unless its value was already refused).
    mutating func require(_ key: String) {
        if !errors.contains(where: { $0.field == key }) { fail(key, "required", "is required") }
    }

    mutating func string(_ key: String, nullable: Bool = false) -> String? {
        switch object[key] {
        case .none: return nil
        case .some(.null):
            if !nullable { fail(key, "invalid_type", "must be a string, not null") }
            return nil
        case .some(.string(let s)): return s
        default:
            fail(key, "invalid_type", "must be a string")
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let s = string(key) else { return nil }
        guard let v = T(rawValue: s) else {
            fail(key, "invalid_choice", "must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return v
    }

    /// Absent (`.none`), cleared (`.some(nil)`) or an id.
    mutating func id(_ key: String) -> Int64?? {
        switch object[key] {
        case .none: return .none
        case .some(.null): return .some(nil)
        case .some(.int(let i)) where i > 0: return .some(i)
        default:
            fail(key, "invalid_type", "must be a positive integer or null")
            return .none
        }
    }

    /// At most 500 items, each read by `read`.
    mutating func list<T>(_ key: String, _ read: (JSONValue) -> T?) -> [T]? {
        guard let v = object[key] else { return nil }
        guard case .array(let items) = v, items.count <= 500, let out = Optional(items.compactMap(read)),
            out.count == items.count
        else {
            fail(key, "invalid_type", "must be an array of the right type")
            return nil
        }
        return out
    }

    /// A revision note: text under ``TextRule`` or null.
    mutating func note() {
        if case .string(let note)? = object["note"] {
            TextRule.check(
                note, field: "note", maxLength: FormLimits.comment, multiLine: true, required: false, into: &errors)
        } else if let note = object["note"], note != .null {
            fail("note", "invalid_type", "must be a string")
        }
    }

    static func text(_ v: JSONValue) -> String? { if case .string(let s) = v { s } else { nil } }
    static func positiveID(_ v: JSONValue) -> Int64? { if case .int(let i) = v, i > 0 { i } else { nil } }
}
