import Foundation
import LoreCore
import LoreStore

/// Articles and their history as JSON, and article input parsed strictly from JSON (every bad field named).
enum ArticleJSON {
    /// `scored` is the freshness and badge a search already worked out for the article (the same formula), so a
    /// page of hits does not parse and format timestamps again.
    static func encode(_ a: Article, withBody: Bool = true, scored: (freshness: Double, badge: FreshnessBadge)? = nil) -> JSONValue {
        let freshness = scored?.freshness ?? a.freshness(nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let badge = scored?.badge ?? KnowledgeScores.badge(freshness: freshness, pastDue: a.isPastDue(today: String(Timestamp.now().prefix(10))))
        var o: [String: JSONValue] = [
            "id": .int(a.id), "type": .string(a.type.rawValue), "title": .string(a.title), "language": .string(a.language.rawValue),
            "category_id": a.categoryID.map(JSONValue.int) ?? .null, "tags": .array(a.tags.map(JSONValue.string)),
            "product_ids": .array(a.productIDs.map(JSONValue.int)), "account_ids": .array(a.accountIDs.map(JSONValue.int)),
            "competitor_ids": .array(a.competitorIDs.map(JSONValue.int)), "status": .string(a.status.rawValue),
            "audience": .string(a.audience.kind.rawValue), "audience_tiers": .array(a.audience.tiers.map(JSONValue.string)),
            "audience_industries": .array(a.audience.industries.map(JSONValue.string)), "owner_id": a.ownerID.map(JSONValue.int) ?? .null,
            "version": .int(Int64(a.version)), "published_at": optional(a.publishedAt), "verified_at": optional(a.verifiedAt),
            "verify_by": optional(a.verifyBy), "helpful_count": .int(Int64(a.helpfulCount)), "unhelpful_count": .int(Int64(a.unhelpfulCount)),
            "view_count": .int(Int64(a.viewCount)), "solved_count": .int(Int64(a.solvedCount)), "freshness": .double(round3(freshness)),
            "freshness_badge": .string(badge.rawValue),
            "quality": .double(round3(a.quality)), "created_at": .string(a.createdAt), "updated_at": .string(a.updatedAt),
        ]
        if withBody {
            o["body"] = .string(a.body)
            o["body_html"] = .string(Markdown.html(a.body))
        }
        return .object(o)
    }

    static func encode(_ v: ArticleVersion) -> JSONValue {
        .object([
            "number": .int(Int64(v.number)), "type": .string(v.type.rawValue), "title": .string(v.title), "body": .string(v.body),
            "language": .string(v.language.rawValue), "category_id": v.categoryID.map(JSONValue.int) ?? .null,
            "tags": .array(v.tags.map(JSONValue.string)), "status": .string(v.status.rawValue), "note": optional(v.note),
            "author_id": v.authorID.map(JSONValue.int) ?? .null, "author_name": optional(v.authorName), "created_at": .string(v.createdAt),
        ])
    }

    static func encode(_ r: ArticleRevision) -> JSONValue {
        .object([
            "id": .int(r.id), "article_id": .int(r.articleID), "base_version": .int(Int64(r.baseVersion)), "title": .string(r.title),
            "body": .string(r.body), "tags": .array(r.tags.map(JSONValue.string)), "note": optional(r.note),
            "author_id": r.authorID.map(JSONValue.int) ?? .null, "author_name": optional(r.authorName), "created_at": .string(r.createdAt),
            "status": .string(r.status.rawValue), "reviewer_id": r.reviewerID.map(JSONValue.int) ?? .null,
            "review_comment": optional(r.reviewComment), "reviewed_at": optional(r.reviewedAt),
        ])
    }

    static func encode(_ r: ArticleReview) -> JSONValue {
        .object([
            "revision_id": r.revisionID.map(JSONValue.int) ?? .null, "reviewer_id": r.reviewerID.map(JSONValue.int) ?? .null,
            "reviewer_name": optional(r.reviewerName), "decision": .string(r.decision), "comment": optional(r.comment),
            "created_at": .string(r.createdAt),
        ])
    }

    static func encode(_ h: ArticleHit) -> JSONValue {
        .object([
            "article": encode(h.article, withBody: false, scored: (h.freshness, h.badge)), "relevance": .double(round3(h.relevance)),
            "score": .double(round3(h.score)),
            "snippet": .string(Snippet.plain(h.snippet)), "snippet_html": .string(Snippet.html(h.snippet)),
        ])
    }

    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

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
