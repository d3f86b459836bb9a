import LoreCore
import LoreStore

/// A user as the API answers it (the `User` schema; every response is checked against it in the tests).
struct UserBody: Encodable {
    var id: Int64
    var email: String
    var name: String
    var role: Role
    var teamID: Int64?
    var locale: String?
    var active: Bool
    var createdAt: String
    var lastLoginAt: String?

    init(_ u: User) {
        (id, email, name, role, teamID, locale) = (u.id, u.email, u.name, u.role, u.teamID, u.locale)
        (active, createdAt, lastLoginAt) = (u.active, u.createdAt, u.lastLoginAt)
    }
}

/// An API token, without its secret (the `ApiToken` schema).
struct TokenBody: Encodable {
    var id: Int64
    var name: String
    var prefix: String
    var createdAt: String
    var lastUsedAt: String?
    var revokedAt: String?

    init(_ t: ApiToken) {
        (id, name, prefix, createdAt, lastUsedAt, revokedAt) = (
            t.id, t.name, t.prefix, t.createdAt, t.lastUsedAt, t.revokedAt
        )
    }
}

/// A new token: the token's fields and, this once, its secret.
struct CreatedTokenBody: Encodable {
    var token: TokenBody
    var secret: String

    private enum CodingKeys: String, CodingKey { case token }

    func encode(to encoder: any Encoder) throws {
        try token.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(secret, forKey: .token)
    }
}
