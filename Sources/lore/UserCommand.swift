import ArgumentParser
import Foundation
import Logging
import LoreCore
import LoreServer
import LoreStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and deactivate users.",
        subcommands: [Add.self, List.self, Deactivate.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user.",
            discussion: "The password comes from --password or the LORE_PASSWORD environment variable.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "E-mail address (the sign-in name).") var email: String
        @Option(help: "Display name.") var name: String
        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Option(help: "Team id.") var team: Int64?
        @Option(help: "Password (at least \(UserInput.minimumPasswordLength) characters); prefer LORE_PASSWORD.")
        var password: String?

        func validate() throws {
            if let e = UserInput.validateEmail(email) { throw ValidationError("--email \(e.message)") }
            if let e = UserInput.validateName(name) { throw ValidationError("--name \(e.message)") }
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let p = password ?? Environment.value("LORE_PASSWORD") else {
                throw ValidationError("give --password or set LORE_PASSWORD")
            }
            if let e = UserInput.validatePassword(p) { throw ValidationError("password \(e.message)") }
        }

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            // validate() checked both; the guards keep a future change from trapping instead of failing.
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue))")
            }
            guard let password = password ?? Environment.value("LORE_PASSWORD") else {
                throw ValidationError("give --password or set LORE_PASSWORD")
            }
            let (email, name, team) = (email, name, team)
            do {
                let user = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.user")) { database in
                    let hash = try await PasswordHasher().hash(password)
                    return try await UserRepository(database: database).create(
                        email: email, name: name, role: role, teamID: team, passwordHash: hash)
                }
                print("Added user \(user.id): \(user.name) <\(user.email)> as \(user.role.rawValue).")
            } catch let e as StoreError {
                throw CLIError(Self.describe(e))
            }
        }

        static func describe(_ e: StoreError) -> String {
            switch e {
            case .conflict(_, let m), .duplicate(_, let m): m
            case .invalid(let v): v.errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
            case .notFound(let entity, let id): "no \(entity) \(id)"
            case .badRequest(let m): m
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let users = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.user")) { database in
                try await UserRepository(database: database).list()
            }
            print("ID\tACTIVE\tROLE\tE-MAIL\tNAME")
            for u in users { print("\(u.id)\t\(u.active ? "yes" : "no")\t\(u.role.rawValue)\t\(u.email)\t\(u.name)") }
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deactivate a user: their sessions and API tokens stop working at once.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The user's e-mail or id.") var user: String

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let key = user
            let found = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.user")) {
                database -> User? in
                let repo = UserRepository(database: database)
                let target: User?
                if let id = Int64(key) {
                    target = try await repo.find(id: id)
                } else {
                    target = try await repo.find(email: key)
                }
                guard let target else { return nil }
                try await repo.deactivate(id: target.id, by: nil)
                return target
            }
            guard let found else { throw CLIError("no user \(key)") }
            print("Deactivated \(found.email).")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a user and print it (for scripts, integrations and CI).",
            discussion:
                "The token is shown once; it works like one made under Settings → API tokens and is revoked the same way."
        )
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The user's e-mail or id.") var user: String
        @Option(help: "A name that says what the token is for.") var name: String = "command line"

        func validate() throws {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 100 else {
                throw ValidationError("--name must be 1 to 100 characters")
            }
        }

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let (key, name) = (user, name.trimmingCharacters(in: .whitespaces))
            let secret = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.user")) {
                database -> String? in
                let users = UserRepository(database: database)
                var found = try await users.find(email: key)
                if found == nil, let id = Int64(key) { found = try await users.find(id: id) }
                guard let found, found.active else { return nil }
                return try await ApiTokenRepository(database: database).create(userID: found.id, name: name).1
            }
            guard let secret else { throw CLIError("no active user \(key)") }
            print(secret)
        }
    }
}
