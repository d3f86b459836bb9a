import ArgumentParser
import NIOCore
import NIOPosix

@main
enum Entrypoint {
    static func main() async {
        // Optionally run Swift tasks on NIO's event loops instead of the default pool. Measured on 2 cores it made
        // record reads slower and p99 worse (bench/RESULTS.md), so it is off unless LORE_EXECUTOR_TAKEOVER=1.
        if Environment.value("LORE_EXECUTOR_TAKEOVER") == "1" {
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await Lore.main()
    }
}

struct Lore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lore",
        abstract: "Lore, a knowledge-centred CRM server.",
        discussion: """
            Lore keeps its data in an SQLite file (lore.db) unless --database or LORE_DATABASE_URL names another file
            or a postgres:// URL.
            """,
        subcommands: [
            Serve.self, Migrate.self, UserCommand.self, KnowledgeCommand.self, ServiceCommand.self, Demo.self,
            BackupCommand.self, CheckCommand.self,
            RestoreCommand.self,
        ],
        defaultSubcommand: nil)
}

/// The database option every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite file path or postgres://user:pass@host:port/db URL.",
            discussion: "Defaults to $LORE_DATABASE_URL, else lore.db.",
            valueName: "path-or-url"))
    var database: String?

    var location: String {
        database ?? Environment.value("LORE_DATABASE_URL") ?? "lore.db"
    }
}
