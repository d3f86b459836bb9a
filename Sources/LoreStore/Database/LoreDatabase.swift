import Logging
import SQLKit

/// The two database engines Lore runs on.
public enum Engine: String, Sendable {
    case sqlite
    case postgres
}

/// Lore's handle on its database: reads run on any connection; writes run in a transaction.
/// Implemented for SQLite (one writer, several readers) and for PostgreSQL (a connection pool).
public protocol LoreDatabase: Sendable {
    var engine: Engine { get }
    var logger: Logger { get }
    /// Runs read-only work.
    func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs a read of a bounded, small amount of data (a row by primary key). An engine may run it where it is
    /// cheapest; the default is ``read(_:)``.
    func pointRead<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs work inside one transaction: it commits if the work returns and rolls back if it throws.
    func write<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// The full-text index of `declaration`, as this engine keeps it.
    func fullTextIndex(_ declaration: FullTextDeclaration) -> any FullTextIndex
    /// What ``IntegrityCheck`` finds wrong with the database, engine by engine; empty when it is sound.
    func integrityProblems() async throws -> [String]
    /// Releases connections.
    func close() async
}

extension LoreDatabase {
    public func pointRead<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        try await read(work)
    }
}

extension LoreDatabase {
    /// How long the database takes to answer a trivial query, in whole milliseconds: `/health` and the
    /// administrator's home page report it.
    public func pingMilliseconds() async throws -> Int64 {
        let started = ContinuousClock.now
        try await read { db in _ = try await db.raw("SELECT 1 AS ok").all() }
        let elapsed = (ContinuousClock.now - started).components
        return elapsed.seconds * 1_000 + elapsed.attoseconds / 1_000_000_000_000_000
    }
}
