import LoreCore
import SQLKit

extension CaseRepository {
    /// Rebuilds the index of solved cases (after a bulk load, or to recover). Returns how many cases were indexed.
    @discardableResult
    public func reindex(progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        let engine = database.engine
        try await database.write { db in
            switch engine {
            case .sqlite: try await db.raw("DELETE FROM case_fts").run()
            case .postgres: try await db.raw("DELETE FROM case_search").run()
            }
        }
        var last: Int64 = 0
        var done = 0
        while true {
            let after = last
            let batch = try await database.write { db -> [Int64] in
                let ids = try await db.raw(
                    "SELECT id FROM cases WHERE id > \(bind: after) AND status IN ('resolved', 'closed') ORDER BY id LIMIT 2000"
                ).all().map { try $0.decode(column: "id", as: Int64.self) }
                for c in try await CaseRows.fetch(ids: ids, on: db) { try await CaseIndex.put(c, engine: engine, countTerms: false, on: db) }
                return ids
            }
            guard let end = batch.last else { break }
            last = end
            done += batch.count
            progress(done)
        }
        if engine == .sqlite { try await database.write { db in try await SearchTerms.rebuild(.cases, on: db) } }
        return done
    }
}
