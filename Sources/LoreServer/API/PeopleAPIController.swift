import Hummingbird
import LoreCore
import LoreStore

/// `/me`, users (administrators manage them) and the caller's API tokens.
struct PeopleAPIController {
    let users: UserRepository
    let tokens: ApiTokenRepository
    let passwords: PasswordHasher

    func register(on api: APIRouter) {
        api.on(.get, "/me", access: .signedIn, use: me)
        api.on(.get, "/users", access: .staff, use: listUsers)
        api.on(.post, "/users", access: .admins, use: createUser)
        api.on(.get, "/users/{id}", access: .staff, use: getUser)
        api.on(.patch, "/users/{id}", access: .admins, use: updateUser)
        api.on(.post, "/users/{id}/deactivate", access: .admins, use: deactivate)
        api.on(.get, "/tokens", access: .signedIn, use: listTokens)
        api.on(.post, "/tokens", access: .signedIn, use: createToken)
        api.on(.delete, "/tokens/{id}", access: .signedIn, use: revokeToken)
    }

    @Sendable func me(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        guard let user = try await users.find(id: p.userID) else { throw Problem.unauthorized() }
        return try JSONIO.response(UserBody(user))
    }

    @Sendable func listUsers(_ request: Request, context: SignedInContext) async throws -> Response {
        _ = context.principal
        return try JSONIO.response(ListBody(data: try await users.list().map(UserBody.init)))
    }

    @Sendable func getUser(_ request: Request, context: SignedInContext) async throws -> Response {
        _ = context.principal
        guard let user = try await users.find(id: try context.parameters.require("id", as: RecordID.self)) else {
            throw Problem.notFound()
        }
        return try JSONIO.response(UserBody(user))
    }

    @Sendable func deactivate(_ request: Request, context: SignedInContext) async throws -> Response {
        let admin = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        guard id != admin.userID else { throw Problem.conflict("You cannot deactivate yourself.") }
        try await users.deactivate(id: id, by: admin.userID)
        guard let user = try await users.find(id: id) else { throw Problem.notFound() }
        return try JSONIO.response(UserBody(user))
    }

    @Sendable func listTokens(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        return try JSONIO.response(ListBody(data: try await tokens.list(userID: p.userID).map(TokenBody.init)))
    }

    @Sendable func createToken(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let name = try await JSONIO.input(NewTokenBody.self, request, context: context).name
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let (token, secret) = try await tokens.create(userID: p.userID, name: name)
        return try JSONIO.response(
            CreatedTokenBody(token: TokenBody(token), secret: secret), status: .created,
            headers: [.location: "/api/v1/tokens/\(token.id)"])
    }

    @Sendable func revokeToken(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        try await tokens.revoke(id: try context.parameters.require("id", as: RecordID.self), as: p)
        return JSONIO.noContent()
    }

    @Sendable func createUser(_ request: Request, context: SignedInContext) async throws -> Response {
        let admin = context.principal
        let v = try await JSONIO.input(UserInputBody.self, request, context: context).newUser()
        let hash = try await passwords.hash(v.password)
        let user = try await users.create(
            email: v.email, name: v.name, role: v.role, teamID: v.teamID, passwordHash: hash, locale: v.locale,
            by: admin.userID)
        return try JSONIO.response(UserBody(user), status: .created, headers: [.location: "/api/v1/users/\(user.id)"])
    }

    @Sendable func updateUser(_ request: Request, context: SignedInContext) async throws -> Response {
        let admin = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        let v = try await JSONIO.input(UserInputBody.self, request, context: context)
        if v.email != nil {
            throw Problem.validation([FieldError(field: "email", code: "read_only", message: "cannot be changed")])
        }
        var hash: String?
        if let password = v.password { hash = try await passwords.hash(password) }
        let user = try await users.update(
            id: id, name: v.name.map(v.trimmed), role: v.role, teamID: v.teamID.map { $0?.value },
            locale: v.locale.map { $0?.rawValue }, passwordHash: hash, by: admin.userID)
        return try JSONIO.response(UserBody(user))
    }
}
