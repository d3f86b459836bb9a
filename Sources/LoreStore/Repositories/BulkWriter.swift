import LoreCore
import SQLKit

/// Fast multi-row inserts for generators and imports (the demo company, benchmark data).
/// Each call is one transaction; rows go in batches so neither engine's bind-parameter limit is reached.
public struct BulkWriter: Sendable {
    public let database: any LoreDatabase
    public init(database: any LoreDatabase) { self.database = database }

    /// Inserts `rows` (values in `columns` order) and returns the new ids in insertion order.
    @discardableResult
    public func insert(into table: String, columns: [String], rows: [[FieldValue]], returningIDs: Bool = true)
        async throws -> [Int64]
    {
        guard !rows.isEmpty else { return [] }
        let batch = max(1, min(1000, 30_000 / max(1, columns.count)))
        return try await database.write { db in
            var ids: [Int64] = []
            ids.reserveCapacity(returningIDs ? rows.count : 0)
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + batch)]
                var builder = db.insert(into: table).columns(columns)
                for row in chunk { builder = builder.values(row.map(SQLValues.expression)) }
                if returningIDs {
                    let returned = try await builder.returning("id").all()
                    ids += try returned.map { try $0.decode(column: "id", as: Int64.self) }
                } else {
                    try await builder.run()
                }
                start += batch
            }
            return ids
        }
    }

    /// Runs an engine-neutral statement, e.g. to recompute derived totals after a bulk load.
    public func execute(_ sql: String) async throws {
        try await database.write { db in try await db.raw("\(unsafeRaw: sql)").run() }
    }

    /// Counts the rows of a table.
    public func count(_ table: String) async throws -> Int {
        try await database.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
                .orMissing("a count").decode(
                    column: "n", as: Int.self)
        }
    }
}
