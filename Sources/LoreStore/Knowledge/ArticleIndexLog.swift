import LoreCore
import SQLKit

/// The feed of index changes that facet caches follow (migration 14). Written in the transaction that changes the
/// index, so a cache that has read up to a sequence number has seen every change committed before it.
enum ArticleIndexLog {
    /// The entry that tells caches to reload every article.
    static let everything: Int64 = 0
    /// Entries kept; a cache further behind than this reloads everything.
    static let kept: Int64 = 10_000

    static func record(_ articleID: Int64, engine: Engine, on db: any SQLDatabase) async throws {
        if engine == .postgres {
            // PostgreSQL's writers run side by side and take sequence numbers in any order; one at a time, a number
            // is taken only after every smaller one has committed, so a cache never skips one still in flight.
            // Plain reads are not blocked by this lock.
            try await db.raw("LOCK TABLE article_index_log IN EXCLUSIVE MODE").run()
        }
        try await db.insert(into: "article_index_log").columns("article_id").values(SQLBind(articleID)).run()
        try await db.raw(
            "DELETE FROM article_index_log WHERE seq <= (SELECT MAX(seq) FROM article_index_log) - \(unsafeRaw: String(kept))"
        ).run()
    }

    /// Changes after `seq`, oldest first: the articles to read again, or nil when the cache must reload everything
    /// (a rebuilt index, or entries it missed have been pruned). `through` is the last sequence number covered.
    static func changes(after seq: Int64, on db: any SQLDatabase) async throws -> (
        articleIDs: Set<Int64>, through: Int64
    )? {
        let rows = try await db.raw(
            "SELECT seq, article_id FROM article_index_log WHERE seq > \(bind: seq) ORDER BY seq LIMIT \(unsafeRaw: String(kept))"
        ).all()
        guard let last = try rows.last?.decode(column: "seq", as: Int64.self) else { return ([], seq) }
        // Pruning takes entries at least `kept` behind the newest, so a cache that close has missed none.
        if rows.count >= Int(kept) || seq < last - kept { return nil }
        var ids = Set<Int64>()
        for row in rows {
            let id = try row.decode(column: "article_id", as: Int64.self)
            if id == everything { return nil }
            ids.insert(id)
        }
        return (ids, last)
    }

    /// The last sequence number written (0 before any).
    static func latest(on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw("SELECT MAX(seq) AS seq FROM article_index_log").first()
        return try row.flatMap { try SQLValues.optionalInt($0, "seq") } ?? 0
    }
}
