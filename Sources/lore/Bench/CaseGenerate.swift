import ArgumentParser
import Foundation
import Logging
import LoreCore
import LoreStore

extension ServiceCommand {
    /// `lore service generate`: labelled, solved cases for the routing and suggestion benchmarks (bench/service.sh).
    struct CaseGenerate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Fill a database with generated bilingual solved cases, labelled with departments (benchmarks).",
            discussion: """
                Each department has its own topic words; a case mixes them with common words, so routing is learnable but not \
                trivial. Cases are written straight to the table (no events or audit rows); run `lore service reindex` after \
                to make them searchable for suggestions.
                """)
        @OptionGroup var db: DatabaseOptions
        @Option(help: "How many cases.") var cases = 100_000
        @Option(help: "How many departments (created when missing).") var departments = 8
        @Option(help: "Share of a case's words drawn from its department's topic (0–1).") var topicShare = 0.25
        @Option(help: "Random seed.") var seed: UInt64 = 11

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            guard (2...100).contains(departments), (0...1).contains(topicShare), cases > 0 else {
                throw CLIError("check --departments and --topic-share")
            }
            let (total, deptCount, share, seed) = (cases, departments, topicShare, seed)
            let started = Date()
            try await DatabaseSession.with(db.location, logger: Logger(label: "lore.service")) { database in
                var corpus = KnowledgeCorpus(seed: seed)
                let bulk = BulkWriter(database: database)
                let deptIDs = try await Self.makeDepartments(deptCount, bulk: bulk)
                // Topic words: mid-frequency words (common enough to recur, rare enough to mean something), 40 per language.
                let topics = deptIDs.indices.map { d in
                    (
                        en: (0..<40).map { corpus.vocabulary.english[300 + d * 40 + $0] },
                        zh: (0..<40).map { corpus.vocabulary.chinese[300 + d * 40 + $0] }
                    )
                }
                let owner = try await UserRepository(database: database).list().first?.id
                let columns = [
                    "created_at", "updated_at", "created_by", "updated_by", "subject", "description", "channel",
                    "priority", "status",
                    "department_id", "tier", "routing", "training_label", "first_response_due", "resolution_due",
                    "first_responded_at",
                    "resolved_at", "escalation_count", "resolution", "resolved_by", "reuse_count",
                ]
                var made = 0
                while made < total {
                    var rows: [[FieldValue]] = []
                    for _ in 0..<min(5_000, total - made) {
                        let d = Int(
                            CorpusVocabulary.sample(CorpusVocabulary.zipfCDF(deptCount, s: 0.6), rng: &corpus.rng))
                        rows.append(
                            Self.row(
                                department: deptIDs[d], topic: topics[d], share: share, owner: owner, corpus: &corpus))
                    }
                    try await bulk.insert(into: "cases", columns: columns, rows: rows, returningIDs: false)
                    made += rows.count
                    if made % 100_000 == 0 || made == total { print("  \(made) cases") }
                }
                try await database.write { db in
                    _ = try await db.raw(
                        "UPDATE service_settings SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'routing_version'"
                    )
                    .run()
                }
            }
            print(String(format: "Generated %d cases in %.1fs.", total, Date().timeIntervalSince(started)))
        }

        static func makeDepartments(_ count: Int, bulk: BulkWriter) async throws -> [Int64] {
            var ids: [Int64] = []
            for i in 0..<count {
                let now = Timestamp.now()
                ids += try await bulk.insert(
                    into: "departments", columns: ["created_at", "updated_at", "name"],
                    rows: [[.string(now), .string(now), .string("Support \(i + 1) 支持\(i + 1)")]])
            }
            return ids
        }

        /// One solved, labelled case: a share of its words from its department's topic, the rest from the corpus.
        static func row(
            department: Int64, topic: (en: [String], zh: [String]), share: Double, owner: Int64?,
            corpus: inout KnowledgeCorpus
        ) -> [FieldValue] {
            let zh = corpus.rng.chance(0.5)
            func words(_ n: Int) -> String {
                (0..<n).map { _ in
                    corpus.rng.chance(share)
                        ? corpus.rng.pick(zh ? topic.zh : topic.en)
                        : corpus.vocabulary.word(chinese: zh, rng: &corpus.rng)
                }.joined(separator: zh ? "" : " ")
            }
            let at = Timestamp.now()
            let by = owner.map(FieldValue.int) ?? .null
            return [
                .string(at), .string(at), by, by, .string(words(Int.random(in: 3...8, using: &corpus.rng))),
                .string(words(Int.random(in: 15...50, using: &corpus.rng))),
                .string(corpus.rng.pick(CaseChannel.allCases).rawValue), .string("normal"), .string("resolved"),
                .int(department), .int(1), .string("manual"), .int(department), .string(at), .string(at), .string(at),
                .string(at), .int(0), .string(words(Int.random(in: 10...30, using: &corpus.rng))), by, .int(0),
            ]
        }
    }
}
