import Foundation

/// Freshness, quality and the blended search rank of an article. Pure functions so the README's formula,
/// the store and the tests all use the same numbers.
public enum KnowledgeScores {
    /// Freshness in 0...1: halves every verification period since the last verification, and is pulled down by
    /// negative feedback (the share of "not helpful" votes, smoothed so one early vote does not dominate).
    public static func freshness(daysSinceVerified: Double, verifyDays: Int, helpful: Int, unhelpful: Int) -> Double {
        let age = max(0, daysSinceVerified)
        let decay = pow(0.5, age / Double(max(1, verifyDays)))
        let negativeShare = Double(unhelpful) / Double(helpful + unhelpful + 3)
        return clamp(decay * (1 - 0.6 * negativeShare))
    }

    /// Quality in 0...1: a smoothed helpful ratio (a new article starts at 0.5), lifted by reuse in solved cases
    /// and, a little, by views.
    public static func quality(helpful: Int, unhelpful: Int, solvedCount: Int, views: Int) -> Double {
        let ratio = Double(helpful + 1) / Double(helpful + unhelpful + 2)
        let use = 1 - exp(-(Double(solvedCount) + Double(views) / 100) / 10)
        return clamp(0.75 * ratio + 0.25 * use)
    }

    /// The final rank: text relevance (normalised to the best match of the query, 0...1) weighted by freshness
    /// and quality. Relevance dominates; among similar matches, fresh and well-rated articles come first.
    public static func rank(relevance: Double, freshness: Double, quality: Double) -> Double {
        relevance * (0.6 + 0.25 * freshness + 0.15 * quality)
    }

    /// A badge for the freshness of an article.
    public static func badge(freshness: Double, pastDue: Bool) -> FreshnessBadge {
        if pastDue || freshness < 0.35 { return .stale }
        if freshness < 0.65 { return .ageing }
        return .fresh
    }

    /// Whether an article belongs in its owner's "needs review" queue.
    public static func needsReview(pastDue: Bool, helpful: Int, unhelpful: Int) -> Bool {
        pastDue || (unhelpful >= 3 && Double(unhelpful) > Double(helpful))
    }

    static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
}

/// The freshness shown next to an article.
public enum FreshnessBadge: String, Sendable, Encodable {
    case fresh, ageing, stale
}
