import LoreCore
import SQLKit

/// Reads the audit log, newest first, with keyset paging by id.
public struct AuditRepository: Sendable {
    public let database: any LoreDatabase
    public init(database: any LoreDatabase) { self.database = database }

    public func list(
        entity: String? = nil, entityID: Int64? = nil, userID: Int64? = nil, before: Int64? = nil, limit: Int = 50
    ) async throws
        -> [AuditEntry]
    {
        try await database.read { db in
            var q = db.select()
                .columns(
                    SQLColumn("id", table: "a"), SQLColumn("at", table: "a"), SQLColumn("user_id", table: "a"),
                    SQLColumn("entity", table: "a"), SQLColumn("entity_id", table: "a"),
                    SQLColumn("action", table: "a"),
                    SQLColumn("summary", table: "a"), SQLColumn("changes", table: "a"), SQLColumn("ip", table: "a")
                )
                .column(SQLColumn("name", table: "u"), as: "user_name")
                .from(SQLAlias(SQLIdentifier("audit_log"), as: SQLIdentifier("a")))
                .join(
                    SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                    on: SQLColumn("id", table: "u"), .equal,
                    SQLColumn("user_id", table: "a"))
            if let entity { q = q.where(SQLColumn("entity", table: "a"), .equal, SQLBind(entity)) }
            if let entityID { q = q.where(SQLColumn("entity_id", table: "a"), .equal, SQLBind(entityID)) }
            if let userID { q = q.where(SQLColumn("user_id", table: "a"), .equal, SQLBind(userID)) }
            if let before { q = q.where(SQLColumn("id", table: "a"), .lessThan, SQLBind(before)) }
            return try await q.orderBy(
                SQLOrderBy(expression: SQLColumn("id", table: "a"), direction: SQLDirection.descending)
            ).limit(
                min(max(limit, 1), 200)
            ).all().map { row in
                AuditEntry(
                    id: try row.decode(column: "id", as: Int64.self), at: try row.decode(column: "at", as: String.self),
                    userID: try SQLValues.optionalInt(row, "user_id"),
                    userName: try SQLValues.optionalString(row, "user_name"),
                    entity: try row.decode(column: "entity", as: String.self),
                    entityID: try SQLValues.optionalInt(row, "entity_id"),
                    action: try row.decode(column: "action", as: String.self),
                    summary: try SQLValues.optionalString(row, "summary"),
                    changes: try SQLValues.optionalString(row, "changes"), ip: try SQLValues.optionalString(row, "ip"))
            }
        }
    }
}
