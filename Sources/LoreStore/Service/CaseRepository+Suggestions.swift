import LoreCore
import SQLKit

/// Suggested answers for a case, and "this solved it".
extension CaseRepository {
    public struct Suggestion: Sendable {
        public var kind: SuggestionRanking.Kind
        public var id: Int64
        public var title: String
        public var match: Double
        public var score: Double
        /// For articles and candidates: freshness badge and how often the article solved a case.
        public var badge: FreshnessBadge?
        public var solvedCount: Int
        /// Already recorded as having solved this case.
        public var used: Bool
        /// The answer it offers as plain text: an article's text, or a solved case's resolution (at most 2,000
        /// characters), for a preview and for inserting into a reply.
        public var answer: String = ""
    }

    /// Ranked articles, candidate solutions and past solved cases similar to this case (see ``SuggestionRanking``).
    public func suggestions(caseID: Int64, limit: Int = 5, as p: Principal) async throws -> [Suggestion] {
        let c = try await get(id: caseID, as: p)
        return try await suggestions(
            subject: c.subject, description: c.description, excludingCase: c.id, limit: limit, as: p)
    }

    public func suggestions(
        subject: String, description: String, excludingCase: Int64? = nil, limit: Int = 5, as p: Principal
    ) async throws
        -> [Suggestion]
    {
        guard p.role.isStaff else { throw AccessRefusal.forbidden("suggestions are for staff") }
        let text = subject + "\n" + subject + "\n" + description
        let tokens = SearchExpressions.relatedTokens(text)
        guard !tokens.isEmpty else { return [] }
        let hits = try await knowledge.related(subject: subject, description: description, k: 10, as: p)
        let index = self.index
        return try await database.read { db in
            var candidates: [SuggestionRanking.Candidate] = []
            var meta: [String: (FreshnessBadge?, Int)] = [:]
            var answers: [String: String] = [:]
            let texts = try await Self.articleTexts(hits.map(\.article.id), on: db)
            for h in hits {
                candidates.append(
                    .init(
                        kind: .article, id: h.article.id, title: h.article.title, text: texts[h.article.id] ?? "",
                        freshness: h.freshness,
                        quality: h.quality))
                meta["article-\(h.article.id)"] = (h.badge, h.article.solvedCount)
                answers["article-\(h.article.id)"] = texts[h.article.id] ?? ""
            }
            let caseIDs = try await db.raw(index.matches(FullTextQuery(tokens: tokens, all: false), limit: 20)).all()
                .map { try $0.decode(column: "id", as: Int64.self) }.filter { $0 != excludingCase }
            let captured = try await Self.capturedArticles(caseIDs, on: db)
            let published = Set(hits.map(\.article.id))
            let visible = try await Self.visibleIDs(caseIDs, principal: p, on: db)
            for pc in try await CaseRows.fetch(ids: caseIDs, on: db) {
                if let a = captured[pc.id] {
                    guard !published.contains(a.id), a.status != .archived else { continue }
                    // Published captured solutions are found by article search; drafts and those in review come from here.
                    if a.status == .published { continue }
                    candidates.append(.init(kind: .candidate, id: a.id, title: a.title, text: a.plainText))
                    meta["candidate-\(a.id)"] = (nil, a.solvedCount)
                    answers["candidate-\(a.id)"] = a.plainText
                } else if visible.contains(pc.id) {
                    candidates.append(
                        .init(
                            kind: .case, id: pc.id, title: pc.subject,
                            text: pc.description + "\n" + (pc.resolution ?? "")))
                    meta["case-\(pc.id)"] = (nil, 0)
                    answers["case-\(pc.id)"] = pc.resolution ?? pc.description
                }
            }
            let used = try await Self.usedSolutions(excludingCase, on: db)
            return SuggestionRanking.rank(caseText: text, candidates: candidates, limit: limit).map { r in
                let key = "\(r.candidate.kind.rawValue)-\(r.candidate.id)"
                let usedKey = (r.candidate.kind == .case ? "case-" : "article-") + String(r.candidate.id)
                return Suggestion(
                    kind: r.candidate.kind, id: r.candidate.id, title: r.candidate.title, match: r.match,
                    score: r.score, badge: meta[key]?.0 ?? nil,
                    solvedCount: meta[key]?.1 ?? 0, used: used.contains(usedKey),
                    answer: String((answers[key] ?? "").prefix(2_000)))
            }
        }
    }

