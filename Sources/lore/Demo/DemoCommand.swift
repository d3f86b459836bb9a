import ArgumentParser
import Foundation
import Logging
import LoreStore

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with a realistic bilingual demo company.",
        discussion: """
            Creates departments, teams and a user in every role (password \(DemoPlan.password)), a product catalogue, \
            accounts and contacts, leads, a pipeline of opportunities, contracts, three years of orders, interactions and tasks. \
            The sizes can be raised for benchmarks. Refuses a database that already has accounts.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Number of accounts.") var accounts: Int = DemoPlan().accounts
    @Option(help: "Number of interactions.") var interactions: Int = DemoPlan().interactions
    @Option(help: "Number of order lines (three years of orders).") var orderLines: Int = DemoPlan().orderLines
    @Option(help: "Average contacts per account.") var contactsPerAccount: Int = DemoPlan().contactsPerAccount
    @Option(help: "Random seed; the same seed builds the same company.") var seed: UInt64 = DemoPlan().seed

    func validate() throws {
        guard accounts >= 10, interactions >= 0, orderLines >= 0, (1...20).contains(contactsPerAccount) else {
            throw ValidationError("need at least 10 accounts, non-negative counts and 1–20 contacts per account")
        }
    }

    func run() async throws {
        Environment.bootstrapLogging(level: .warning, json: false)
        var plan = DemoPlan()
        plan.accounts = accounts
        plan.interactions = interactions
        plan.orderLines = orderLines
        plan.contactsPerAccount = contactsPerAccount
        plan.seed = seed
        let location = db.location
        let finalPlan = plan
        print("Building the demo company in \(DatabaseSession.redact(location))…")
        let started = Date()
        try await DatabaseSession.with(location, logger: Logger(label: "lore.demo")) { database in
            if try await BulkWriter(database: database).count("accounts") > 0 {
                throw CLIError(
                    "the database already has accounts; lore demo fills an empty database (use another --database)")
            }
            var generator = DemoGenerator(database: database, plan: finalPlan) { line in
                // Written straight to the file descriptor, so progress shows even when output goes to a file or a pipe.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            try await generator.run()
            return true
        }
        print(
            String(
                format: "Done in %.1fs. Sign in as admin@lore.demo (or any user in the README) with password %@.",
                Date().timeIntervalSince(started),
                DemoPlan.password))
    }
}
