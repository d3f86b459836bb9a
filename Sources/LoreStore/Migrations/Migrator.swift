import Logging
import LoreCore
import SQLKit

/// Applies pending migrations and records each in `lore_migrations`. Safe to run again (a no-op)
/// and safe to run from several processes at once (PostgreSQL takes an advisory lock; SQLite's writer lock serialises).
public struct Migrator: Sendable {
    public let database: any LoreDatabase
    public let migrations: [any Migration]

    public init(database: any LoreDatabase, migrations: [any Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Applies what is pending and returns the names of the migrations applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        let engine = database.engine
        try await database.write { db in
            try await db.create(table: "lore_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
        }
        var applied: [String] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let didApply = try await database.write { db in
                if engine == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(7401)").run()
                }
                let done = try await db.select().column("version").from("lore_migrations")
                    .where("version", .equal, migration.version).first()
                if done != nil { return false }
                try await migration.apply(on: db, engine: engine)
                try await db.insert(into: "lore_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now()))
                    .run()
                return true
            }
            if didApply {
                database.logger.info(
                    "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.name)
            }
        }
        return applied
    }

    /// Versions recorded as applied.
    public func appliedVersions() async throws -> [Int] {
        try await database.read { db in
            try await db.select().column("version").from("lore_migrations").orderBy("version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
        }
    }
}
