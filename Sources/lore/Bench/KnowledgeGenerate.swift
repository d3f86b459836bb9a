import ArgumentParser
import Foundation
import Logging
import LoreCore
import LoreStore

extension KnowledgeCommand {
    /// `lore kb reindex`: rebuilds the full-text index.
    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the knowledge-base search index from the published articles.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let started = Date()
            let n = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.kb")) { database in
                try await KnowledgeRepository(database: database).reindex { done in
                    if done % 100_000 == 0 { print("  indexed \(done)") }
                }
            }
            print(String(format: "Indexed %d article(s) in %.1fs.", n, Date().timeIntervalSince(started)))
        }
    }

    /// `lore kb generate`: benchmark articles and queries (see bench/kb_search.sh).
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Fill a database with generated bilingual articles for benchmarks, and write the corpus and queries.",
            discussion:
                "Articles are published and written straight to the tables (no versions or audit rows); run `lore kb reindex` after."
        )
        @OptionGroup var db: DatabaseOptions
        @Option(help: "How many articles.") var articles = 100_000
        @Option(help: "How many queries to write.") var queries = 1_000
        @Option(help: "Random seed.") var seed: UInt64 = 7
        @Option(help: "Write the corpus here as JSON Lines ({\"id\", \"text\"}) for other search engines.")
        var corpusOut: String?
        @Option(help: "Write the queries here, one per line.") var queriesOut: String?

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let (total, queryCount, seed, corpusOut, queriesOut) = (articles, queries, seed, corpusOut, queriesOut)
            let started = Date()
            try await DatabaseSession.with(db.location, logger: Logger(label: "lore.kb")) { database in
                var corpus = KnowledgeCorpus(seed: seed)
                let bulk = BulkWriter(database: database)
                let owner = try await UserRepository(database: database).list().first?.id
                if let queriesOut {
                    var lines: [String] = []
                    for _ in 0..<queryCount { lines.append(corpus.query()) }
                    try (lines.joined(separator: "\n") + "\n").write(
                        toFile: queriesOut, atomically: true, encoding: .utf8)
                }
                if let corpusOut, !FileManager.default.createFile(atPath: corpusOut, contents: nil) {
                    throw CLIError("cannot write \(corpusOut)")
                }
                let out = corpusOut.flatMap { FileHandle(forWritingAtPath: $0) }
                defer { try? out?.close() }
                let now = Timestamp.now()
                let today = Timestamp.days(ofDate: String(now.prefix(10))) ?? 0
                let columns = [
                    "created_at", "updated_at", "created_by", "updated_by", "owner_id", "type", "title", "body",
                    "language", "tags", "status",
                    "audience", "audience_tiers", "audience_industries", "version", "published_at", "verified_at",
                    "verify_by", "helpful_count",
                    "unhelpful_count", "view_count", "solved_count", "plain_text",
                ]
                var made = 0
                while made < total {
                    var rows: [[FieldValue]] = []
                    var texts: [String] = []
                    for _ in 0..<min(5_000, total - made) {
                        let (row, text) = Self.row(corpus: &corpus, now: now, today: today, owner: owner)
                        rows.append(row)
                        texts.append(text)
                    }
                    let ids = try await bulk.insert(into: "articles", columns: columns, rows: rows)
                    if let out { Self.writeCorpus(ids: ids, texts: texts, to: out) }
                    made += rows.count
                    if made % 100_000 == 0 || made == total { print("  \(made) articles") }
                }
            }
            print(String(format: "Generated %d articles in %.1fs.", total, Date().timeIntervalSince(started)))
        }

        /// One published article's column values, verified up to 400 days ago, and its text for the corpus file.
        static func row(corpus: inout KnowledgeCorpus, now: String, today: Int64, owner: Int64?) -> (
            [FieldValue], String
        ) {
            let a = corpus.article()
            let verifiedDaysAgo = Int64.random(in: 0...400, using: &corpus.rng)
            let verified = Timestamp.date(fromDays: today - verifiedDaysAgo) + "T09:00:00.000Z"
            let helpful = Int.random(in: 0...20, using: &corpus.rng)
            let by = owner.map(FieldValue.int) ?? .null
            let row: [FieldValue] = [
                .string(now), .string(now), by, by, by, .string(a.type.rawValue), .string(a.title), .string(a.body),
                .string(a.language.rawValue), .string(""), .string("published"),
                .string(corpus.rng.chance(0.5) ? "customers" : "internal"), .string(""), .string(""), .int(1),
                .string(verified), .string(verified),
                .string(Timestamp.date(fromDays: today - verifiedDaysAgo + Int64(a.type.verifyDays))),
                .int(Int64(helpful)), .int(Int64.random(in: 0...5, using: &corpus.rng)), .int(Int64(helpful * 10)),
                .int(Int64.random(in: 0...3, using: &corpus.rng)), .string(Markdown.plainText(a.body)),
            ]
            return (row, a.title + "\n" + a.body)
        }

        /// The corpus file for the baselines: one JSON object (id, text) per line.
        static func writeCorpus(ids: [Int64], texts: [String], to out: FileHandle) {
            var chunk = ""
            for (id, text) in zip(ids, texts) {
                chunk += String(
                    decoding: JSONValue.object(["id": .int(id), "text": .string(text)]).serialized(), as: UTF8.self)
                chunk += "\n"
            }
            out.write(Data(chunk.utf8))
        }
    }
}

extension KnowledgeCommand {
    /// `lore kb ranking-sql`: the ranking statements Lore runs for each query, for timing the raw query in `sqlite3`.
    struct RankingSQL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ranking-sql",
            abstract:
                "Print, for each line of a query file, the ranking statements Lore's search runs on SQLite (benchmarks).",
            discussion:
                "Values are written into the statements. Every word is required; when no article has them all, Lore then searches for any of them: such lines carry both statements, tab-separated. Queries with nothing to search for are left out."
        )
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "A file with one query per line.") var queries: String
        @Flag(help: "The statements of a search with facets, which also list the ids the facets count.") var facets =
            false

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else {
                throw CLIError("cannot read \(queries)")
            }
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            let out = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.kb")) { database in
                guard database.engine == .sqlite else { throw CLIError("ranking-sql needs a SQLite database") }
                let kb = KnowledgeRepository(database: database)
                var out: [String] = []
                for q in lines {
                    if let statements = try await kb.rankingStatements(for: q, facets: facets) {
                        out.append(statements.joined(separator: "\t"))
                    }
                }
                return out
            }
            print(out.joined(separator: "\n"))
        }
    }
}
