/// Builds the engine-specific full-text expressions from analysed tokens. Tokens only ever contain letters, digits
/// and `-_.`, and are quoted besides, so nothing a user types can become full-text syntax.
public enum SearchExpressions {
    /// Query tokens, de-duplicated in order, at most `limit`. Stop words ("and", "the", 的) are dropped unless the
    /// query has nothing else, so "refunds and returns" needs only the words that carry meaning.
    public static func queryTokens(_ text: String, limit: Int = 32, analyzer: TextAnalyzer = TextAnalyzer()) -> [String]
    {
        var seen = Set<String>()
        let all = analyzer.tokens(String(text.prefix(2_000)), mode: .query).filter { seen.insert($0).inserted }
        let meaningful = all.filter { !stopWords.contains($0) }
        return Array((meaningful.isEmpty ? all : meaningful).prefix(limit))
    }

    /// An FTS5 MATCH expression: every token as a quoted string, all required (`all`) or any (`any`).
    public static func fts5(_ tokens: [String], all: Bool) -> String {
        tokens.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(
            separator: all ? " AND " : " OR ")
    }

    /// A PostgreSQL tsquery literal.
    public static func tsquery(_ tokens: [String], all: Bool) -> String {
        tokens.map(lexeme).joined(separator: all ? " & " : " | ")
    }

    /// A PostgreSQL tsvector literal with positions, field after field, each token under its field's weight label
    /// (A, B, C, or "" for D). Positions stop at PostgreSQL's 16,383 and 64 per token.
    public static func tsvector(fields: [([String], String)]) -> String {
        var positions: [String: [String]] = [:]
        var order: [String] = []
        var position = 0
        for (tokens, label) in fields {
            for token in tokens {
                position += 1
                guard position <= 16_383 else { continue }
                if positions[token] == nil { order.append(token) }
                if positions[token, default: []].count < 64 {
                    positions[token, default: []].append("\(position)\(label)")
                }
            }
        }
        return order.map { "\(lexeme($0)):\(positions[$0, default: []].joined(separator: ","))" }.joined(separator: " ")
    }

    public static func lexeme(_ token: String) -> String {
        "'" + token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Tokens of a long text worth querying with, for "related articles": distinct, without English stop words,
    /// longest-first within the limit so specific words and codes beat short common ones.
    public static func relatedTokens(_ text: String, limit: Int = 24, analyzer: TextAnalyzer = TextAnalyzer())
        -> [String]
    {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for t in analyzer.tokens(String(text.prefix(20_000)), mode: .query)
        where !stopWords.contains(t) && !(t.count < 2 && t.allSatisfy(\.isASCII)) {
            if counts[t] == nil { order.append(t) }
            counts[t, default: 0] += 1
        }
        let ranked = order.enumerated().sorted { a, b in
            let ca = counts[a.element, default: 0]
            let cb = counts[b.element, default: 0]
            if ca != cb { return ca > cb }
            return a.offset < b.offset
        }
        return Array(ranked.prefix(limit).map(\.element))
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "is",
        "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "we", "you", "he", "she", "they",
        "my", "our",
        "your", "me", "us", "them", "not", "no", "do", "doe", "did", "have", "has", "had", "can", "could", "will",
        "would", "should",
        "as", "so", "than", "then", "there", "what", "when", "which", "who", "how", "please", "thank", "thanks", "hi",
        "hello",
        "的", "了", "是", "我", "你", "在", "有", "和", "吗", "呢", "请", "您",
    ]
}
