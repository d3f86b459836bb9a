import ArgumentParser
import Foundation
import Logging
import LoreCore
import LoreStore

/// `lore service …`: routing figures, e-mail intake from a file, the solved-case index, and benchmark data.
struct ServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Service desk: routing accuracy, e-mail intake, the solved-case index, benchmark cases.",
        subcommands: [RoutingEvaluation.self, Intake.self, Reindex.self, CaseGenerate.self])

    struct RoutingEvaluation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "routing-evaluation",
            abstract:
                "Cross-validated routing accuracy per department on the stored cases, and the time to train the model.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var actor: KnowledgeCommand.Actor
        @Option(help: "Folds for cross-validation (2–20).") var folds = 5

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            guard (2...20).contains(folds) else { throw CLIError("--folds must be between 2 and 20") }
            let (actor, folds) = (actor, folds)
            try await DatabaseSession.with(db.location, logger: Logger(label: "lore.service")) { database in
                let cases = CaseRepository(database: database)
                let p = try await actor.principal(database)
                let trained = Date()
                try await RoutingModelCache().warm(on: database)
                let trainSeconds = Date().timeIntervalSince(trained)
                let evalStart = Date()
                let r = try await cases.routingEvaluation(folds: folds, as: p)
                let evalSeconds = Date().timeIntervalSince(evalStart)
                print(
                    "Labelled cases: \(r.cases)   accuracy: \(String(format: "%.2f%%", r.accuracy * 100))   (\(r.folds)-fold, threshold \(r.threshold))"
                )
                for d in r.departments {
                    let acc = d.cases == 0 ? 0 : Double(d.correct) / Double(d.cases) * 100
                    print(String(format: "  %-32@ %7d cases  %6.2f%%", d.name as NSString, d.cases, acc))
                }
                print(
                    String(
                        format: "Training the model on all labelled cases: %.2fs; cross-validation: %.2fs.",
                        trainSeconds, evalSeconds))
            }
        }
    }

    struct Intake: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Take in a raw e-mail (RFC 5322) from a file or standard input: a new case, or added to the case its subject quotes.",
            discussion:
                "Suited to a mail server's pipe: `lore service intake - --as support@example.com < message.eml`.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var actor: KnowledgeCommand.Actor
        @Argument(help: "The message file, or - for standard input.") var path: String
        @Option(help: "Priority of a new case: low, normal, high or urgent.") var priority = "normal"

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            guard let priority = CasePriority(rawValue: priority) else {
                throw CLIError("--priority must be low, normal, high or urgent")
            }
            let data =
                path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
            guard let data else { throw CLIError("cannot read \(path)") }
            let mail: MailMessage
            do { mail = try MailParser.parse(Array(data)) } catch {
                throw CLIError("\(path) is not a readable e-mail: \(error)")
            }
            let actor = actor
            let r = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.service")) { database in
                try await CaseRepository(database: database).intake(
                    mail, priority: priority, as: try await actor.principal(database))
            }
            print("\(r.created ? "Opened" : "Added to") case \(r.serviceCase.reference): \(r.serviceCase.subject)")
        }
    }

    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the index of solved cases that suggestions search.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let started = Date()
            let n = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.service")) { database in
                try await CaseRepository(database: database).reindex { done in
                    if done % 100_000 == 0 { print("  indexed \(done)") }
                }
            }
            print(String(format: "Indexed %d solved case(s) in %.1fs.", n, Date().timeIntervalSince(started)))
        }
    }
}
