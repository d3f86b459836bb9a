/// The kinds of knowledge-base article, each with its own re-verification period.
public enum ArticleType: String, Sendable, CaseIterable, Codable {
    case faq
    case solution
    case productKnowledge = "product_knowledge"
    case howTo = "how_to"
    case competitorBrief = "competitor_brief"
    case lessonLearned = "lesson_learned"

    /// Days after a verification by which the article must be verified again. Competitor briefs go stale fastest;
    /// lessons learned age slowest.
    public var verifyDays: Int {
        switch self {
        case .faq: 180
        case .solution: 180
        case .productKnowledge: 365
        case .howTo: 270
        case .competitorBrief: 90
        case .lessonLearned: 730
        }
    }
}

/// Where an article is in its life: draft → in review → published → archived (a rejection goes back to draft).
public enum ArticleStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case inReview = "in_review"
    case published
    case archived
}

/// Who may read a published article.
public enum AudienceKind: String, Sendable, CaseIterable, Codable {
    /// Staff only.
    case `internal`
    /// Staff and every portal customer.
    case customers
    /// Staff and portal customers whose account is in one of the chosen value tiers or industries.
    case segments
}

/// An article's audience: the kind and, for `segments`, the account tiers and industries it is meant for.
public struct Audience: Sendable, Equatable {
    public var kind: AudienceKind
    public var tiers: [String]
    public var industries: [String]

    public init(kind: AudienceKind, tiers: [String] = [], industries: [String] = []) {
        self.kind = kind
        self.tiers = kind == .segments ? tiers : []
        self.industries = kind == .segments ? industries : []
    }

    /// Whether a reader may see an article meant for this audience.
    public func admits(_ reader: Reader) -> Bool {
        switch reader {
        case .staff: return true
        case .customer(let tier, let industry):
            switch kind {
            case .internal: return false
            case .customers: return true
            case .segments:
                return (tier.map(tiers.contains) ?? false) || (industry.map(industries.contains) ?? false)
            }
        }
    }
}

/// Who is reading: a member of staff, or a portal customer described by their account's segment.
public enum Reader: Sendable, Equatable {
    case staff
    case customer(tier: String?, industry: String?)
}

/// The languages an article can be written in.
public enum ArticleLanguage: String, Sendable, CaseIterable, Codable {
    case zh
    case en
}
