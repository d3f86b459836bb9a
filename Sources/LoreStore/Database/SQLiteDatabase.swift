import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLite in WAL mode: one writer connection (writes queue on a mutex, each in a transaction)
/// and a few reader connections used round-robin, which WAL lets run alongside the writer.
public final class SQLiteLoreDatabase: LoreDatabase, @unchecked Sendable {
    // @unchecked: the connections are only reached through `writer` under `writeLock`
    // or through the immutable `readers` array; `next` is protected by its own lock.
    public let engine = Engine.sqlite
    public let logger: Logger
    public let path: String
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let writeLock = AsyncMutex()
    private let counter = ManagedCounter()

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.path = path
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLiteLoreDatabase {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"] {
            _ = try await writer.query(pragma)
        }
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let r = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"] {
                _ = try await r.query(pragma)
            }
            readers.append(r)
        }
        return SQLiteLoreDatabase(path: path, writer: writer, readers: readers, logger: logger)
    }

    public func read<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let reader = readers[counter.next() % readers.count]
        return try await work(reader.sql(queryLogLevel: .trace))
    }

    public func write<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        do {
            let db = writer.sql(queryLogLevel: .trace)
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await work(db)
                try await db.raw("COMMIT").run()
                await writeLock.unlock()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        } catch {
            await writeLock.unlock()
            throw error
        }
    }

    public func close() async {
        try? await writer.close()
        for r in readers { try? await r.close() }
    }
}

/// A thread-safe round-robin counter.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value = (value &+ 1) & Int.max
            return value
        }
    }
}
