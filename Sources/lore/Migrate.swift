import ArgumentParser
import Logging
import LoreStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations (serve does this too). Running it again changes nothing.")

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        Environment.bootstrapLogging(level: .warning, json: false)
        let logger = Logger(label: "lore.migrate")
        let applied = try await DatabaseSession.with(db.location, logger: logger, migrate: false) { database in
            let migrator = Migrator(database: database)
            let applied = try await migrator.migrate()
            return (applied, try await migrator.appliedVersions())
        }
        if applied.0.isEmpty {
            print("Database is up to date (migrations \(applied.1.map(String.init).joined(separator: ", "))).")
        } else {
            print("Applied \(applied.0.count) migration(s): \(applied.0.joined(separator: ", ")).")
        }
    }
}
