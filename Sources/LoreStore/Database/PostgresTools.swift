import Foundation
import Logging
import PostgresNIO

/// PostgreSQL's own client tools (`pg_dump`, `pg_restore`), found on the PATH or where Debian installs them.
enum PostgresTools {
    static func find(_ tool: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { "\($0)/\(tool)" }
        // Debian keeps every installed version's tools here; the newest can read older servers' dumps.
        let debian = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += debian.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BackupError(
                "\(tool) was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), "
                    + "or run it yourself as the README's operations section shows")
        }
        return found
    }

    /// Runs a tool and waits; a non-zero exit becomes an error carrying its error output. Returns its output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], failure: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try find(tool))
        process.arguments = arguments
        // Errors go to a file, so a tool that writes much to both streams cannot block on the one not being read.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lore-\(tool)-\(UUID().uuidString).log"
        ).path
        guard FileManager.default.createFile(atPath: errorPath, contents: nil),
            let errorFile = FileHandle(forWritingAtPath: errorPath)
        else { throw BackupError("cannot write a temporary file for \(tool)'s messages") }
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorFile
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorFile.close()
        let err = FileManager.default.contents(atPath: errorPath) ?? Data()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BackupError(failure ?? "\(tool) failed (exit \(process.terminationStatus)): \(text)")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many tables a custom-format dump holds (from `pg_restore --list`).
    static func tableCount(inDump path: String) throws -> Int {
        let listing = try run("pg_restore", ["--list", path], failure: "\(path) is not a pg_dump archive")
        return listing.split(separator: "\n").filter {
            $0.contains(" TABLE ") && !$0.contains(" TABLE DATA ") && !$0.hasPrefix(";")
        }.count
    }

    /// Whether the database (or `schema`) has no `lore_migrations` table yet.
    static func isEmpty(_ url: String, schema: String?, logger: Logger) async throws -> Bool {
        let client = PostgresClient(
            configuration: try PostgresLoreDatabase.configuration(url: url), backgroundLogger: logger)
        return try await client.running(grace: .seconds(2)) {
            let rows = try await client.query(
                "SELECT count(*)::int FROM information_schema.tables WHERE table_name = 'lore_migrations' AND table_schema = \(schema ?? "public")"
            )
            for try await count in rows.decode(Int.self) { return count == 0 }
            return true
        }
    }
}
