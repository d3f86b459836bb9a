import LoreCore
import SQLKit

/// A group of records with its count and the sum of one money or number field.
public struct RecordGroup: Sendable, Equatable {
    public var key: FieldValue
    public var count: Int
    public var sum: Int64
}

extension RecordRepository {
    /// Counts (and sums `sumField` of) the visible, non-archived records per value of `groupBy`.
    public func aggregate(
        _ schema: EntitySchema, groupBy: String, sum sumField: String?, filters: [String: FieldValue] = [:],
        ownerID: Int64? = nil,
        as principal: Principal
    ) async throws -> [RecordGroup] {
        guard let group = schema.field(groupBy), group.isColumn else {
            throw StoreError.badRequest("cannot group by \(groupBy)")
        }
        if let sumField, schema.field(sumField)?.isColumn != true {
            throw StoreError.badRequest("cannot sum \(sumField)")
        }
        return try await database.read { db in
            var select = db.select().column(SQLColumn(groupBy), as: "k")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .column(
                    sumField.map {
                        SQLFunction("COALESCE", args: SQLFunction("SUM", args: SQLColumn($0)), SQLLiteral.numeric("0"))
                    }
                        as (any SQLExpression)?
                        ?? SQLLiteral.numeric("0"), as: "s"
                )
                .from(schema.name)
                .where("archived_at", .is, SQLLiteral.null)
            if let predicate = ScopeFilter.predicate(principal.scope, schema: schema) {
                select = select.where(predicate)
            }
            for (k, v) in filters.sorted(by: { $0.key < $1.key }) {
                select = select.where(SQLColumn(k), .equal, SQLValues.expression(v))
            }
            if let ownerID, schema.owned { select = select.where("owner_id", .equal, SQLBind(ownerID)) }
            let rows = try await select.groupBy(groupBy).all()
            return try rows.map { row in
                RecordGroup(
                    key: try SQLValues.decode(row, column: "k", kind: group.kind),
                    count: try row.decode(column: "n", as: Int.self),
                    sum: try row.decode(column: "s", as: Int64.self))
            }
        }
    }
}
