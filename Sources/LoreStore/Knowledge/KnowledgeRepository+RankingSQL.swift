import Foundation
import LoreCore
import SQLKit

extension KnowledgeRepository {
    /// The ranking statements a staff search for `text` runs on SQLite, with their values written in: one, or two
    /// when no article has every word (all words, then any), as ``search(_:as:)`` runs them — with `facets`, the
    /// variant that also lists the ids the facets count (``ArticleCandidates``). For benchmarks, which time exactly
    /// these statements in the sqlite3 shell (bench/kb_sqlite3.py); nil on PostgreSQL or for a query with nothing to
    /// search for.
    public func rankingStatements(for text: String, facets: Bool = false) async throws -> [String]? {
        guard database.engine == .sqlite else { return nil }
        let tokens = SearchExpressions.queryTokens(text)
        guard !tokens.isEmpty else { return nil }
        let want = ArticleSearchQuery(text: text).limit + KnowledgeSearch.extraCandidates
        let index = self.index
        return try await database.read { db in
            var out: [String] = []
            for all in tokens.count > 1 ? [true, false] : [true] {
                let query = ArticleCandidates.statement(
                    FullTextQuery(tokens: tokens, all: all), index: index, filter: nil, limit: want, facetIDs: facets)
                out.append(try Self.inlined(query, on: db))
                if !(try ArticleCandidates.decode(try await db.raw(query).all()).candidates.isEmpty) { break }
            }
            return out
        }
    }

    /// `query` as one SQL text, each bound value written as a literal in place of its `?N`.
    static func inlined(_ query: SQLQueryString, on db: any SQLDatabase) throws -> String {
        var serializer = SQLSerializer(database: db)
        query.serialize(to: &serializer)
        let literals = try serializer.binds.map { value -> String in
            switch value {
            case let s as String: return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case let n as Int: return String(n)
            case let n as Int64: return String(n)
            default: throw StoreError.conflict(field: nil, message: "cannot write \(type(of: value)) as an SQL literal")
            }
        }
        var out = ""
        var rest = Substring(serializer.sql)
        while let mark = rest.firstIndex(of: "?") {
            out += rest[..<mark]
            let digits = rest[rest.index(after: mark)...].prefix { $0.isNumber }
            guard let n = Int(digits), n >= 1, n <= literals.count else {
                throw StoreError.conflict(field: nil, message: "unexpected placeholder in \(serializer.sql)")
            }
            out += literals[n - 1]
            rest = rest[digits.endIndex...]
        }
        return out + rest
    }
}
