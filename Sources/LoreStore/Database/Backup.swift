import Foundation
import Logging
import SQLKit
import SQLiteKit

/// Why a backup or restore was refused or failed, in words an operator can act on.
public struct BackupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Backs a database up while Lore serves it, and restores a backup into an empty database.
///
/// SQLite: `VACUUM INTO` on a connection of its own writes a consistent, compacted copy of one read transaction
/// (WAL lets writers carry on meanwhile), and the copy is checked with `PRAGMA integrity_check` before it counts.
/// A restore copies a checked backup to a path that holds no database yet.
/// PostgreSQL: `pg_dump --format=custom` and `pg_restore` (the client tools of PostgreSQL, version 12 or later),
/// into a database with no Lore tables yet.
public enum Backup {
    /// A backup's size and what it holds, for the command to report.
    public struct Report: Sendable {
        public var bytes: Int64
        public var tables: Int
    }

    public static func backup(_ location: String, to destination: String, schema: String? = nil, logger: Logger)
        async throws -> Report
    {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BackupError("\(destination) already exists; name a new file (a backup never overwrites one)")
        }
        if DatabaseFactory.isPostgres(location) {
            try PostgresTools.run(
                "pg_dump", ["--format=custom", "--no-owner", "--file=\(destination)"] + schemaArgs(schema) + [location])
            return Report(bytes: fileSize(destination), tables: try PostgresTools.tableCount(inDump: destination))
        }
        let path = DatabaseFactory.sqlitePath(location)
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError("no database at \(path)") }
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            _ = try await connection.query("PRAGMA busy_timeout=10000")
            _ = try await connection.query("VACUUM INTO ?", [.text(destination)])
            try await connection.close()
        } catch {
            try? await connection.close()
            try? FileManager.default.removeItem(atPath: destination)
            throw BackupError("the backup of \(path) failed: \(error)")
        }
        let tables = try await checkSQLite(destination, logger: logger)
        return Report(bytes: fileSize(destination), tables: tables)
    }

    /// Restores `source` (a backup of the same engine) into `location`, which must hold no Lore database.
    public static func restore(_ source: String, into location: String, schema: String? = nil, logger: Logger)
        async throws -> Report
    {
        guard FileManager.default.fileExists(atPath: source) else { throw BackupError("no backup at \(source)") }
        if DatabaseFactory.isPostgres(location) {
            guard try await PostgresTools.isEmpty(location, schema: schema, logger: logger) else {
                throw BackupError(
                    "the database already has Lore's tables; restore into an empty database (createdb a new one)")
            }
            try PostgresTools.run(
                "pg_restore",
                [
                    "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=\(location)",
                    source,
                ])
            return Report(bytes: fileSize(source), tables: try PostgresTools.tableCount(inDump: source))
        }
        let path = DatabaseFactory.sqlitePath(location)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) && fileSize(file) > 0 {
            throw BackupError("\(file) already exists; restore into a new file, or move the old one away first")
        }
        let tables = try await checkSQLite(source, logger: logger)
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } catch {
            throw BackupError("cannot write \(path): \(error.localizedDescription)")
        }
        return Report(bytes: fileSize(path), tables: tables)
    }

    /// Opens a copy read-only and checks it is a sound Lore database; returns how many tables it has.
    static func checkSQLite(_ path: String, logger: Logger) async throws -> Int {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw BackupError("\(path) is not a readable SQLite database: \(error)")
        }
        do {
            let integrity = try await connection.query("PRAGMA integrity_check").first?.column("integrity_check")?
                .string
            guard integrity == "ok" else {
                throw BackupError("\(path) is damaged: \(integrity ?? "no answer to integrity_check")")
            }
            let tables = try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
                $0.column("name")?.string
            }
            guard tables.contains("lore_migrations") else { throw BackupError("\(path) is not a Lore database") }
            try await connection.close()
            return tables.count
        } catch let error as BackupError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw BackupError("\(path) is not a readable SQLite database: \(error)")
        }
    }

    static func schemaArgs(_ schema: String?) -> [String] { schema.map { ["--schema=\($0)"] } ?? [] }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
