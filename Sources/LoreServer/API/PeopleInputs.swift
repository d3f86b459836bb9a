import LoreCore

/// A user as `POST /users` (every field but team and locale required) and `PATCH /users/{id}` (any; email is read
/// only) send it, and as the administrators' form does. `team_id` and `locale` may be null: no team, the browser's
/// language.
struct UserInputBody: JSONInput {
    static var unknownFieldHint: String? { "is not a field of User" }

    var email: String?
    var name: String?
    var role: Role?
    var teamID: RecordID??
    var locale: Language??
    var password: String?

    func validate(_ check: inout FieldChecks) {
        let problems = [
            email.flatMap(UserInput.validateEmail), name.flatMap(UserInput.validateName),
            password.flatMap(UserInput.validatePassword),
        ]
        for case let p? in problems where !check.has(p.field) { check.fail(p.field, p.code, p.message) }
    }

    /// The fields a new user needs, all present.
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
            let missing = [("email", email), ("name", name), ("role", role?.rawValue), ("password", password)]
            throw ValidationFailure(
                missing.filter { $0.1 == nil }.map { FieldError(field: $0.0, code: "required", message: "is required") }
            )
        }
        return NewUser(
            email: email, name: trimmed(name), role: role, password: password, teamID: (teamID ?? nil)?.value,
            locale: (locale ?? nil)?.rawValue)
    }

    /// The name as stored: without surrounding spaces.
    func trimmed(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces) }

    /// A form's fields as the JSON body they stand for: an empty team or locale is null, a team id a number.
    static func fromForm(_ form: FormData) throws -> UserInputBody {
        var object: [String: JSONValue] = [:]
        for key in ["email", "name", "role", "password", "team_id", "locale"] {
            guard let value = form[key] else { continue }
            if key == "team_id" || key == "locale", value.isEmpty {
                object[key] = .null
            } else if key == "team_id", let id = Int64(value) {
                object[key] = .int(id)
            } else {
                object[key] = .string(value)
            }
        }
        return try JSONValueDecoder().decode(Self.self, from: object)
    }
}

/// `POST /tokens`: a name for the new API token.
struct NewTokenBody: JSONInput {
    static var unknownFieldHint: String? { "is not a field of ApiToken" }
    var name: String

    func validate(_ check: inout FieldChecks) {
        check.text(name, "name", maxLength: 100, multiLine: false, required: true)
    }
}
