/// A knowledge-base article as stored, with its counters and derived scores.
public struct Article: Sendable, Equatable {
    public var id: Int64
    public var type: ArticleType
    public var title: String
    public var body: String
    public var language: ArticleLanguage
    public var categoryID: Int64?
    public var tags: [String]
    public var productIDs: [Int64]
    public var accountIDs: [Int64]
    public var competitorIDs: [Int64]
    public var status: ArticleStatus
    public var audience: Audience
    public var ownerID: Int64?
    public var version: Int
    public var publishedAt: String?
    public var verifiedAt: String?
    public var verifyBy: String?
    public var helpfulCount: Int
    public var unhelpfulCount: Int
    public var viewCount: Int
    public var solvedCount: Int
    public var sourceCaseID: Int64?
    public var createdAt: String
    public var updatedAt: String
    public var createdBy: Int64?
    public var updatedBy: Int64?

    public init(
        id: Int64, type: ArticleType, title: String, body: String, language: ArticleLanguage, categoryID: Int64? = nil,
        tags: [String] = [], productIDs: [Int64] = [], accountIDs: [Int64] = [], competitorIDs: [Int64] = [],
        status: ArticleStatus = .draft, audience: Audience = Audience(kind: .internal), ownerID: Int64? = nil,
        version: Int = 1,
        publishedAt: String? = nil, verifiedAt: String? = nil, verifyBy: String? = nil, helpfulCount: Int = 0,
        unhelpfulCount: Int = 0,
        viewCount: Int = 0, solvedCount: Int = 0, sourceCaseID: Int64? = nil, createdAt: String, updatedAt: String,
        createdBy: Int64? = nil, updatedBy: Int64? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.body = body
        self.language = language
        self.categoryID = categoryID
        self.tags = tags
        self.productIDs = productIDs
        self.accountIDs = accountIDs
        self.competitorIDs = competitorIDs
        self.status = status
        self.audience = audience
        self.ownerID = ownerID
        self.version = version
        self.publishedAt = publishedAt
        self.verifiedAt = verifiedAt
        self.verifyBy = verifyBy
        self.helpfulCount = helpfulCount
        self.unhelpfulCount = unhelpfulCount
        self.viewCount = viewCount
        self.solvedCount = solvedCount
        self.sourceCaseID = sourceCaseID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.updatedBy = updatedBy
    }

    /// Whether the verify-by date has passed on the day `today` (a `YYYY-MM-DD` date).
    public func isPastDue(today: String) -> Bool {
        guard status == .published, let verifyBy else { return false }
        return verifyBy < today
    }

    public func freshness(nowMilliseconds: Int64) -> Double {
        Self.freshness(
            since: verifiedAt ?? publishedAt ?? createdAt, type: type, helpful: helpfulCount, unhelpful: unhelpfulCount,
            nowMilliseconds: nowMilliseconds)
    }

    /// Freshness from the time of the last verification (else publication, else creation) and the feedback alone,
    /// for ranking search candidates before their whole rows are read.
    public static func freshness(since: String, type: ArticleType, helpful: Int, unhelpful: Int, nowMilliseconds: Int64)
        -> Double
    {
        let then = Timestamp.parse(since) ?? nowMilliseconds
        let days = Double(nowMilliseconds - then) / 86_400_000
        return KnowledgeScores.freshness(
            daysSinceVerified: days, verifyDays: type.verifyDays, helpful: helpful, unhelpful: unhelpful)
    }

    public var quality: Double {
        KnowledgeScores.quality(
            helpful: helpfulCount, unhelpful: unhelpfulCount, solvedCount: solvedCount, views: viewCount)
    }
}

/// The content and metadata an author writes; validated by ``ArticleInput/validate()``.
public struct ArticleInput: Sendable, Equatable {
    public var type: ArticleType
    public var title: String
    public var body: String
    public var language: ArticleLanguage
    public var categoryID: Int64?
    public var tags: [String]
    public var productIDs: [Int64]
    public var accountIDs: [Int64]
    public var competitorIDs: [Int64]
    public var audience: Audience
    /// A chosen verify-by date (`YYYY-MM-DD`); nil takes the type's default period from publication.
    public var verifyBy: String?

    public init(
        type: ArticleType, title: String, body: String, language: ArticleLanguage, categoryID: Int64? = nil,
        tags: [String] = [],
        productIDs: [Int64] = [], accountIDs: [Int64] = [], competitorIDs: [Int64] = [],
        audience: Audience = Audience(kind: .internal),
        verifyBy: String? = nil
    ) {
        self.type = type
        self.title = title
        self.body = body
        self.language = language
        self.categoryID = categoryID
        self.tags = tags
        self.productIDs = productIDs
        self.accountIDs = accountIDs
        self.competitorIDs = competitorIDs
        self.audience = audience
        self.verifyBy = verifyBy
    }

    public init(_ article: Article) {
        self.init(
            type: article.type, title: article.title, body: article.body, language: article.language,
            categoryID: article.categoryID,
            tags: article.tags, productIDs: article.productIDs, accountIDs: article.accountIDs,
            competitorIDs: article.competitorIDs,
            audience: article.audience, verifyBy: article.verifyBy)
    }

    public static let maximumTitleLength = 300
    public static let maximumBodyLength = 200_000
    public static let maximumTags = 20
    public static let maximumTagLength = 40

    /// Trims and de-duplicates tags, and returns every problem with the input.
    public mutating func validate() -> [FieldError] {
        var errors: [FieldError] = []
        TextRule.check(
            title, field: "title", maxLength: Self.maximumTitleLength, multiLine: false, required: true, into: &errors)
        TextRule.check(
            body, field: "body", maxLength: Self.maximumBodyLength, multiLine: true, required: true, into: &errors)
        title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if tags.count > Self.maximumTags {
            errors.append(FieldError(field: "tags", code: "too_many", message: "at most \(Self.maximumTags) tags"))
        }
        var seen = Set<String>()
        let tagProblem = tags.contains {
            TextRule.problem($0, maxLength: Self.maximumTagLength, multiLine: false) != nil || $0.contains(",")
        }
        tags = tags.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
        if tagProblem {
            errors.append(
                FieldError(
                    field: "tags", code: "invalid",
                    message: "each tag is at most \(Self.maximumTagLength) characters, without commas"))
        }
        if audience.kind == .segments && audience.tiers.isEmpty && audience.industries.isEmpty {
            errors.append(
                FieldError(
                    field: "audience_tiers", code: "required",
                    message: "choose at least one tier or industry for a segment audience"))
        }
        if let verifyBy, Timestamp.days(ofDate: verifyBy) == nil {
            errors.append(FieldError(field: "verify_by", code: "invalid_date", message: "must be a date YYYY-MM-DD"))
        }
        productIDs = Array(Set(productIDs)).sorted()
        accountIDs = Array(Set(accountIDs)).sorted()
        competitorIDs = Array(Set(competitorIDs)).sorted()
        return errors
    }
}
