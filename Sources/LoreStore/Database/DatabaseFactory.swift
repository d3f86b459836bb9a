import Foundation
import Logging
import PostgresNIO

/// Opens the database a URL or path names: `postgres://…` for PostgreSQL, anything else is an SQLite file path
/// (`sqlite://path` and `file:path` are accepted too).
public enum DatabaseFactory {
    /// `environment` holds the tuning variables (`LORE_SQLITE_INLINE_READS`, `LORE_SQLITE_CACHE_MB`,
    /// `LORE_SQLITE_MMAP_MB`).
    public static func open(
        _ location: String, environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger
    ) async throws -> any LoreDatabase {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let config = try PostgresLoreDatabase.configuration(url: location)
            return PostgresLoreDatabase(client: PostgresClient(configuration: config, backgroundLogger: logger), logger: logger)
        }
        var path = location
        for prefix in ["sqlite://", "file:"] where path.hasPrefix(prefix) { path = String(path.dropFirst(prefix.count)) }
        guard !path.isEmpty else { throw DatabaseOpenError(message: "empty database path") }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            throw DatabaseOpenError(message: "folder \(dir) does not exist")
        }
        // LORE_SQLITE_INLINE_READS=0 sends point reads through sqlite-nio's thread pool like every other read
        // (for comparison in benchmarks, or should an inline read ever misbehave).
        let inline = environment["LORE_SQLITE_INLINE_READS"] != "0"
        var cache = SQLiteLoreDatabase.defaultCacheMegabytes
        if let text = environment["LORE_SQLITE_CACHE_MB"] {
            guard let mb = Int(text), (1...65_536).contains(mb) else {
                throw DatabaseOpenError(message: "LORE_SQLITE_CACHE_MB must be a whole number of megabytes from 1 to 65536, not \(text)")
            }
            cache = mb
        }
        var mmap = SQLiteLoreDatabase.defaultMmapMegabytes
        if let text = environment["LORE_SQLITE_MMAP_MB"] {
            guard let mb = Int(text), (0...SQLiteLoreDatabase.maxMmapMegabytes).contains(mb) else {
                throw DatabaseOpenError(
                    message: "LORE_SQLITE_MMAP_MB must be a whole number of megabytes from 0 to \(SQLiteLoreDatabase.maxMmapMegabytes), not \(text)")
            }
            mmap = mb
        }
        return try await SQLiteLoreDatabase.open(path: path, inlineReads: inline, cacheMegabytes: cache, mmapMegabytes: mmap, logger: logger)
    }
}

public struct DatabaseOpenError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot open database: \(message)" }
}
