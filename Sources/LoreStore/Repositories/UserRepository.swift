import LoreCore
import SQLKit

/// A Lore user as the administration pages and API show it (never the password hash).
public struct User: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role
    public var teamID: Int64?
    public var locale: String?
    public var active: Bool
    public var createdAt: String
    public var lastLoginAt: String?
    /// For a portal customer, their account.
    public var accountID: Int64?
}

/// Users and the principals built from them.
public struct UserRepository: Sendable {
    public let database: any LoreDatabase
    /// Called after any change that can take access away (the server clears its auth cache).
    let onAccessChange: @Sendable () -> Void

    public init(database: any LoreDatabase, onAccessChange: @escaping @Sendable () -> Void = {}) {
        self.database = database
        self.onAccessChange = onAccessChange
    }

    static let columns = [
        "id", "email", "name", "role", "team_id", "locale", "active", "created_at", "last_login_at", "account_id",
    ]

    static func decode(_ row: any SQLRow) throws -> User {
        User(
            id: try row.decode(column: "id", as: Int64.self), email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .agent,
            teamID: try SQLValues.optionalInt(row, "team_id"), locale: try SQLValues.optionalString(row, "locale"),
            active: try row.decode(column: "active", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            lastLoginAt: try SQLValues.optionalString(row, "last_login_at"),
            accountID: try SQLValues.optionalInt(row, "account_id"))
    }

    public func count() async throws -> Int {
        try await database.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()
                .orMissing("a count")
                .decode(column: "n", as: Int.self)
        }
    }

    /// Creates a user. The e-mail is stored lower-cased; a second user with the same e-mail is a conflict.
    public func create(
        email: String, name: String, role: Role, teamID: Int64?, passwordHash: String, locale: String? = nil,
        accountID: Int64? = nil,
        by actor: Int64? = nil
    ) async throws -> User {
        let email = email.lowercased().trimmingCharacters(in: .whitespaces)
        return try await database.write { db in
            if try await db.select().column("id").from("users").where("email", .equal, SQLBind(email)).first() != nil {
                throw StoreError.duplicate(field: "email", message: "a user with e-mail \(email) already exists")
            }
            if let teamID,
                try await db.select().column("id").from("teams").where("id", .equal, SQLBind(teamID)).first() == nil
            {
                throw StoreError.invalid(
                    ValidationFailure([
                        FieldError(field: "team_id", code: "invalid_reference", message: "no team \(teamID)")
                    ]))
            }
            if role == .customer {
                guard let accountID,
                    try await db.select().column("id").from("accounts").where("id", .equal, SQLBind(accountID)).first()
                        != nil
                else {
                    throw StoreError.invalid(
                        ValidationFailure([
                            FieldError(
                                field: "account_id", code: "invalid_reference",
                                message: "a customer needs an existing account")
                        ]))
                }
            }
            let now = Timestamp.now()
            let row = try await db.insert(into: "users")
                .columns(
                    "email", "name", "role", "team_id", "locale", "password_hash", "active", "created_at", "updated_at",
                    "account_id"
                )
                .values(
                    SQLBind(email), SQLBind(name), SQLBind(role.rawValue),
                    SQLValues.expression(teamID.map(FieldValue.int) ?? .null),
                    SQLValues.expression(locale.map(FieldValue.string) ?? .null), SQLBind(passwordHash), SQLBind(true),
                    SQLBind(now), SQLBind(now),
                    SQLValues.expression((role == .customer ? accountID : nil).map(FieldValue.int) ?? .null)
                )
                .returning("id").first()
            let id = try row.orMissing("the new row's id").decode(column: "id", as: Int64.self)
            try await AuditLog.record(
                on: db, userID: actor, entity: "users", entityID: id, action: "create",
                summary: "\(name) <\(email)> \(role.rawValue)", changes: [:])
            return try await Self.require(id: id, on: db)
        }
    }

    static func fetch(id: Int64, on db: any SQLDatabase) async throws -> User? {
        try await db.select().columns(columns.map { SQLColumn($0) }).from("users").where("id", .equal, SQLBind(id))
            .first().map(decode)
    }

    /// The user, or `notFound`.
    static func require(id: Int64, on db: any SQLDatabase) async throws -> User {
        guard let u = try await fetch(id: id, on: db) else { throw StoreError.notFound(entity: "users", id: id) }
        return u
    }

    public func find(id: Int64) async throws -> User? {
        try await database.read { db in try await Self.fetch(id: id, on: db) }
    }

    public func find(email: String) async throws -> User? {
        try await database.read { db in
            try await db.select().columns(Self.columns.map { SQLColumn($0) }).from("users")
                .where("email", .equal, SQLBind(email.lowercased())).first().map(Self.decode)
        }
    }

