import LoreCore
import SQLKit

/// A signed-in browser session: the principal and the session's CSRF token.
public struct SessionInfo: Sendable {
    public var principal: Principal
    public var csrfToken: String
    public var sessionID: String
}

/// Login sessions stored in the database, so any Lore instance sharing it can serve any request.
public struct SessionRepository: Sendable {
    public let database: any LoreDatabase
    public static let lifetimeMilliseconds: Int64 = 7 * 24 * 3_600_000

    /// Called after a session ends (the server clears its auth cache).
    let onAccessChange: @Sendable () -> Void

    public init(database: any LoreDatabase, onAccessChange: @escaping @Sendable () -> Void = {}) {
        self.database = database
        self.onAccessChange = onAccessChange
    }

    /// Starts a session and returns the cookie token (shown to the browser only; the database keeps its digest).
    public func create(userID: Int64, ip: String?, userAgent: String?) async throws -> (token: String, csrf: String) {
        let token = Secrets.randomToken()
        let csrf = Secrets.randomToken(bytes: 24)
        let now = Timestamp.now()
        let expires = Timestamp.format(
            epochMilliseconds: (Timestamp.parse(now) ?? Timestamp.nowMilliseconds()) + Self.lifetimeMilliseconds)
        try await database.write { db in
            try await db.insert(into: "sessions")
                .columns("id", "user_id", "csrf_token", "created_at", "expires_at", "last_seen_at", "ip", "user_agent")
                .values(
                    SQLBind(Secrets.digest(token)), SQLBind(userID), SQLBind(csrf), SQLBind(now), SQLBind(expires),
                    SQLBind(now),
                    SQLValues.expression(ip.map(FieldValue.string) ?? .null),
                    SQLValues.expression(userAgent.map { FieldValue.string(String($0.prefix(300))) } ?? .null)
                )
                .run()
            // Housekeeping: expired sessions are of no use to anyone.
            try await db.delete(from: "sessions").where("expires_at", .lessThan, SQLBind(now)).run()
        }
        return (token, csrf)
    }

    /// The session for a cookie token, if it exists, has not expired and its user is active.
    public func lookup(token: String) async throws -> SessionInfo? {
        guard token.count <= 100 else { return nil }
        let id = Secrets.digest(token)
        return try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT u.id, u.name, u.email, u.role, u.team_id, u.locale, u.account_id, t.department_id, s.csrf_token, s.expires_at
                    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN teams t ON t.id = u.team_id
                    WHERE s.id = \(bind: id) AND u.active = \(bind: true)
                    """
                ).first()
            else { return nil }
            guard try row.decode(column: "expires_at", as: String.self) > Timestamp.now() else { return nil }
            return SessionInfo(
                principal: try UserRepository.principal(from: row),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                sessionID: id)
        }
    }

    public func delete(token: String) async throws {
        defer { onAccessChange() }
        try await database.write { db in
            try await db.delete(from: "sessions").where("id", .equal, SQLBind(Secrets.digest(token))).run()
        }
    }
}
