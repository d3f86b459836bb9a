import Foundation
import Logging
import LoreCore
import LoreStore
import PostgresNIO

/// Runs store and server tests against a fresh database on each engine: always SQLite (a temporary file),
/// and PostgreSQL when `LORE_TEST_POSTGRES_URL` is set (a schema of its own, dropped afterwards).
public enum TestDatabase {
    public static var engines: [Engine] {
        ProcessInfo.processInfo.environment["LORE_TEST_POSTGRES_URL"].map { _ in [.sqlite, .postgres] } ?? [.sqlite]
    }

    static let logger: Logger = {
        var l = Logger(label: "lore.test")
        l.logLevel = .warning
        return l
    }()

    /// Where a test database lives, for tests that reach it from outside Lore (backups): an SQLite path, or the
    /// PostgreSQL URL and the schema the test runs in.
    public struct Location: Sendable {
        public var url: String
        public var schema: String?
    }

    /// Gives `body` a migrated, empty database on `engine`.
    public static func with<T: Sendable>(_ engine: Engine, _ body: @Sendable (any LoreDatabase) async throws -> T)
        async throws -> T
    {
        try await withLocation(engine) { db, _ in try await body(db) }
    }

    /// Gives `body` a migrated, empty database on `engine` and where it is.
    public static func withLocation<T: Sendable>(
        _ engine: Engine, _ body: @Sendable (any LoreDatabase, Location) async throws -> T
    ) async throws -> T {
        switch engine {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lore-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let db = try await SQLiteLoreDatabase.open(
                path: dir.appendingPathComponent("test.db").path, readers: 2, logger: logger)
            do {
                try await Migrator(database: db).migrate()
                let result = try await body(db, Location(url: dir.appendingPathComponent("test.db").path, schema: nil))
                await db.close()
                return result
            } catch {
                await db.close()
                throw error
            }
        case .postgres:
            let url = ProcessInfo.processInfo.environment["LORE_TEST_POSTGRES_URL"] ?? ""
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let admin = PostgresClient(
                configuration: try PostgresLoreDatabase.configuration(url: url), backgroundLogger: logger)
            var config = try PostgresLoreDatabase.configuration(url: url, searchPath: schema)
            config.options.maximumConnections = 8
            let client = PostgresClient(configuration: config, backgroundLogger: logger)
            let db = PostgresLoreDatabase(client: client, logger: logger)
            // Each client's pool runs while the test does (see PostgresClient.running for why it does not wait on
            // a pool that will not stop).
            return try await admin.running(grace: .seconds(2)) {
                try await client.running(grace: .seconds(2)) {
                    try await admin.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"))
                    do {
                        try await Migrator(database: db).migrate()
                        let result = try await body(db, Location(url: url, schema: schema))
                        try await admin.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
                        return result
                    } catch {
                        _ = try? await admin.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
                        throw error
                    }
                }
            }
        }
    }
}
