import LoreCore
import SQLKit

extension KnowledgeRepository {
    /// Rebuilds the full-text index from the published articles (after a bulk load, or if the analyser changes).
    /// Works in batches, one transaction each; returns the number of articles indexed.
    @discardableResult
    public func reindex(batch: Int = 2_000, progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        let engine = database.engine
        try await database.write { db in
            switch engine {
            case .sqlite: try await db.raw("DELETE FROM article_fts").run()
            case .postgres: try await db.raw("TRUNCATE article_search").run()
            }
        }
        var after: Int64 = 0
        var done = 0
        while true {
            let from = after
            let rows = try await database.read { db in
                try await db.select().columns("id", "title", "body", "tags")
                    .column(SQLRaw("CASE WHEN plain_text IS NULL THEN 1 ELSE 0 END"), as: "missing_text")
                    .from("articles").where("status", .equal, SQLBind("published"))
                    .where("id", .greaterThan, SQLBind(from)).orderBy("id").limit(batch).all()
                    .map {
                        (
                            try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "title", as: String.self),
                            try $0.decode(column: "body", as: String.self), try $0.decode(column: "tags", as: String.self),
                            try $0.decode(column: "missing_text", as: Int.self) == 1
                        )
                    }
            }
            guard let last = rows.last else { break }
            let docs = rows.map { id, title, body, tags, _ -> (Int64, [String], [String]) in
                let a = Article(
                    id: id, type: .faq, title: title, body: body, language: .en, tags: ArticleRows.split(tags), createdAt: "", updatedAt: "")
                let (t, b) = ArticleIndex.documentTokens(a)
                return (id, t, b)
            }
            try await database.write { db in
                // Fill the stored plain text of rows written before it existed (only those: a rebuild rewrites no rows).
                for (id, _, body, _, missing) in rows where missing {
                    try await db.update("articles").where("id", .equal, SQLBind(id)).set("plain_text", to: SQLBind(Markdown.plainText(body))).run()
                }
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
            done += rows.count
            after = last.0
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
