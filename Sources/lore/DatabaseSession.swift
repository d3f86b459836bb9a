import Foundation
import Logging
import LoreStore

/// Opens the database for a command, keeps a PostgreSQL pool running while `body` works, and closes it after.
enum DatabaseSession {
    @discardableResult
    static func with<T: Sendable>(
        _ location: String, logger: Logger, migrate: Bool = true, _ body: @Sendable @escaping (any LoreDatabase) async throws -> T
    ) async throws -> T {
        let database: any LoreDatabase
        do {
            database = try await DatabaseFactory.open(location, logger: logger)
        } catch {
            // DatabaseOpenError already says "cannot open database"; name the location once, not the phrase twice.
            let reason = (error as? DatabaseOpenError)?.message ?? "\(error)"
            throw CLIError("cannot open database \(redact(location)): \(reason)")
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            if let pg = database as? PostgresLoreDatabase {
                group.addTask {
                    await pg.client.run()
                    return nil
                }
            }
            group.addTask {
                defer { Task { await database.close() } }
                if let pg = database as? PostgresLoreDatabase { try await pg.checkReachable() }
                if migrate { try await Migrator(database: database).migrate() }
                return try await body(database)
            }
            var result: T?
            while let next = try await group.next() {
                if let value = next {
                    result = value
                    group.cancelAll()
                }
            }
            return result!
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
