import LoreCore
import SQLKit

/// Accounts that have gone quiet: a rep's early warning that a customer may be slipping away.
extension RecordRepository {
    public struct QuietAccount: Sendable, Equatable {
        public var id: Int64
        public var name: String
        /// When someone last logged an interaction with it; nil if never.
        public var lastContact: String?
    }

    /// The accounts `p` owns with no interaction since `since` (a timestamp), those never contacted first, then the
    /// longest quiet.
    public func quietAccounts(since: String, limit: Int = 5, as p: Principal) async throws -> [QuietAccount] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT a.id, a.name, MAX(i.occurred_at) AS last_contact
                FROM accounts a LEFT JOIN interactions i ON i.account_id = a.id AND i.archived_at IS NULL
                WHERE a.owner_id = \(bind: p.userID) AND a.archived_at IS NULL
                GROUP BY a.id, a.name
                HAVING MAX(i.occurred_at) IS NULL OR MAX(i.occurred_at) < \(bind: since)
                ORDER BY CASE WHEN MAX(i.occurred_at) IS NULL THEN 0 ELSE 1 END, MAX(i.occurred_at), a.id
                LIMIT \(bind: max(1, min(limit, 50)))
                """
            ).all().map { row in
                QuietAccount(
                    id: try row.decode(column: "id", as: Int64.self),
                    name: try row.decode(column: "name", as: String.self),
                    lastContact: try row.decode(column: "last_contact", as: String?.self))
            }
        }
    }
}
