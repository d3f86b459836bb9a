import Foundation
import LoreCore
import SQLKit

/// Search, title suggestions and related articles — all limited to published articles the principal's audience admits.
extension KnowledgeRepository {
    public func search(_ q: ArticleSearchQuery, as p: Principal) async throws -> ArticleSearchResult {
        try await KnowledgeSearch.search(q, reader: try await reader(for: p), database: database, facets: facets)
    }

    /// Titles that start like what the user is typing: every word but the last must match, the last as a prefix.
    public func suggest(prefix text: String, limit: Int = 8, as p: Principal) async throws -> [(
        id: Int64, title: String, type: ArticleType
    )] {
        let tokens = Self.suggestionTokens(text)
        guard let last = tokens.last else { return [] }
        // A Chinese (CJK) token needs no prefix match: every single character and pair is a token of its own, so the
        // exact token finds the same titles, where a prefix would make FTS5 merge every pair starting with it.
        let prefixLast = !last.contains(where: TextAnalyzer.isCJK)
        let index = self.index
        return try await database.read { db in
            let audience = ArticleFilters.indexFilter(try await Self.reader(for: p, on: db))
            let query = FullTextQuery(tokens: tokens, all: true, field: "title", prefixLast: prefixLast)
            let rows = try await db.raw(index.matches(query, filter: audience, limit: limit)).all()
            let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
            return try await ArticleRows.fetch(ids: ids, withBody: false, on: db).map { ($0.id, $0.title, $0.type) }
        }
    }

    /// Query tokens for suggestions: the last word unstemmed (it is still being typed), and at least two letters
    /// for a Latin prefix so one keystroke does not expand to half the vocabulary.
    static func suggestionTokens(_ text: String) -> [String] {
        let trimmed = String(text.prefix(200))
        var tokens = SearchExpressions.queryTokens(trimmed, limit: 8)
        guard let lastWord = trimmed.split(whereSeparator: { $0.isWhitespace }).last, !tokens.isEmpty else {
            return tokens
        }
        let raw = TextAnalyzer().tokens(String(lastWord), mode: .query)
        if let last = raw.last, !last.contains(where: { TextAnalyzer.isCJK($0) }) {
            // Use the folded form as typed ("refun" must not be stemmed).
            let folded = String(lastWord).folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
            ).lowercased()
                .filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            tokens[tokens.count - 1] = folded.isEmpty ? last : folded
            if folded.count < 2 { tokens.removeLast() }
        }
        return tokens
    }

    /// The k best published articles for a piece of text (a case's subject and description): any of its
    /// distinctive words may match, ranked like a search.
    public func related(subject: String, description: String, k: Int = 5, excluding: Set<Int64> = [], as p: Principal)
        async throws -> [ArticleHit]
    {
        // The subject says most about the problem: count it twice.
        let tokens = SearchExpressions.relatedTokens(subject + "\n" + subject + "\n" + description)
        guard !tokens.isEmpty, k > 0 else { return [] }
        let index = self.index
        return try await database.read { db in
            let audience = ArticleFilters.indexFilter(try await Self.reader(for: p, on: db))
            let statement = ArticleCandidates.statement(
                FullTextQuery(tokens: tokens, all: false), index: index, filter: audience,
                limit: k + excluding.count + 20)
            let kept = try ArticleCandidates.decode(try await db.raw(statement).all()).candidates.filter {
                !excluding.contains($0.id)
            }
            return try await KnowledgeSearch.rank(kept, tokens: tokens, window: 0..<k, on: db)
        }
    }
}