    static func articleTexts(_ ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: String] = [:]
        for r in try await db.select().columns("id", "plain_text", "body").from("articles").where(
            "id", .in, SQLBind.group(ids)
        ).all() {
            let id = try r.decode(column: "id", as: Int64.self)
            out[id] =
                try SQLValues.optionalString(r, "plain_text")
                ?? Markdown.plainText(try r.decode(column: "body", as: String.self))
        }
        return out
    }

    struct CapturedArticle {
        var id: Int64
        var title: String
        var status: ArticleStatus
        var plainText: String
        var solvedCount: Int
    }

    /// The newest article captured from each of these cases.
    static func capturedArticles(_ caseIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: CapturedArticle] {
        guard !caseIDs.isEmpty else { return [:] }
        var out: [Int64: CapturedArticle] = [:]
        for r in try await db.select().columns(
            "id", "source_case_id", "title", "status", "plain_text", "body", "solved_count"
        ).from("articles")
            .where("source_case_id", .in, SQLBind.group(caseIDs)).orderBy("id").all()
        {
            out[try r.decode(column: "source_case_id", as: Int64.self)] = CapturedArticle(
                id: try r.decode(column: "id", as: Int64.self), title: try r.decode(column: "title", as: String.self),
                status: ArticleStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .draft,
                plainText: try SQLValues.optionalString(r, "plain_text")
                    ?? Markdown.plainText(try r.decode(column: "body", as: String.self)),
                solvedCount: try r.decode(column: "solved_count", as: Int.self))
        }
        return out
    }

    static func visibleIDs(_ ids: [Int64], principal p: Principal, on db: any SQLDatabase) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return Set(
            try await db.raw(
                "SELECT c.id FROM cases c WHERE c.id IN \(SQLBind.group(ids)) AND \(CaseFilters.visible(p))"
            ).all()
                .map { try $0.decode(column: "id", as: Int64.self) })
    }

    static func usedSolutions(_ caseID: Int64?, on db: any SQLDatabase) async throws -> Set<String> {
        guard let caseID else { return [] }
        return Set(
            try await db.select().columns("kind", "target_id").from("case_solutions").where(
                "case_id", .equal, SQLBind(caseID)
            ).all()
                .map {
                    "\(try $0.decode(column: "kind", as: String.self))-\(try $0.decode(column: "target_id", as: Int64.self))"
                })
    }

    /// "This solved it": links an article (published or a candidate) or a past solved case to this case and counts
    /// the reuse. Recording the same solution twice is a conflict.
    public func solvedWith(caseID: Int64, article: Int64? = nil, pastCase: Int64? = nil, as p: Principal) async throws
        -> ServiceCase
    {
        let kind: String
        let target: Int64
        switch (article, pastCase) {
        case (let a?, nil): (kind, target) = ("article", a)
        case (nil, let c?): (kind, target) = ("case", c)
        default: throw Self.invalid("article_id", "required", "name either article_id or case_id")
        }
        return try await database.write { db in
            let c = try await Self.workable(id: caseID, principal: p, on: db)
            if let article {
                let a = try await KnowledgeRepository.visible(id: article, principal: p, on: db)
                guard a.status == .published || ArticlePolicy.isCandidateSolution(a) else {
                    throw StoreError.conflict(
                        field: "article_id", message: "only published articles and candidate solutions solve cases")
                }
            } else if let pastCase {
                let past = try await Self.visible(id: pastCase, principal: p, on: db)
                guard past.id != c.id, !past.status.isActive else {
                    throw StoreError.conflict(field: "case_id", message: "only another solved case can be followed")
                }
            }
            guard
                try await db.select().column("case_id").from("case_solutions").where("case_id", .equal, SQLBind(caseID))
                    .where("kind", .equal, SQLBind(kind)).where("target_id", .equal, SQLBind(target)).first() == nil
            else { throw StoreError.conflict(field: nil, message: "already recorded as solving case \(c.reference)") }
            try await db.insert(into: "case_solutions").columns("case_id", "kind", "target_id", "by_id", "created_at")
                .values(SQLBind(caseID), SQLBind(kind), SQLBind(target), SQLBind(p.userID), SQLBind(Timestamp.now()))
                .run()
            if let article {
                try await KnowledgeRepository.recordSolved(articleID: article, on: db)
            } else {
                try await db.raw("UPDATE cases SET reuse_count = reuse_count + 1 WHERE id = \(bind: target)").run()
            }
            try await CaseRows.addEvent(caseID, "solved_with", detail: "\(kind) \(target)", actor: p.userID, on: db)
            return try await CaseRows.require(id: caseID, on: db)
        }
    }
}
