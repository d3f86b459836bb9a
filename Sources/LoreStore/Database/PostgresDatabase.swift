import Foundation
import Logging
import Metrics
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle
import Synchronization

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

    public func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await bounded {
            try await self.client.withConnection { conn in try await work(conn.sql(queryLogLevel: .trace)) }
        }
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await bounded {
                try await self.client.withTransaction(logger: self.logger) { conn in try await work(conn.sql(queryLogLevel: .trace)) }
            }
        } catch let error as PostgresTransactionError {
            // Report what the work threw (a validation failure, a conflict), not the wrapper, once the rollback went through.
            if let inner = error.closureError, error.rollbackError == nil { throw inner }
            throw error
        }
    }

    public func close() async {}

    /// How long one call may take before it fails with ``DatabaseTimeout`` (a 503 to the client); nil, no limit.
    /// `lore serve` sets it once migrations are done: while PostgreSQL restarts, a call on a connection that went away
    /// can otherwise wait for ever (postgres-nio 1.33), and with it the request and the server's shutdown.
    public func limitCalls(to limit: Duration?) { callLimit.withLock { $0 = limit } }

    private let callLimit = Mutex<Duration?>(nil)

    /// Runs `body` within the call limit. A call that overruns it is cancelled and left to finish on its own: a
    /// structured wait would wait for it too, and the call that hangs is the one that ignores cancellation.
    private func bounded<T: Sendable>(_ body: @Sendable @escaping () async throws -> T) async throws -> T {
        guard let limit = callLimit.withLock({ $0 }) else { return try await body() }
        let once = ResumeOnce<T>()
        let logger = self.logger
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            let work = Task {
                do { once.resume(.success(try await body())) } catch { once.resume(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: limit)
                if once.resume(.failure(DatabaseTimeout(seconds: Double(limit.components.seconds)))) {
                    work.cancel()
                    Counter(label: "lore_db_calls_abandoned_total").increment()
                    logger.error("a database call overran its limit and was abandoned", metadata: ["limit": "\(limit)"])
                }
            }
        }
    }

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

/// A continuation resumed by whichever finishes first, the call or its deadline.
final class ResumeOnce<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<T, any Error>?, done: Bool)>((nil, false))

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Resumes the continuation unless something already did; true if this call did.
    @discardableResult
    func resume(_ result: Result<T, any Error>) -> Bool {
        let continuation = state.withLock { s -> CheckedContinuation<T, any Error>? in
            guard !s.done, let c = s.continuation else { return nil }
            s.done = true
            return c
        }
        continuation?.resume(with: result)
        return continuation != nil
    }
}
