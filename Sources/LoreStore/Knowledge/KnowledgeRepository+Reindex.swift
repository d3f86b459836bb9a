import LoreCore
import SQLKit

extension KnowledgeRepository {
    /// Rebuilds the full-text index from the published articles (after a bulk load, or if the analyser changes).
    /// Works in batches, one transaction each, newest article first; returns the number of articles indexed.
    ///
    /// Newest first because on SQLite that is ascending rowid order (``ArticleFTSRowid``): FTS5 flushes its pending
    /// terms to a new segment whenever a rowid is not above the last one written, so oldest first wrote a segment
    /// per article and spent the rebuild merging them.
    @discardableResult
    public func reindex(batch: Int = 2_000, progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        let engine = database.engine
        try await database.write { db in
            switch engine {
            case .sqlite: try await db.raw("DELETE FROM article_fts").run()
            case .postgres: try await db.raw("TRUNCATE article_search").run()
            }
        }
        var before = Int64.max
        var done = 0
        while true {
            let from = before
            // A range of the primary key, whatever the status: with `status = 'published'` in SQL, SQLite's planner
            // took the (status, type) index and sorted every published row for each batch.
            let rows = try await database.read { db in
                try await db.select().columns("id", "title", "body", "tags", "status")
                    .column(SQLRaw("CASE WHEN plain_text IS NULL THEN 1 ELSE 0 END"), as: "missing_text")
                    .from("articles").where("id", .lessThan, SQLBind(from)).orderBy("id", .descending).limit(batch).all()
                    .map(SourceRow.init)
            }
            guard let last = rows.last else { break }
            let docs = rows.filter(\.published).map { r -> (Int64, [String], [String]) in
                let a = Article(
                    id: r.id, type: .faq, title: r.title, body: r.body, language: .en, tags: ArticleRows.split(r.tags), createdAt: "", updatedAt: "")
                let (t, b) = ArticleIndex.documentTokens(a)
                return (r.id, t, b)
            }
            try await database.write { db in
                // Fill the stored plain text of rows written before it existed (only those: a rebuild rewrites no rows).
                for r in rows where r.missingText {
                    try await db.update("articles").where("id", .equal, SQLBind(r.id)).set("plain_text", to: SQLBind(Markdown.plainText(r.body)))
                        .run()
                }
                guard !docs.isEmpty else { return }
                switch engine {
                case .sqlite:
                    var b = db.insert(into: "article_fts").columns("rowid", "title", "body")
                    for (id, t, body) in docs {
                        let rowid = try ArticleFTSRowid.make(id: id, length: t.count + body.count)
                        b = b.values(SQLBind(rowid), SQLBind(t.joined(separator: " ")), SQLBind(body.joined(separator: " ")))
                    }
                    try await b.run()
                case .postgres:
                    for chunk in stride(from: 0, to: docs.count, by: 500) {
                        var values: [SQLQueryString] = []
                        for (id, t, body) in docs[chunk..<min(docs.count, chunk + 500)] {
                            values.append("(\(bind: id), CAST(\(bind: SearchExpressions.tsvector(title: t, body: body)) AS tsvector))")
                        }
                        var sql: SQLQueryString = "INSERT INTO article_search (article_id, tsv) VALUES "
                        for (i, v) in values.enumerated() { sql = sql + (i == 0 ? "" : ", ") + v }
                        try await db.raw(sql).run()
                    }
                }
            }
            done += docs.count
            before = last.id
            progress(done)
        }
        try await database.write { db in
            try await ArticleIndexLog.record(ArticleIndexLog.everything, engine: engine, on: db)
            switch engine {
            case .sqlite:
                try await db.raw("INSERT INTO article_fts (article_fts) VALUES ('optimize')").run()
                try await SearchTerms.rebuild(.articles, on: db)
            case .postgres: try await db.raw("ANALYZE article_search").run()
            }
        }
        return done
    }
}

/// An article as a rebuild reads it.
private struct SourceRow {
    let id: Int64
    let title: String
    let body: String
    let tags: String
    let published: Bool
    /// No plain text stored yet (written before migration 8, or by a bulk load).
    let missingText: Bool

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        title = try row.decode(column: "title", as: String.self)
        body = try row.decode(column: "body", as: String.self)
        tags = try row.decode(column: "tags", as: String.self)
        published = try row.decode(column: "status", as: String.self) == ArticleStatus.published.rawValue
        missingText = try row.decode(column: "missing_text", as: Int.self) == 1
    }
}
