import LoreCore
import SQLKit

extension CaseRepository {
    /// Rebuilds the index of solved cases (after a bulk load, or to recover). Returns how many cases were indexed.
    /// Newest first, as the index's rowids ascend (see ``KnowledgeRepository/reindex(batch:progress:)``).
    @discardableResult
    public func reindex(progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        let index = self.index
        try await database.write { db in try await index.clear(on: db) }
        var before = Int64.max
        var done = 0
        while true {
            let from = before
            let batch = try await database.write { db -> [Int64] in
                let ids = try await db.raw(
                    "SELECT id FROM cases WHERE id < \(bind: from) AND status IN ('resolved', 'closed') ORDER BY id DESC LIMIT 2000"
                ).all().map { try $0.decode(column: "id", as: Int64.self) }
                let cases = try await CaseRows.fetch(ids: ids, on: db).sorted { $0.id > $1.id }
                try await index.putBatch(cases.map { ($0.id, $0.fullTextTokens) }, on: db)
                return ids
            }
            guard let end = batch.last else { break }
            before = end
            done += batch.count
            progress(done)
        }
        try await database.write { db in try await index.finishRebuild(on: db) }
        return done
    }
}
