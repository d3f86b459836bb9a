import SQLKit

/// `lore check`: whether the database is sound after a crash, a restore or a disk problem.
/// SQLite: `PRAGMA integrity_check`, `PRAGMA foreign_key_check`, and FTS5's own `integrity-check` of every full-text
/// index (an index out of step with its rows answers searches wrongly). PostgreSQL: every Lore table answers.
public enum IntegrityCheck {
    /// The problems found; empty when the database is sound.
    public static func run(_ database: any LoreDatabase) async throws -> [String] {
        try await database.integrityProblems()
    }

    static func sqlite(_ database: SQLiteLoreDatabase) async throws -> [String] {
        // The page and key checks read a snapshot beside the server's writes (WAL); only FTS5's check, an INSERT
        // command, needs the write lock, so a live server's writes wait only while the indexes are read.
        var problems = try await database.read { db in
            var problems: [String] = []
            for row in try await db.raw("PRAGMA integrity_check").all() {
                let line = try row.decode(column: "integrity_check", as: String.self)
                if line != "ok" { problems.append("integrity_check: \(line)") }
            }
            for row in try await db.raw("PRAGMA foreign_key_check").all() {
                let table = (try? row.decode(column: "table", as: String.self)) ?? "?"
                let parent = (try? row.decode(column: "parent", as: String.self)) ?? "?"
                problems.append("foreign_key_check: a row of \(table) refers to a missing row of \(parent)")
            }
            return problems
        }
        problems += try await database.write { db in
            var problems: [String] = []
            let fts = try await db.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
            ).all()
                .map { try $0.decode(column: "name", as: String.self) }
            for table in fts {
                do {
                    try await db.raw("INSERT INTO \(ident: table)(\(ident: table)) VALUES ('integrity-check')").run()
                } catch {
                    problems.append(
                        "\(table): the full-text index fails its integrity check (\(error)); run lore kb reindex")
                }
            }
            return problems
        }
        return problems
    }

    static func postgres(_ database: PostgresLoreDatabase) async throws -> [String] {
        try await database.read { db in
            let tables = try await db.raw(
                "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            var problems: [String] =
                tables.contains("lore_migrations") ? [] : ["no lore_migrations table: not a Lore database"]
            for table in tables {
                do {
                    _ = try await db.raw("SELECT count(*) AS n FROM \(ident: table)").first()
                } catch {
                    problems.append("\(table): \(error)")
                }
            }
            return problems
        }
    }
}
