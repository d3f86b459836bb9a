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
        let input = try await JSONIO.object(request, context: context)
        let name = try Self.requiredText(input, "name", max: 100)
        if let extra = input.keys.first(where: { $0 != "name" }) {
            throw Problem.validation([
                FieldError(field: extra, code: "unknown_field", message: "is not a field of ApiToken")
            ])
        }
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

    static func requiredText(_ input: [String: JSONValue], _ key: String, max: Int) throws -> String {
        guard let v = input[key] else {
            throw Problem.validation([FieldError(field: key, code: "required", message: "is required")])
        }
        guard case .string(let s) = v else {
            throw Problem.validation([FieldError(field: key, code: "invalid_type", message: "must be text")])
        }
        var errors: [FieldError] = []
        TextRule.check(s, field: key, maxLength: max, multiLine: false, required: true, into: &errors)
        if !errors.isEmpty { throw Problem.validation(errors) }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Sendable func createUser(_ request: Request, context: SignedInContext) async throws -> Response {
        let admin = context.principal
        let input = try await JSONIO.object(request, context: context)
        let v = try UserInputParser.parse(input, creating: true).newUser()
        let hash = try await passwords.hash(v.password)
        let user = try await users.create(
            email: v.email, name: v.name, role: v.role, teamID: v.teamID, passwordHash: hash, locale: v.locale,
            by: admin.userID)
        return try JSONIO.response(UserBody(user), status: .created, headers: [.location: "/api/v1/users/\(user.id)"])
    }

    @Sendable func updateUser(_ request: Request, context: SignedInContext) async throws -> Response {
        let admin = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        let input = try await JSONIO.object(request, context: context)
        let v = try UserInputParser.parse(input, creating: false)
        if v.email != nil {
            throw Problem.validation([FieldError(field: "email", code: "read_only", message: "cannot be changed")])
        }
        var hash: String?
        if let password = v.password { hash = try await passwords.hash(password) }
        let user = try await users.update(
            id: id, name: v.name, role: v.role, teamID: v.teamID, locale: v.locale, passwordHash: hash, by: admin.userID
        )
        return try JSONIO.response(UserBody(user))
    }
}

/// Validated user fields from JSON or a form. `teamID`/`locale` are double optionals: absent vs. set to null.
struct UserInputParser {
    var email: String?
    var name: String?
    var role: Role?
    var teamID: Int64??
    var locale: String??
    var password: String?

    static let fields: Set<String> = ["email", "name", "role", "team_id", "locale", "password"]

    /// The fields a new user needs, all present (``parse(_:creating:fromForm:)`` with `creating` checked them).
    struct NewUser {
        var email: String
        var name: String
        var role: Role
        var password: String
        var teamID: Int64?
        var locale: String?
    }

    func newUser() throws -> NewUser {
        guard let email, let name, let role, let password else {
            let missing = [
                ("email", email == nil), ("name", name == nil), ("role", role == nil), ("password", password == nil),
            ]
            throw ValidationFailure(
                missing.filter(\.1).map { FieldError(field: $0.0, code: "required", message: "is required") })
        }
        return NewUser(
            email: email, name: name, role: role, password: password, teamID: teamID ?? nil, locale: locale ?? nil)
    }

    static func parse(_ input: [String: JSONValue], creating: Bool, fromForm: Bool = false) throws -> UserInputParser {
        var out = UserInputParser()
        var errors: [FieldError] = []
        for key in input.keys.sorted() where !fields.contains(key) {
            errors.append(FieldError(field: key, code: "unknown_field", message: "is not a field of User"))
        }
        func text(_ key: String) -> String? {
            switch input[key] {
            case .string(let s)?: return s
            case nil: return nil
            case .null? where fromForm: return nil
            default:
                errors.append(FieldError(field: key, code: "invalid_type", message: "must be text"))
                return nil
            }
        }
        if let e = text("email") {
            if let err = UserInput.validateEmail(e) { errors.append(err) } else { out.email = e }
        }
        if let n = text("name") {
            if let err = UserInput.validateName(n) {
                errors.append(err)
            } else {
                out.name = n.trimmingCharacters(in: .whitespaces)
            }
        }
        if let r = text("role") {
            if let role = Role(rawValue: r) {
                out.role = role
            } else {
                errors.append(
                    FieldError(
                        field: "role", code: "invalid_choice",
                        message: "must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let p = text("password") {
            if let err = UserInput.validatePassword(p) { errors.append(err) } else { out.password = p }
        }
        out.readTeamAndLocale(input, fromForm: fromForm, into: &errors)
        if creating {
            for (key, present) in [
                ("email", out.email != nil), ("name", out.name != nil), ("role", out.role != nil),
                ("password", out.password != nil),
            ]
            where !present && !errors.contains(where: { $0.field == key }) {
                errors.append(FieldError(field: key, code: "required", message: "is required"))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return out
    }

    /// `team_id` and `locale`: absent (unchanged), null (cleared), or a value; forms send "" for null.
    private mutating func readTeamAndLocale(
        _ input: [String: JSONValue], fromForm: Bool, into errors: inout [FieldError]
    ) {
        switch input["team_id"] {
        case .int(let t)? where t > 0: teamID = .some(t)
        case .null?: teamID = .some(nil)
        case .string(let s)? where fromForm && (Int64(s).map { $0 > 0 } ?? s.isEmpty): teamID = .some(Int64(s))
        case nil: break
        default: errors.append(FieldError(field: "team_id", code: "invalid_type", message: "must be a team id"))
        }
        switch input["locale"] {
        case .string(let s)? where Language(rawValue: s) != nil: locale = .some(s)
        case .string(let s)? where fromForm && s.isEmpty: locale = .some(nil)
        case .null?: locale = .some(nil)
        case nil: break
        default: errors.append(FieldError(field: "locale", code: "invalid_choice", message: "must be en or zh-Hans"))
        }
    }
}
