import LoreCore
import SQLKit

/// This process's ``FacetColumns``, kept in step with the search index through ``ArticleIndexLog``: a search reads
/// the log's newest sequence number in the statement that finds its matches, and the cache catches up to it before
/// counting — so counts include every change committed before the search, whichever process made it.
public actor ArticleFacetCache {
    private var columns = FacetColumns()
    /// The log position the columns reflect; nil until the first load.
    private var seq: Int64?
    private var running: Task<Void, any Error>?

    public init() {}

    /// Loads every indexed article's facet values now, so the first search does not wait for it; returns how many.
    @discardableResult
    public func warm(_ database: any LoreDatabase) async throws -> Int {
        try await columns(through: 0, database: database).count
    }

    /// The columns as of log position `target` or later.
    ///
    /// `target` comes from a committed read, but another reader connection may still be on an older snapshot (on
    /// SQLite a connection's statements share one read transaction while any of them runs), so a catch-up can fall
    /// short of it. After ``maxRounds`` such rounds the columns are used as they are — counts a moment old rather
    /// than a search that waits.
    func columns(through target: Int64, database: any LoreDatabase) async throws -> FacetColumns {
        var rounds = 0
        while seq.map({ $0 < target }) ?? true, rounds < Self.maxRounds {
            // One catch-up at a time; later callers wait for it. The task clears `running` itself before anyone
            // resumes, so no caller ever loops on a finished task (which, on this actor, would never yield to it).
            let task = running ?? startCatchUp(database)
            try await task.value
            rounds += 1
        }
        return columns
    }

    static let maxRounds = 3

    private func startCatchUp(_ database: any LoreDatabase) -> Task<Void, any Error> {
        // Runs on this actor (it inherits the isolation), so it cannot start before `running` is set below.
        let task = Task {
            defer { self.running = nil }
            try await self.catchUp(database)
        }
        running = task
        return task
    }

    private func catchUp(_ database: any LoreDatabase) async throws {
        if let from = seq,
            let changes = try await database.read({ db in try await ArticleIndexLog.changes(after: from, on: db) })
        {
            let ids = Array(changes.articleIDs)
            // Changed on a copy and swapped in at the end, so a failed read leaves the columns and position as they were.
            var updated = columns
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                let entries = try await database.read { db in
                    try await Self.entries(where: "a.id IN (\(binds: part))", on: db)
                }
                for id in part { updated.set(id, entries[id]) }
            }
            (columns, seq) = (updated, changes.through)
            return
        }
        // Everything: the log position first, so a change committed meanwhile is both read here and replayed later
        // (replaying reads an article's current values, so twice is harmless).
        let (through, maxID) = try await database.read { db in
            (try await ArticleIndexLog.latest(on: db), try await Self.maxID(on: db))
        }
        var loaded = FacetColumns()
        for from in stride(from: Int64(0), to: maxID, by: 50_000) {
            let batch = try await database.read { db in
                try await Self.entries(where: "a.id > \(bind: from) AND a.id <= \(bind: from + 50_000)", on: db)
            }
            for (id, entry) in batch { loaded.set(id, entry) }
        }
        (columns, seq) = (loaded, through)
    }

    /// Facet values of the published articles among those `condition` selects (on `articles a`); others absent.
    static func entries(where condition: SQLQueryString, on db: any SQLDatabase) async throws -> [Int64: FacetColumns
        .Entry]
    {
        var out: [Int64: FacetColumns.Entry] = [:]
        for row in try await db.raw(
            "SELECT a.id, a.type, a.language, a.category_id FROM articles a WHERE \(ArticleFilters.audience(.staff)) AND \(condition)"
        )
        .all() {
            guard let type = ArticleType(rawValue: try row.decode(column: "type", as: String.self)),
                let language = ArticleLanguage(rawValue: try row.decode(column: "language", as: String.self))
            else { continue }
            out[try row.decode(column: "id", as: Int64.self)] = FacetColumns.Entry(
                type: type, language: language, categoryID: try SQLValues.optionalInt(row, "category_id"),
                productIDs: [])
        }
        guard !out.isEmpty else { return out }
        let links = try await db.raw(
            """
            SELECT l.article_id, l.target_id FROM article_links l JOIN articles a ON a.id = l.article_id \
            WHERE l.kind = 'product' AND \(ArticleFilters.audience(.staff)) AND \(condition) ORDER BY l.article_id, l.target_id
            """
        ).all()
        for row in links {
            out[try row.decode(column: "article_id", as: Int64.self)]?.productIDs.append(
                try row.decode(column: "target_id", as: Int64.self))
        }
        return out
    }

    static func maxID(on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw("SELECT MAX(id) AS id FROM articles").first()
        return try row.flatMap { try SQLValues.optionalInt($0, "id") } ?? 0
    }
}
