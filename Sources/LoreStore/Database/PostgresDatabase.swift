import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle

/// PostgreSQL through PostgresNIO's `PostgresClient` pool. The client must be running
/// (`run()` as a service, or in a task) for queries to proceed.
public final class PostgresLoreDatabase: LoreDatabase, Service {
    public let engine = Engine.postgres
    public let logger: Logger
    public let client: PostgresClient

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Builds a client from a `postgres://user:pass@host:port/db` URL. `searchPath` selects a schema (tests use one each).
    public static func configuration(url: String, searchPath: String? = nil) throws -> PostgresClient.Configuration {
        let sqlConfig = try SQLPostgresConfiguration(url: url)
        let core = sqlConfig.coreConfiguration
        let tls: PostgresClient.Configuration.TLS =
            switch (core.tls.isEnforced, core.tls.isAllowed) {
            case (true, _): .require(.makeClientConfiguration())
            case (false, true): .prefer(.makeClientConfiguration())
            default: .disable
            }
        var config: PostgresClient.Configuration
        if let socket = core.unixSocketPath {
            config = .init(unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
        } else {
            config = .init(
                host: core.host ?? "127.0.0.1", port: core.port ?? 5432, username: core.username, password: core.password,
                database: core.database, tls: tls)
        }
        config.options.maximumConnections = 20
        if let searchPath { config.options.additionalStartupParameters = [("search_path", searchPath)] }
        return config
    }

    public func run() async throws {
        await client.run()
    }

    public func read<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { conn in
            try await work(conn.sql(queryLogLevel: .trace))
        }
    }

    public func write<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { conn in
                try await work(conn.sql(queryLogLevel: .trace))
            }
        } catch let error as PostgresTransactionError {
            // Report what the work threw (a validation failure, a conflict), not the wrapper, once the rollback went through.
            if let inner = error.closureError, error.rollbackError == nil { throw inner }
            throw error
        }
    }

    public func close() async {}

    /// Fails with a clear error if PostgreSQL does not answer within `timeout`, instead of waiting for the pool,
    /// which retries a refused or unreachable server forever. The client must be running.
    public func checkReachable(timeout: Duration = .seconds(15)) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.client.query("SELECT 1", logger: self.logger) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw DatabaseOpenError(
                    message: "PostgreSQL did not answer within \(timeout) (is it running, and are host, port and credentials right?)")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
