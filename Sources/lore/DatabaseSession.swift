import Foundation
import Logging
import LoreStore

/// Opens the database for a command, keeps a PostgreSQL pool running while `body` works, and closes it after.
enum DatabaseSession {
    @discardableResult
    static func with<T: Sendable>(
        _ location: String, logger: Logger, migrate: Bool = true,
        _ body: @Sendable @escaping (any LoreDatabase) async throws -> T
    ) async throws -> T {
        let database: any LoreDatabase
        do {
            database = try await DatabaseFactory.open(location, logger: logger)
        } catch {
            // DatabaseOpenError already says "cannot open database"; name the location once, not the phrase twice.
            let reason = (error as? DatabaseOpenError)?.message ?? "\(error)"
            throw CLIError("cannot open database \(redact(location)): \(reason)")
        }
        do {
            let result = try await work(on: database, migrate: migrate, body)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    private static func work<T: Sendable>(
        on database: any LoreDatabase, migrate: Bool, _ body: @Sendable @escaping (any LoreDatabase) async throws -> T
    ) async throws -> T {
        func run() async throws -> T {
            if migrate { try await Migrator(database: database).migrate() }
            return try await body(database)
        }
        guard let pg = database as? PostgresLoreDatabase else { return try await run() }
        // The pool runs while the command works and is stopped after it (without waiting on one that will not stop).
        return try await pg.client.running {
            try await pg.checkReachable()
            return try await run()
        }
    }

    /// A database URL without its password, for messages.
    static func redact(_ location: String) -> String {
        guard let at = location.firstIndex(of: "@"), let scheme = location.range(of: "://") else { return location }
        let userinfo = location[scheme.upperBound..<at]
        guard let colon = userinfo.firstIndex(of: ":") else { return location }
        return String(location[..<colon]) + ":***" + String(location[at...])
    }
}

/// A failure reported to the user as one line on standard error, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
