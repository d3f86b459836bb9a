import LoreCore
import LoreStore

/// An article as `POST /articles` and `PATCH /articles/{id}` (and an import line) send it. Every field is optional
/// here: on PATCH an absent field keeps its value; on create ``input(base:)`` asks for type and language, and
/// ``ArticleInput/validate()`` for title and body.
struct ArticleInputBody: JSONInput {
    static var unknownFieldHint: String? { "is not an article field" }

    var type: ArticleType?
    var title: String?
    var body: String?
    var language: ArticleLanguage?
    var categoryID: RecordID??
    var tags: [String]?
    var productIDs: [RecordID]?
    var accountIDs: [RecordID]?
    var competitorIDs: [RecordID]?
    var audience: AudienceKind?
    var audienceTiers: [String]?
    var audienceIndustries: [String]?
    var verifyBy: String??
    var note: String??

    func validate(_ check: inout FieldChecks) {
        check.text(note ?? nil, "note", maxLength: FormLimits.comment)
        // Checked as sent: a non-segment audience drops its tiers, but a wrong value is still an error, not ignored.
        if let bad = audienceTiers?.first(where: { !Catalog.valueTiers.contains($0) }), !check.has("audience_tiers") {
            check.fail(
                "audience_tiers", "invalid_choice",
                "\(bad) is not one of: \(Catalog.valueTiers.joined(separator: ", "))")
        }
    }

    /// The article these fields describe, and the problems found in it (beside `known`, the body's own); with `base`
    /// (PATCH), absent fields keep the base's values.
    func input(base: ArticleInput?, known: [FieldError]) -> (ArticleInput, [FieldError]) {
        var check = FieldChecks(known)
        if base == nil {
            if type == nil, !check.has("type") { check.fail("type", "required", "is required") }
            if language == nil, !check.has("language") { check.fail("language", "required", "is required") }
        }
        var result = ArticleInput(
            type: type ?? base?.type ?? .faq, title: title ?? base?.title ?? "", body: body ?? base?.body ?? "",
            language: language ?? base?.language ?? .en)
        result.categoryID = categoryID.map { $0?.value } ?? base?.categoryID
        result.tags = tags ?? base?.tags ?? []
        result.productIDs = productIDs?.map(\.value) ?? base?.productIDs ?? []
        result.accountIDs = accountIDs?.map(\.value) ?? base?.accountIDs ?? []
        result.competitorIDs = competitorIDs?.map(\.value) ?? base?.competitorIDs ?? []
        result.audience = Audience(
            kind: audience ?? base?.audience.kind ?? .internal,
            tiers: audienceTiers ?? base?.audience.tiers ?? [],
            industries: audienceIndustries ?? base?.audience.industries ?? [])
        result.verifyBy = verifyBy ?? base?.verifyBy
        for e in result.validate() where !check.has(e.field) { check.fail(e.field, e.code, e.message) }
        return (result, check.errors)
    }

    /// The fields an article body may carry (an export line carries read-only ones too, dropped on import).
    static let fieldNames = Set(JSONValueDecoder.shape(of: Self.self).fields)

    /// Reads an article body: its shape, then the article's own rules.
    static func read(_ object: [String: JSONValue], base: ArticleInput?) throws -> (ArticleInput, note: String?) {
        let (body, problems) = JSONValueDecoder().decodeCollecting(Self.self, from: object)
        guard let body else { throw ValidationFailure(problems) }
        let (input, all) = body.input(base: base, known: problems)
        if !all.isEmpty { throw ValidationFailure(all) }
        return (input, body.note ?? nil)
    }
}

/// `POST /articles/{id}/proposals`: a change proposed for review.
struct ProposalBody: JSONInput {
    static var unknownFieldHint: String? { "a proposal has title, body, tags and note" }
    var title: String
    var body: String
    var tags: [String]?
    var note: String??

    func validate(_ check: inout FieldChecks) {
        check.text(title, "title", maxLength: ArticleInput.maximumTitleLength, multiLine: false, required: true)
        check.text(body, "body", maxLength: ArticleInput.maximumBodyLength, required: true)
        check.text(note ?? nil, "note", maxLength: FormLimits.comment)
    }
}

/// `POST /articles/{id}/feedback`.
struct FeedbackBody: JSONInput {
    static var unknownFieldHint: String? { "feedback has helpful and comment" }
    var helpful: Bool
    var comment: String??

    func validate(_ check: inout FieldChecks) { check.text(comment ?? nil, "comment", maxLength: FormLimits.comment) }
}

/// An optional `{"comment": "..."}` on a review decision.
struct CommentBody: JSONInput {
    static var unknownFieldHint: String? { "only comment is accepted" }
    var comment: String??

    func validate(_ check: inout FieldChecks) { check.text(comment ?? nil, "comment", maxLength: FormLimits.comment) }
}

/// The comment of a rejection: why, for the author.
struct RejectionBody: JSONInput {
    static var unknownFieldHint: String? { "only comment is accepted" }
    var comment: String

    func validate(_ check: inout FieldChecks) {
        check.text(comment, "comment", maxLength: FormLimits.comment, required: true)
    }
}

/// `POST /kb/related`: articles for a case being written.
struct RelatedArticlesBody: JSONInput {
    static var unknownFieldHint: String? { "send subject, description and k" }
    var subject: String
    var description: String??
    var k: Int?

    func validate(_ check: inout FieldChecks) {
        check.text(subject, "subject", maxLength: 1_000, multiLine: false, required: true)
        check.text(description ?? nil, "description", maxLength: CaseInput.maximumDescriptionLength)
        check.range(k, "k", 1...50)
    }
}
