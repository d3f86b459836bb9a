import Foundation
import Logging
import LoreStore
import SQLKit
import Testing

/// The SQLite tuning variables: a bad value is refused before the file is touched, a good one reaches every reader.
@Suite struct SQLiteSettingsTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lore-settings-\(UUID().uuidString).db").path
    }

    /// Opening with each of `values` for `variable` throws, and creates no file.
    static func expectRefused(_ variable: String, _ values: [String]) async {
        for bad in values {
            let path = temporaryPath()
            await #expect(throws: DatabaseOpenError.self) {
                _ = try await DatabaseFactory.open(path, environment: [variable: bad], logger: Logger(label: "test"))
            }
            #expect(!FileManager.default.fileExists(atPath: path), "nothing is created for a refused setting")
        }
    }

    @Test func aBadCacheSizeIsRefusedWithItsName() async throws {
        await Self.expectRefused("LORE_SQLITE_CACHE_MB", ["0", "-5", "lots", "99999999"])
    }

    @Test func theCacheSizeReachesPooledAndInlineReaders() async throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let db = try await DatabaseFactory.open(
            path, environment: ["LORE_SQLITE_CACHE_MB": "48"], logger: Logger(label: "test"))
        let pooled = try await db.read {
            try await $0.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
        }
        let inline = try await db.pointRead {
            try await $0.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
        }
        #expect(pooled == -48 * 1024)
        #expect(inline == -12 * 1024)
        let standard = try await DatabaseFactory.open(path, environment: [:], logger: Logger(label: "test"))
        let defaultSize = try await standard.read {
            try await $0.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
        }
        #expect(defaultSize == -SQLiteLoreDatabase.defaultCacheMegabytes * 1024)
        await standard.close()
        await db.close()
    }

    @Test func aBadMapSizeIsRefusedWithItsName() async throws {
        await Self.expectRefused("LORE_SQLITE_MMAP_MB", ["-1", "2048", "all"])
    }

    @Test func readersMapTheFileOnlyWhenAsked() async throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        @Sendable func mapSize(_ db: any SQLDatabase) async throws -> Int? {
            try await db.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int.self)
        }
        let standard = try await DatabaseFactory.open(path, environment: [:], logger: Logger(label: "test"))
        #expect(try await standard.read(mapSize) == 0)
        #expect(try await standard.pointRead(mapSize) == 0)
        await standard.close()
        let mapped = try await DatabaseFactory.open(
            path, environment: ["LORE_SQLITE_MMAP_MB": "256"], logger: Logger(label: "test"))
        #expect(try await mapped.read(mapSize) == 256 * 1024 * 1024)
        #expect(try await mapped.pointRead(mapSize) == 256 * 1024 * 1024)
        await mapped.close()
    }
}
