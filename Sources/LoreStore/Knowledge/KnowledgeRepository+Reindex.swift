import LoreCore
import SQLKit

extension KnowledgeRepository {
    /// Rebuilds the full-text index from the published articles (after a bulk load, or if the analyser changes).
    /// Works in batches, one transaction each, newest article first; returns the number of articles indexed.
    ///
    /// Newest first because on SQLite that is ascending rowid order (``FullTextRowid``): FTS5 flushes its pending
    /// terms to a new segment whenever a rowid is not above the last one written, so oldest first wrote a segment
    /// per article and spent the rebuild merging them.
    @discardableResult
    public func reindex(batch: Int = 2_000, progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        let index = self.index
        try await database.write { db in try await index.clear(on: db) }
        var before = Int64.max
        var done = 0
        while true {
            let from = before
            // A range of the primary key, whatever the status: with `status = 'published'` in SQL, SQLite's planner
            // took the (status, type) index and sorted every published row for each batch.
            let rows = try await database.read { db in
                try await db.select().columns("id", "title", "body", "tags", "status")
                    .column(SQLRaw("CASE WHEN plain_text IS NULL THEN 1 ELSE 0 END"), as: "missing_text")
                    .from("articles").where("id", .lessThan, SQLBind(from)).orderBy("id", .descending).limit(batch)
                    .all()
                    .map(SourceRow.init)
            }
            guard let last = rows.last else { break }
            let docs = rows.filter(\.published).map { r -> (id: Int64, fields: [[String]]) in
                let a = Article(
                    id: r.id, type: .faq, title: r.title, body: r.body, language: .en, tags: ArticleRows.split(r.tags),
                    createdAt: "", updatedAt: "")
                return (r.id, a.fullTextTokens)
            }
            try await database.write { db in
                // Fill the stored plain text of rows written before it existed (only those: a rebuild rewrites no rows).
                for r in rows where r.missingText {
                    try await db.update("articles").where("id", .equal, SQLBind(r.id)).set(
                        "plain_text", to: SQLBind(Markdown.plainText(r.body))
                    )
                    .run()
                }
                try await index.putBatch(docs, on: db)
            }
            done += docs.count
            before = last.id
            progress(done)
        }
        try await database.write { db in try await index.finishRebuild(on: db) }
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
