import LoreCore
import SQLKit

/// Row-level visibility as an SQL predicate, applied to every read of an owned entity.
enum ScopeFilter {
    /// The predicate for `scope` on a table (qualified by `alias` when joining), or nil when everything is visible.
    static func predicate(_ scope: AccessScope, schema: EntitySchema, alias: String? = nil) -> (any SQLExpression)? {
        guard schema.owned else { return nil }
        let prefix = alias.map { "\($0)." } ?? ""
        func col(_ c: String) -> SQLRaw { SQLRaw(prefix + c) }
        switch scope {
        case .all:
            return nil
        case .team(let teamID, let userID):
            var parts: [any SQLExpression] = [SQLBinaryExpression(col("owner_id"), .equal, SQLBind(userID))]
            for extra in schema.visibleToUserColumns {
                parts.append(SQLBinaryExpression(col(extra), .equal, SQLBind(userID)))
            }
            if let teamID { parts.append(SQLBinaryExpression(col("team_id"), .equal, SQLBind(teamID))) }
            return SQLGroupExpression(SQLList(parts, separator: SQLRaw(" OR ")))
        case .department(let departmentID, let userID):
            var parts: [any SQLExpression] = [
                SQLBinaryExpression(col("owner_id"), .equal, SQLBind(userID)),
                SQLQueryString(
                    "\(unsafeRaw: prefix)team_id IN (SELECT id FROM teams WHERE department_id = \(bind: departmentID))"),
            ]
            for extra in schema.visibleToUserColumns {
                parts.append(SQLBinaryExpression(col(extra), .equal, SQLBind(userID)))
            }
            return SQLGroupExpression(SQLList(parts, separator: SQLRaw(" OR ")))
        }
    }
}
