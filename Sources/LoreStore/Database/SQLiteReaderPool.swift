import NIOPosix
import VaporCSQLite

/// Lore's pooled SQLite readers: a thread pool of its own and as many read connections as threads, so a statement
/// on a reader thread always finds a connection free and never waits for one. Statements that take as long as the
/// data is large (lists, searches, exports) run here, off Swift concurrency's few threads and off the shared pool
/// the writer uses.
final class SQLiteReaderPool: Sendable {
    private let threads: NIOThreadPool
    private let connections: [SQLiteReadConnection]

    init(path: String, count: Int, pragmas: [String]) throws {
        connections = try (0..<max(1, count)).map { _ in try SQLiteReadConnection(path: path, pragmas: pragmas) }
        threads = NIOThreadPool(numberOfThreads: connections.count)
        threads.start()
    }

    /// Runs `work` on a reader thread with a connection of its own.
    func run<T: Sendable>(_ work: @escaping @Sendable (SQLiteReadConnection) throws -> T) async throws -> T {
        try await threads.runIfActive {
            // Each thread holds at most one connection at a time and there are as many connections as threads, so one
            // is free. Taking the first free one keeps the load on the first connections, whose page caches stay warm.
            guard let connection = self.connections.first(where: { $0.reserve() }) else {
                throw SQLiteReadError(code: SQLITE_BUSY, message: "No free reader connection")  // cannot happen
            }
            defer { connection.release() }
            return try work(connection)
        }
    }

    /// Waits for running statements, then closes the connections.
    func close() async {
        try? await threads.shutdownGracefully()
        for connection in connections { connection.close() }
    }
}
