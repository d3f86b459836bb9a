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
        if isPostgres(location) {
            let config = try PostgresLoreDatabase.configuration(url: location)
            return PostgresLoreDatabase(
                client: PostgresClient(configuration: config, backgroundLogger: logger), logger: logger)
        }
        let path = sqlitePath(location)
        guard !path.isEmpty else { throw DatabaseOpenError(message: "empty database path") }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            throw DatabaseOpenError(message: "folder \(dir) does not exist")
        }
        // LORE_SQLITE_INLINE_READS=0 sends point reads through sqlite-nio's thread pool like every other read
        // (for comparison in benchmarks, or should an inline read ever misbehave).
        let inline = environment["LORE_SQLITE_INLINE_READS"] != "0"
        let cache = try megabytes(
            "LORE_SQLITE_CACHE_MB", in: 1...65_536, default: SQLiteLoreDatabase.defaultCacheMegabytes, environment)
        let mmap = try megabytes(
            "LORE_SQLITE_MMAP_MB", in: 0...SQLiteLoreDatabase.maxMmapMegabytes,
            default: SQLiteLoreDatabase.defaultMmapMegabytes, environment)
        return try await SQLiteLoreDatabase.open(
            path: path, inlineReads: inline, cacheMegabytes: cache, mmapMegabytes: mmap, logger: logger)
    }
}

extension DatabaseFactory {
    /// Whether a database location names PostgreSQL (`postgres://…`); anything else is an SQLite file.
    static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The file path of an SQLite location (`lore.db`, `sqlite://lore.db`, `file:lore.db`).
    static func sqlitePath(_ location: String) -> String {
        var path = location
        for prefix in ["sqlite://", "file:"] where path.hasPrefix(prefix) {
            path = String(path.dropFirst(prefix.count))
        }
        return path
    }
}

extension DatabaseFactory {
    /// A size in megabytes from `environment[name]`, or `fallback` when unset; refused, with its name, outside `range`.
    static func megabytes(
        _ name: String, in range: ClosedRange<Int>, default fallback: Int, _ environment: [String: String]
    ) throws -> Int {
        guard let text = environment[name] else { return fallback }
        guard let mb = Int(text), range.contains(mb) else {
            throw DatabaseOpenError(
                message:
                    "\(name) must be a whole number of megabytes from \(range.lowerBound) to \(range.upperBound), not \(text)"
            )
        }
        return mb
    }
}

public struct DatabaseOpenError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot open database: \(message)" }
}
