import Foundation
import Logging
import LoreCore
import LoreStore
import LoreTestSupport
import PostgresNIO
import SQLiteNIO
import Testing

/// `lore backup` and `lore restore`: a round trip gives back every row of every table, on both engines.
@Suite struct BackupTests {
    static let logger = Logger(label: "lore.test.backup")

    /// Records, reference sets, a published article in the search index, a case with its thread.
    static func fill(_ db: any LoreDatabase) async throws {
        let cases = CaseRepository(database: db)
        let f = try await ServiceFixtures.make(db, cases: cases)
        let kb = KnowledgeRepository(database: db)
        _ = try await f.base.publishedArticle(
            kb, title: "退款多久到账 Refund timing", body: "Refunds arrive within **5** days.\n\n退款五天内到账。")
        _ = try await cases.create(
            CaseInput(
                subject: "路由器无法连接", description: "指示灯闪烁 the router blinks", accountID: f.accountID,
                contactID: f.contactID),
            as: f.base.agent)
    }

    @Test(arguments: TestDatabase.engines)
    func aRoundTripKeepsEveryRowOfEveryTable(engine: Engine) async throws {
        try await TestDatabase.withLocation(engine) { db, location in
            try await Self.fill(db)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lore-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("backup.lore").path
            let report = try await Backup.backup(location.url, to: file, schema: location.schema, logger: Self.logger)
            #expect(report.bytes > 0 && report.tables > 20)
            // A second backup to the same file is refused rather than overwriting it.
            await #expect(throws: BackupError.self) {
                try await Backup.backup(location.url, to: file, schema: location.schema, logger: Self.logger)
            }
            switch engine {
            case .sqlite:
                let restored = dir.appendingPathComponent("restored.db").path
                _ = try await Backup.restore(file, into: restored, logger: Self.logger)
                let before = try await Self.sqliteTables(location.url)
                #expect(try await Self.sqliteTables(restored) == before)
                #expect(before.count == report.tables && before.values.contains { !$0.isEmpty })
                // Restoring over a database that exists is refused.
                await #expect(throws: BackupError.self) {
                    try await Backup.restore(file, into: restored, logger: Self.logger)
                }
            case .postgres:
                try await Self.withNewDatabase(location.url) { restoredURL in
                    _ = try await Backup.restore(file, into: restoredURL, schema: location.schema, logger: Self.logger)
                    let before = try await Self.postgresTables(location.url, schema: location.schema ?? "public")
                    #expect(try await Self.postgresTables(restoredURL, schema: location.schema ?? "public") == before)
                    #expect(before.count > 20 && before.values.contains { !$0.isEmpty })
                    await #expect(throws: BackupError.self) {
                        try await Backup.restore(file, into: restoredURL, schema: location.schema, logger: Self.logger)
                    }
                }
            }
        }
    }

    @Test func aFileThatIsNotABackupIsRefused() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lore-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("junk.db").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
        await #expect(throws: BackupError.self) {
            try await Backup.restore(junk, into: dir.appendingPathComponent("x.db").path, logger: Self.logger)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.db").path))
    }

    /// Every table's rows, each as the text of its values, sorted.
    static func sqliteTables(_ path: String) async throws -> [String: [String]] {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        var out: [String: [String]] = [:]
        do {
            let names = try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
                $0.column("name")?.string
            }
            for name in names {
                let rows = try await connection.query("SELECT * FROM \"\(name)\"")
                out[name] = rows.map { row in
                    row.columns.map { "\($0.name)=\($0.data.description)" }.joined(separator: "|")
                }.sorted()
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
        return out
    }

    static func postgresTables(_ url: String, schema: String) async throws -> [String: [String]] {
        let client = PostgresClient(
            configuration: try PostgresLoreDatabase.configuration(url: url, searchPath: schema),
            backgroundLogger: logger)
        return try await client.running(grace: .seconds(2)) {
            var names: [String] = []
            let listed = try await client.query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = \(schema) AND table_type = 'BASE TABLE'"
            )
            for try await name in listed.decode(String.self) { names.append(name) }
            var out: [String: [String]] = [:]
            for name in names {
                var rows: [String] = []
                for try await text in try await client.query(
                    PostgresQuery(unsafeSQL: "SELECT t::text FROM \"\(name)\" t")
                ).decode(String.self) {
                    rows.append(text)
                }
                out[name] = rows.sorted()
            }
            return out
        }
    }

    /// A fresh database on the test server, dropped afterwards.
    static func withNewDatabase(_ url: String, _ body: (String) async throws -> Void) async throws {
        let name = "r_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresClient(
            configuration: try PostgresLoreDatabase.configuration(url: url), backgroundLogger: logger)
        try await admin.running(grace: .seconds(2)) {
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        guard let slash = url.lastIndex(of: "/") else { return }
        let restoredURL = String(url[...slash]) + name
        do {
            try await body(restoredURL)
        } catch {
            try? await Self.drop(name, url: url)
            throw error
        }
        try await Self.drop(name, url: url)
    }

    static func drop(_ name: String, url: String) async throws {
        let admin = PostgresClient(
            configuration: try PostgresLoreDatabase.configuration(url: url), backgroundLogger: logger)
        try await admin.running(grace: .seconds(2)) {
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }
}
