import CLoreRank
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLite in WAL mode: one writer connection (writes queue on a mutex, each in a transaction), a pool of reader
/// connections on reader threads of their own, and a few connections for point reads on the caller's thread. WAL
/// lets the readers run alongside the writer.
public final class SQLiteLoreDatabase: LoreDatabase, @unchecked Sendable {
    // @unchecked: the writer is only reached under `writeLock`; the readers guard themselves (SQLiteReaderPool,
    // SQLiteReadConnection's reservation); `counter` is protected by its own lock.
    public let engine = Engine.sqlite
    public func fullTextIndex(_ declaration: FullTextDeclaration) -> any FullTextIndex {
        SQLiteFullTextIndex(declaration: declaration)
    }
    public func integrityProblems() async throws -> [String] { try await IntegrityCheck.sqlite(self) }
    public let logger: Logger
    public let path: String
    private let writer: SQLiteConnection
    private let readers: SQLiteReaderPool
    /// Connections for point reads, run on the caller's thread (see ``SQLiteReadConnection``); one per core is
    /// enough, as only Swift concurrency's threads use them.
    private let inline: [SQLiteReadConnection]
    private let writeLock = AsyncMutex()
    private let counter = ManagedCounter()

    private init(
        path: String, writer: SQLiteConnection, readers: SQLiteReaderPool, inline: [SQLiteReadConnection],
        logger: Logger
    ) {
        self.path = path
        self.writer = writer
        self.readers = readers
        self.inline = inline
        self.logger = logger
    }

    /// Registers Lore's FTS5 ranking function for every connection opened after it (see Sources/CLoreRank); once.
    private static let rankingInstalled: Int32 = lore_rank_install()

    /// Each pooled reader's page cache; the writer and the inline readers (point reads) get a quarter of it.
    /// SQLite's default (2 MB) is far smaller than what a search touches on a large knowledge base — FTS5 reads
    /// every scored row's length from its docsize table (11 MB at a million articles) and facets read a 45 MB
    /// index — so a query cost hundreds of page reads from the OS. A cache fills only as pages are read, so a
    /// small database never uses it all. (bench/RESULTS.md §4, session 6.)
    public static let defaultCacheMegabytes = 64

    /// How much of the file each reader may map into memory (`LORE_SQLITE_MMAP_MB`): a page read from the map needs
    /// no `pread` copy into SQLite's cache. Off by default: at a million articles it cut the ranking phase by ~5 %,
    /// within the noise of HTTP latency, while each of the six readers' maps counts up to 2 GB of shared file pages
    /// in the process's RSS (11 GB shown against 0.4 GB), which misleads memory monitoring. (bench/RESULTS.md §4,
    /// session 12.) SQLite caps a map at its compile-time SQLITE_MAX_MMAP_SIZE, 2 GB less 64 KB here.
    public static let defaultMmapMegabytes = 0
    public static let maxMmapMegabytes = 2_047

    /// Set on every read-only connection, pooled or inline.
    static let readerPragmas = ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"]

    /// Opens (creating if needed) the database file at `path`.
    /// `inlineReads: false` runs point reads on the pooled readers too.
    public static func open(
        path: String, readers readerCount: Int = 4, inlineReads: Bool = true,
        cacheMegabytes: Int = defaultCacheMegabytes,
        mmapMegabytes: Int = defaultMmapMegabytes, logger: Logger
    ) async throws -> SQLiteLoreDatabase {
        let cachePragma = "PRAGMA cache_size=-\(cacheMegabytes * 1024)"
        let smallCachePragma = "PRAGMA cache_size=-\(max(1, cacheMegabytes / 4) * 1024)"
        let readerPragmas = readerPragmas + ["PRAGMA mmap_size=\(mmapMegabytes * 1024 * 1024)"]
        guard rankingInstalled == 0 else {
            throw DatabaseOpenError(
                message: "cannot register the search ranking function (SQLite code \(rankingInstalled))")
        }
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in [
            "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
            "PRAGMA busy_timeout=10000", smallCachePragma,
        ] {
            _ = try await writer.query(pragma)
        }
        let readers = try SQLiteReaderPool(path: path, count: readerCount, pragmas: readerPragmas + [cachePragma])
        let inline = try (0..<(inlineReads ? System.coreCount : 0)).map { _ in
            try SQLiteReadConnection(path: path, pragmas: readerPragmas + [smallCachePragma])
        }
        return SQLiteLoreDatabase(path: path, writer: writer, readers: readers, inline: inline, logger: logger)
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await work(SQLiteReadDatabase(place: .pool(readers), logger: logger))
    }

    /// Runs on a free inline connection, else (all busy) on a pooled reader like any read.
    public func pointRead<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        let start = counter.next()
        for offset in 0..<inline.count {
            let connection = inline[(start &+ offset) % inline.count]
            // The work is async in type only: every statement on an inline database completes before it returns.
            if let result = try await connection.withReservation({
                try await work(SQLiteReadDatabase.inline(connection, logger: logger))
            }) {
                return result
            }
        }
        return try await read(work)
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
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
        await readers.close()
        for c in inline { c.close() }
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
