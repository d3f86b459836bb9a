import Foundation

/// Ranks suggested answers for a case. Candidates come from two indexes (published articles; solved cases with their
/// candidate solutions) whose engine scores are not comparable, so every candidate is re-scored here the same way:
/// the share of the case's distinctive tokens that the candidate's text contains, weighted so that a token found in
/// few candidates counts more, then blended with the article's freshness and quality as knowledge search does.
public enum SuggestionRanking {
    public enum Kind: String, Sendable, Codable {
        /// A published article.
        case article
        /// A draft solution captured from an escalated case, not yet reviewed.
        case candidate
        /// A past solved case (without a captured article).
        case `case`
    }

    public struct Candidate: Sendable {
        public var kind: Kind
        public var id: Int64
        public var title: String
        public var text: String
        /// Freshness and quality for articles (0...1); cases and candidates use neutral values.
        public var freshness: Double
        public var quality: Double

        public init(kind: Kind, id: Int64, title: String, text: String, freshness: Double = 1, quality: Double = 0.5) {
            self.kind = kind
            self.id = id
            self.title = title
            self.text = text
            self.freshness = freshness
            self.quality = quality
        }
    }

    public struct Ranked: Sendable {
        public var candidate: Candidate
        /// Weighted share of the case's tokens the candidate contains (0...1).
        public var match: Double
        public var score: Double
    }

    /// Below this share of the case's (weighted) tokens a candidate does not "fit" and is not suggested.
    public static let minimumMatch = 0.3

    public static func rank(
        caseText: String, candidates: [Candidate], limit: Int, analyzer: TextAnalyzer = TextAnalyzer()
    ) -> [Ranked] {
        let query = Array(Set(SearchExpressions.relatedTokens(caseText, limit: 40, analyzer: analyzer)))
        guard !query.isEmpty, !candidates.isEmpty else { return [] }
        let docs = candidates.map {
            Set(analyzer.tokens(String(($0.title + "\n" + $0.title + "\n" + $0.text).prefix(20_000)), mode: .index))
        }
        // A token most candidates share says little about which one fits: weight by inverse pool frequency, and count
        // lone CJK characters at a third of a bigram.
        let n = Double(candidates.count)
        var weights: [String: Double] = [:]
        for t in query {
            let df = Double(docs.reduce(0) { $0 + ($1.contains(t) ? 1 : 0) })
            let single = t.unicodeScalars.count == 1 && !t.allSatisfy(\.isASCII)
            weights[t] = (1 + log2((n + 1) / (df + 1)) * 0.5) * (single ? 1.0 / 3 : 1)
        }
        let total = weights.values.reduce(0, +)
        var out: [Ranked] = []
        for (i, c) in candidates.enumerated() {
            let matched = query.reduce(0.0) { $0 + (docs[i].contains($1) ? weights[$1, default: 0] : 0) }
            let match = total > 0 ? matched / total : 0
            guard match >= minimumMatch else { continue }
            let score = KnowledgeScores.rank(relevance: match, freshness: c.freshness, quality: c.quality)
            out.append(Ranked(candidate: c, match: match, score: score))
        }
        out.sort {
            $0.score != $1.score
                ? $0.score > $1.score
                : ($0.candidate.kind.rawValue, $0.candidate.id) < ($1.candidate.kind.rawValue, $1.candidate.id)
        }
        return Array(out.prefix(limit))
    }
}
