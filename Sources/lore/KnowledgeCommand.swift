import ArgumentParser
import Foundation
import Logging
import LoreCore
import LoreServer
import LoreStore

/// `lore kb import|export`: articles as JSON Lines or as a folder of Markdown files with front matter.
struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb", abstract: "Import and export knowledge-base articles.",
        subcommands: [Import.self, Export.self, Reindex.self, Generate.self, RankingSQL.self])

    struct Actor: ParsableArguments {
        @Option(
            name: .customLong("as"),
            help: "E-mail of the user the import or export acts as (default: the first administrator).")
        var email: String?

        func principal(_ database: any LoreDatabase) async throws -> Principal {
            let users = UserRepository(database: database)
            let user: User?
            if let email {
                user = try await users.find(email: email)
            } else {
                user = try await users.list().first { $0.role == .admin && $0.active }
            }
            guard let user, let p = try await users.principal(userID: user.id) else {
                throw CLIError("no active user \(email ?? "(administrator)")")
            }
            return p
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import articles from a .jsonl file or a folder of .md files with front matter.",
            discussion: """
                By default the import is all or nothing: if any file or line has an error, nothing is written and every error \
                is listed. With --continue the good articles are imported and the bad ones reported. Articles marked \
                status: published are published when the acting user is a knowledge manager or administrator; otherwise they arrive as drafts.
                """)
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var actor: Actor
        @Argument(help: "A .jsonl file, or a folder of .md files.") var path: String
        @Flag(name: .customLong("continue"), help: "Import the good articles even if some have errors.") var keepGoing =
            false

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let items = try Self.read(path)
            guard !items.isEmpty else { throw CLIError("\(path) has no articles") }
            let (actor, atomic) = (actor, !keepGoing)
            let results = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.kb")) { database in
                try await KnowledgeRepository(database: database).importDocuments(
                    items, atomic: atomic, as: try await actor.principal(database))
            }
            let failed = results.filter { $0.error != nil }
            for f in failed { FileHandle.standardError.write(Data("\(f.source): \(f.error ?? "")\n".utf8)) }
            if atomic && !failed.isEmpty { throw CLIError("nothing imported: \(failed.count) item(s) have errors") }
            print("Imported \(results.count - failed.count) article(s); \(failed.count) failed.")
            if !failed.isEmpty { throw ExitCode(2) }
        }

        static func read(_ path: String) throws -> [(
            source: String, document: Result<ArticleDocument, FrontMatter.ParseError>
        )] {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw CLIError("no such file or folder: \(path)")
            }
            if !isDir.boolValue {
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw CLIError("\(path) is not readable UTF-8 text")
                }
                return KnowledgeTransfer.parseJSONLines(text)
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".md") }
                .sorted()
            return files.map { name in
                let full = (path as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: full),
                    let text = String(data: data, encoding: .utf8)
                else {
                    return (name, .failure(FrontMatter.ParseError(line: 0, message: "not readable UTF-8 text")))
                }
                do { return (name, .success(try ArticleDocument.fromMarkdown(text))) } catch let e
                    as FrontMatter.ParseError
                {
                    return (name, .failure(e))
                } catch { return (name, .failure(FrontMatter.ParseError(line: 0, message: "\(error)"))) }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the articles the acting user may read, with their versions.",
            discussion:
                "A path ending in .jsonl gets JSON Lines; any other path is a folder of Markdown files (NNNNNN.md), each with its versions in NNNNNN.versions/."
        )
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var actor: Actor
        @Argument(help: "Output file (.jsonl) or folder.") var path: String

        func run() async throws {
            Environment.bootstrapLogging(level: .warning, json: false)
            let (actor, path) = (actor, path)
            let jsonl = path.hasSuffix(".jsonl")
            let fm = FileManager.default
            if jsonl {
                guard fm.createFile(atPath: path, contents: nil) else { throw CLIError("cannot write \(path)") }
            } else {
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
            let count = try await DatabaseSession.with(db.location, logger: Logger(label: "lore.kb")) { database in
                let kb = KnowledgeRepository(database: database)
                let p = try await actor.principal(database)
                let out = jsonl ? FileHandle(forWritingAtPath: path) : nil
                defer { try? out?.close() }
                var after: Int64 = 0
                var n = 0
                while true {
                    let batch = try await kb.export(as: p, afterID: after)
                    guard let last = batch.last else { break }
                    for (a, versions) in batch {
                        if let out {
                            out.write(Data((KnowledgeTransfer.jsonLine(a, versions: versions) + "\n").utf8))
                        } else {
                            let base = (path as NSString).appendingPathComponent(String(format: "%06lld", a.id))
                            try Data(ArticleDocument.toMarkdown(a).utf8).write(to: URL(fileURLWithPath: base + ".md"))
                            try fm.createDirectory(atPath: base + ".versions", withIntermediateDirectories: true)
                            for v in versions {
                                var old = a
                                (old.title, old.body, old.tags, old.type, old.language) = (
                                    v.title, v.body, v.tags, v.type, v.language
                                )
                                old.status = v.status
                                try Data(ArticleDocument.toMarkdown(old).utf8).write(
                                    to: URL(fileURLWithPath: base + ".versions/v\(v.number).md"))
                            }
                        }
                        n += 1
                    }
                    after = last.article.id
                }
                return n
            }
            print("Exported \(count) article(s) to \(path).")
        }
    }
}
