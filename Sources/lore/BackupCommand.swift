import ArgumentParser
import Foundation
import Logging
import LoreStore

/// `lore backup PATH`: a consistent copy of the database, taken while Lore serves it.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back the database up to a new file, while Lore keeps serving.",
        discussion: """
            SQLite: a consistent, compacted copy (VACUUM INTO), checked with integrity_check. PostgreSQL: pg_dump in its
            custom format (needs PostgreSQL's client tools). Restore either with `lore restore`.
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "The backup file to write; it must not exist.") var path: String

    func run() async throws {
        let (location, path) = (db.location, path)
        let started = ContinuousClock.now
        let report = try await Backup.command {
            try await Backup.backup(location, to: path, logger: Logger(label: "lore.backup"))
        }
        print(
            "Backed up \(report.tables) tables (\(report.bytes / 1024) KB) to \(path) in \(ContinuousClock.now - started)."
        )
    }
}

/// `lore restore PATH`: a backup into an empty database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into an empty database.",
        discussion: """
            The database (--database or LORE_DATABASE_URL) must hold no Lore data yet: a new SQLite path, or a new
            PostgreSQL database (createdb). Stop Lore first if it points at the same place. Migrations newer than the
            backup run at the next start.
            """)
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "The backup file (from lore backup).") var path: String

    func run() async throws {
        let (location, path) = (db.location, path)
        let report = try await Backup.command {
            try await Backup.restore(path, into: location, logger: Logger(label: "lore.restore"))
        }
        print("Restored \(report.tables) tables from \(path) into \(DatabaseSession.redact(location)).")
    }
}

/// `lore check`: is the database sound (after a crash, a restore, a disk problem)?
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: integrity, foreign keys and the full-text indexes.",
        discussion: """
            Exits 1 and lists the problems if there are any. Safe while Lore runs; on SQLite the full-text check holds
            writes back while it reads the indexes (seconds on a large knowledge base).
            """)
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        Environment.bootstrapLogging(level: .warning, json: false)
        let problems = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.check"), migrate: false)
        { database in
            try await IntegrityCheck.run(database)
        }
        guard problems.isEmpty else {
            throw CLIError("the database has problems:\n  " + problems.joined(separator: "\n  "))
        }
        print("ok: \(DatabaseSession.redact(db.location)) passes its integrity checks")
    }
}

extension Backup {
    /// Runs a backup or restore for the command line: quiet logs, and a refusal as one line and exit 1.
    static func command(_ body: () async throws -> Report) async throws -> Report {
        Environment.bootstrapLogging(level: .warning, json: false)
        do {
            return try await body()
        } catch let e as BackupError {
            throw CLIError(e.description)
        }
    }
}
