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
    public func fullTextIndex(_ declaration: FullTextDeclaration) -> any FullTextIndex {
        PostgresFullTextIndex(declaration: declaration)
    }
    public func integrityProblems() async throws -> [String] { try await IntegrityCheck.postgres(self) }
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
            config = .init(
                unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
        } else {
            config = .init(
                host: core.host ?? "127.0.0.1", port: core.port ?? 5432, username: core.username,
                password: core.password,
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
                try await self.client.withTransaction(logger: self.logger) { conn in
                    try await work(conn.sql(queryLogLevel: .trace))
                }
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
        let logger = self.logger
        return try await withCheckedThrowingContinuation { continuation in
            let race = CallRace(continuation)
            let work = Task {
                do { race.finish(.success(try await body())) } catch { race.finish(.failure(error)) }
            }
            race.startTimer(limit) {
                work.cancel()
                Counter(label: "lore_db_calls_abandoned_total").increment()
                logger.error("a database call overran its limit and was abandoned", metadata: ["limit": "\(limit)"])
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
                    message:
                        "PostgreSQL did not answer within \(timeout) (is it running, and are host, port and credentials right?)"
                )
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}

/// A call racing its deadline: whichever ends first resumes the continuation, and a call that ends first stops
/// the timer (so a busy server does not keep one sleeping task per call for the whole limit).
final class CallRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var timer: Task<Void, Never>?
    }
    private let state: Mutex<State>

    init(_ continuation: CheckedContinuation<T, any Error>) { state = Mutex(State(continuation: continuation)) }

    /// The call's result; ignored if the deadline passed first.
    func finish(_ result: Result<T, any Error>) {
        let (continuation, timer) = state.withLock { s in
            defer { (s.continuation, s.timer) = (nil, nil) }
            return (s.continuation, s.timer)
        }
        timer?.cancel()
        continuation?.resume(with: result)
    }

    /// Fails the call with ``DatabaseTimeout`` after `limit` unless it finished, and then runs `expired`.
    func startTimer(_ limit: Duration, expired: @escaping @Sendable () -> Void) {
        let timer = Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            let continuation = self.state.withLock { s in
                defer { s.continuation = nil }
                return s.continuation
            }
            guard let continuation else { return }
            continuation.resume(throwing: DatabaseTimeout(seconds: Double(limit.components.seconds)))
            expired()
        }
        // The call may have finished already: then nothing will cancel this timer but us.
        let finished = state.withLock { s in
            if s.continuation == nil { return true }
            s.timer = timer
            return false
        }
        if finished { timer.cancel() }
    }
}
