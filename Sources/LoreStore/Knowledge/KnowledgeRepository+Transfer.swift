import LoreCore
import SQLKit

/// One item's result in a bulk import.
public struct ImportOutcome: Sendable, Equatable {
    /// Where the item came from: a line number or a file name.
    public var source: String
    public var articleID: Int64?
    public var error: String?
}

/// Bulk import and export of articles.
extension KnowledgeRepository {
    /// Imports parsed documents (or the parse error of each bad one). `atomic`: any error refuses the whole import and
    /// nothing is written; otherwise each good item is written in its own transaction and the bad ones are reported.
    /// Publishing on import needs a knowledge manager; others' `published` items arrive as drafts.
    public func importDocuments(
        _ items: [(source: String, document: Result<ArticleDocument, FrontMatter.ParseError>)], atomic: Bool,
        as p: Principal
    )
        async throws -> [ImportOutcome]
    {
        guard ArticlePolicy.canCreate(p) else {
            throw AccessRefusal.forbidden("portal customers cannot import articles")
        }
        let parseErrors = items.compactMap { item -> ImportOutcome? in
            if case .failure(let e) = item.document {
                return ImportOutcome(source: item.source, articleID: nil, error: e.description)
            }
            return nil
        }
        if atomic && !parseErrors.isEmpty { return parseErrors }
        if atomic {
            let good = items.compactMap { item -> (String, ArticleDocument)? in
                if case .success(let d) = item.document { return (item.source, d) }
                return nil
            }
            return try await importAll(good, as: p)
        }
        var out: [ImportOutcome] = []
        for item in items {
            switch item.document {
            case .failure(let e): out.append(ImportOutcome(source: item.source, articleID: nil, error: e.description))
            case .success(let doc):
                do {
                    let index = self.index
                    let id = try await database.write { db in try await Self.importOne(doc, index: index, as: p, on: db)
                    }
                    out.append(ImportOutcome(source: item.source, articleID: id, error: nil))
                } catch {
                    out.append(ImportOutcome(source: item.source, articleID: nil, error: Self.importMessage(error)))
                }
            }
        }
        return out
    }

    /// All or nothing: every reference is checked first so the report names all bad items, then all are written in
    /// one transaction.
    func importAll(_ good: [(String, ArticleDocument)], as p: Principal) async throws -> [ImportOutcome] {
        let problems = try await database.read { db in
            var out: [ImportOutcome] = []
            for (source, doc) in good {
                do { try await ArticleWrites.checkReferences(doc.input, on: db) } catch {
                    out.append(ImportOutcome(source: source, articleID: nil, error: Self.importMessage(error)))
                }
            }
            return out
        }
        if !problems.isEmpty { return problems }
        let index = self.index
        return try await database.write { db in
            var out: [ImportOutcome] = []
            for (source, doc) in good {
                out.append(
                    ImportOutcome(
                        source: source, articleID: try await Self.importOne(doc, index: index, as: p, on: db),
                        error: nil))
            }
            return out
        }
    }

    /// Writes one imported article (published at once if it says so and the importer is a reviewer).
    static func importOne(_ doc: ArticleDocument, index: any FullTextIndex, as p: Principal, on db: any SQLDatabase)
        async throws -> Int64
    {
        try await ArticleWrites.checkReferences(doc.input, on: db)
        let id = try await ArticleWrites.insert(
            doc.input, status: .draft, ownerID: p.userID, teamID: p.teamID, by: p.userID, on: db)
        if doc.status == .published && ArticlePolicy.isReviewer(p) {
            let now = Timestamp.now()
            try await ArticleWrites.setStatus(
                id, .published, by: p.userID,
                extra: [
                    "published_at": .string(now), "verified_at": .string(now),
                    "verify_by": .string(Self.verifyBy(chosen: doc.input.verifyBy, type: doc.input.type, now: now)),
                ], on: db)
            try await db.update("article_versions").where("article_id", .equal, SQLBind(id)).set(
                "status", to: SQLBind("published")
            ).run()
            try await index.put(try await ArticleRows.require(id: id, on: db), on: db)
        }
        try await AuditLog.record(
            on: db, userID: p.userID, entity: "articles", entityID: id, action: "import", summary: doc.input.title,
            changes: [:])
        return id
    }

    static func importMessage(_ error: any Error) -> String {
        if case StoreError.invalid(let v) = error {
            return v.errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        }
        return "\(error)"
    }

    /// Every article the principal may read, with its versions, in id order, a batch at a time.
    public func export(as p: Principal, afterID: Int64 = 0, batch: Int = 200) async throws -> [(
        article: Article, versions: [ArticleVersion]
    )] {
        try await database.read { db in
            let cond = ArticleFilters.visible(p, reader: try await Self.reader(for: p, on: db))
            let ids = try await db.raw(
                "SELECT a.id FROM articles a WHERE \(cond) AND a.id > \(bind: afterID) ORDER BY a.id LIMIT \(bind: batch)"
            )
            .all()
            .map { try $0.decode(column: "id", as: Int64.self) }
            var out: [(Article, [ArticleVersion])] = []
            for a in try await ArticleRows.fetch(ids: ids, withBody: true, on: db) {
                let versions = try await ArticleHistoryRows.versions(articleID: a.id, on: db)
                out.append(
                    (
                        a,
                        ArticlePolicy.canManage(a, principal: p)
                            ? versions : versions.filter { $0.status == .published }
                    ))
            }
            return out
        }
    }
}