    /// The stored bcrypt hash of an active user, for sign-in.
    public func credentials(email: String) async throws -> (User, String)? {
        try await database.read { db in
            guard
                let row = try await db.select().columns((Self.columns + ["password_hash"]).map { SQLColumn($0) }).from(
                    "users"
                )
                .where("email", .equal, SQLBind(email.lowercased().trimmingCharacters(in: .whitespaces))).first()
            else { return nil }
            return (try Self.decode(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    public func list() async throws -> [User] {
        try await database.read { db in
            try await db.select().columns(Self.columns.map { SQLColumn($0) }).from("users").orderBy("name").all().map(
                Self.decode)
        }
    }

    /// Deactivates a user: their sessions end and their API tokens are revoked in the same transaction.
    public func deactivate(id: Int64, by actor: Int64?) async throws {
        try await database.write { db in
            guard let user = try await Self.fetch(id: id, on: db) else {
                throw StoreError.notFound(entity: "users", id: id)
            }
            let now = Timestamp.now()
            try await db.update("users").where("id", .equal, SQLBind(id))
                .set("active", to: SQLBind(false)).set("deactivated_at", to: SQLBind(now)).set(
                    "updated_at", to: SQLBind(now)
                ).run()
            try await db.delete(from: "sessions").where("user_id", .equal, SQLBind(id)).run()
            try await db.update("api_tokens").where("user_id", .equal, SQLBind(id)).where(
                "revoked_at", .is, SQLLiteral.null
            )
            .set("revoked_at", to: SQLBind(now)).run()
            try await AuditLog.record(
                on: db, userID: actor, entity: "users", entityID: id, action: "deactivate", summary: user.email,
                changes: [:])
        }
        onAccessChange()
    }

    public func update(
        id: Int64, name: String? = nil, role: Role? = nil, teamID: Int64?? = nil, locale: String?? = nil,
        passwordHash: String? = nil,
        by actor: Int64?
    )
        async throws -> User
    {
        defer { onAccessChange() }  // role, team or language may have changed
        return try await database.write { db in
            guard try await Self.fetch(id: id, on: db) != nil else {
                throw StoreError.notFound(entity: "users", id: id)
            }
            var b = db.update("users").where("id", .equal, SQLBind(id)).set("updated_at", to: SQLBind(Timestamp.now()))
            if let name { b = b.set("name", to: SQLBind(name)) }
            if let role { b = b.set("role", to: SQLBind(role.rawValue)) }
            if let teamID { b = b.set("team_id", to: SQLValues.expression(teamID.map(FieldValue.int) ?? .null)) }
            if let locale { b = b.set("locale", to: SQLValues.expression(locale.map(FieldValue.string) ?? .null)) }
            if let passwordHash { b = b.set("password_hash", to: SQLBind(passwordHash)) }
            try await b.run()
            var summary: [String] = []
            if name != nil { summary.append("name") }
            if let role { summary.append("role=\(role.rawValue)") }
            if teamID != nil { summary.append("team") }
            if passwordHash != nil { summary.append("password") }
            if !summary.isEmpty {
                try await AuditLog.record(
                    on: db, userID: actor, entity: "users", entityID: id, action: "update",
                    summary: summary.joined(separator: ", "), changes: [:])
            }
            return try await Self.require(id: id, on: db)
        }
    }

    public func recordLogin(id: Int64) async throws {
        try await database.write { db in
            try await db.update("users").where("id", .equal, SQLBind(id)).set(
                "last_login_at", to: SQLBind(Timestamp.now())
            ).run()
        }
    }

    /// The principal for an active user, with their team's department.
    public func principal(userID: Int64) async throws -> Principal? {
        try await database.read { db in try await Self.principal(userID: userID, on: db) }
    }

    static func principal(userID: Int64, on db: any SQLDatabase) async throws -> Principal? {
        let row = try await db.raw(
            """
            SELECT u.id, u.name, u.email, u.role, u.team_id, u.locale, u.account_id, t.department_id FROM users u
            LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = \(bind: userID) AND u.active = \(bind: true)
            """
        ).first()
        return try row.map(principal(from:))
    }

    static func principal(from row: any SQLRow) throws -> Principal {
        Principal(
            userID: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .agent,
            teamID: try SQLValues.optionalInt(row, "team_id"),
            departmentID: try SQLValues.optionalInt(row, "department_id"),
            locale: try SQLValues.optionalString(row, "locale"), accountID: try SQLValues.optionalInt(row, "account_id")
        )
    }
}
