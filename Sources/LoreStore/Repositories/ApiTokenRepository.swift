import LoreCore
import SQLKit

/// An API token as listed to its owner (the secret itself is shown once, at creation).
public struct ApiToken: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var prefix: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}

/// Bearer tokens for the JSON API. Stored as SHA-256 digests; revocable; dead with their user.
public struct ApiTokenRepository: Sendable {
    public let database: any LoreDatabase
    /// Called after a token is revoked (the server clears its auth cache).
    let onAccessChange: @Sendable () -> Void

    public init(database: any LoreDatabase, onAccessChange: @escaping @Sendable () -> Void = {}) {
        self.database = database
        self.onAccessChange = onAccessChange
    }

    public func create(userID: Int64, name: String) async throws -> (ApiToken, String) {
        let secret = "lore_" + Secrets.randomToken()
        let prefix = String(secret.prefix(12))
        let now = Timestamp.now()
        let id = try await database.write { db in
            let row = try await db.insert(into: "api_tokens")
                .columns("user_id", "name", "token_hash", "prefix", "created_at")
                .values(SQLBind(userID), SQLBind(name), SQLBind(Secrets.digest(secret)), SQLBind(prefix), SQLBind(now))
                .returning("id").first()
            let id = try row.orMissing("the new row's id").decode(column: "id", as: Int64.self)
            try await AuditLog.record(
                on: db, userID: userID, entity: "api_tokens", entityID: id, action: "create", summary: name,
                changes: [:])
            return id
        }
        return (ApiToken(id: id, userID: userID, name: name, prefix: prefix, createdAt: now), secret)
    }

    public func list(userID: Int64) async throws -> [ApiToken] {
        try await database.read { db in
            try await db.select().columns("id", "user_id", "name", "prefix", "created_at", "last_used_at", "revoked_at")
                .from("api_tokens")
                .where("user_id", .equal, SQLBind(userID)).orderBy("id", .descending).all()
                .map { row in
                    ApiToken(
                        id: try row.decode(column: "id", as: Int64.self),
                        userID: try row.decode(column: "user_id", as: Int64.self),
                        name: try row.decode(column: "name", as: String.self),
                        prefix: try row.decode(column: "prefix", as: String.self),
                        createdAt: try row.decode(column: "created_at", as: String.self),
                        lastUsedAt: try SQLValues.optionalString(row, "last_used_at"),
                        revokedAt: try SQLValues.optionalString(row, "revoked_at"))
                }
        }
    }

    /// Revokes one of the user's tokens (admins may revoke anyone's). Not found if it is not theirs.
    public func revoke(id: Int64, as principal: Principal) async throws {
        defer { onAccessChange() }
        try await database.write { db in
            var q = db.select().column("id").from("api_tokens").where("id", .equal, SQLBind(id))
            if principal.role != .admin { q = q.where("user_id", .equal, SQLBind(principal.userID)) }
            guard try await q.first() != nil else { throw StoreError.notFound(entity: "api_tokens", id: id) }
            try await db.update("api_tokens").where("id", .equal, SQLBind(id)).where("revoked_at", .is, SQLLiteral.null)
                .set("revoked_at", to: SQLBind(Timestamp.now())).run()
            try await AuditLog.record(
                on: db, userID: principal.userID, entity: "api_tokens", entityID: id, action: "revoke", summary: nil,
                changes: [:])
        }
    }

    /// The principal behind a bearer token, if the token is live and its user active.
    public func principal(token: String) async throws -> Principal? {
        guard token.hasPrefix("lore_"), token.count <= 100 else { return nil }
        let digest = Secrets.digest(token)
        let found: (Principal, Int64, String?)? = try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT u.id, u.name, u.email, u.role, u.team_id, u.locale, u.account_id, t.department_id, k.id AS token_id, k.last_used_at
                    FROM api_tokens k JOIN users u ON u.id = k.user_id LEFT JOIN teams t ON t.id = u.team_id
                    WHERE k.token_hash = \(bind: digest) AND k.revoked_at IS NULL AND u.active = \(bind: true)
                    """
                ).first()
            else { return nil }
            return (
                try UserRepository.principal(from: row), try row.decode(column: "token_id", as: Int64.self),
                try SQLValues.optionalString(row, "last_used_at")
            )
        }
        guard let (principal, tokenID, lastUsed) = found else { return nil }
        // Record use at most once a minute, so reads do not all turn into writes.
        let now = Timestamp.now()
        if lastUsed.map({ (Timestamp.parse(now) ?? Timestamp.nowMilliseconds()) - (Timestamp.parse($0) ?? 0) > 60_000 })
            ?? true
        {
            try await database.write { db in
                try await db.update("api_tokens").where("id", .equal, SQLBind(tokenID)).set(
                    "last_used_at", to: SQLBind(now)
                ).run()
            }
        }
        return principal
    }
}
