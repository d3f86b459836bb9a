import LoreCore
import SQLKit

/// Row-level visibility as an SQL predicate, applied to every read of an owned entity.
enum ScopeFilter {
    /// The owned entities a case refers to, and the case's column for each: whoever may read the case may read them.
    static let caseColumn = ["accounts": "account_id", "contacts": "contact_id"]

    /// The predicate for `scope` on a table (qualified by `alias` when joining), or nil when everything is visible.
    static func predicate(_ scope: AccessScope, schema: EntitySchema, alias: String? = nil) -> (any SQLExpression)? {
        guard schema.owned else { return nil }
        let prefix = alias.map { "\($0)." } ?? ""
        func col(_ c: String) -> SQLRaw { SQLRaw(prefix + c) }
        switch scope {
        case .all:
            return nil
        case .withCaseCustomers(let owned, let reader):
            let own = predicate(owned, schema: schema, alias: alias)
            guard let own, let column = caseColumn[schema.name] else { return own }
            let cases =
                SQLQueryString(
                    "\(unsafeRaw: prefix)id IN (SELECT c.\(unsafeRaw: column) FROM cases c WHERE c.\(unsafeRaw: column) IS NOT NULL AND "
                ) + CaseFilters.visible(reader) + ")"
            return SQLGroupExpression(SQLList([own, cases], separator: SQLRaw(" OR ")))
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
