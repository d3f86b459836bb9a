import Foundation
import NIOCore
import SQLiteNIO
import Synchronization
// The C library sqlite-nio vendors. It must be this copy: two SQLite libraries in one process would not see
// each other's POSIX file locks on the same database file.
import VaporCSQLite

/// A read-only SQLite connection that runs statements on the calling thread and keeps them prepared.
///
/// sqlite-nio sends every statement to a thread pool and back, and prepares it afresh each time. For a point
/// read (one row by primary key, microseconds of work) those two thread hand-offs and the re-prepare cost more
/// than the read itself (bench/RESULTS.md §1), so Lore's hottest reads take this path. Never use it for work
/// whose time grows with the data (lists, search): it occupies a Swift concurrency thread while it runs.
final class InlineSQLiteConnection: @unchecked Sendable {
    // @unchecked: `handle` and `statements` are only touched by the holder of the reservation (`busy`). A flag
    // rather than a lock, because the holder is a task that may resume on another thread.
    private let busy = Atomic<Bool>(false)
    private var handle: OpaquePointer?
    private var statements: [String: PreparedStatement] = [:]
    /// More distinct statements than this means something is not a point read; the cache is emptied.
    private static let cacheLimit = 128

    final class PreparedStatement {
        let handle: OpaquePointer
        let columns: InlineSQLiteRow.Columns
        init(handle: OpaquePointer, columns: InlineSQLiteRow.Columns) {
            self.handle = handle
            self.columns = columns
        }
    }

    /// `pragmas` are run once on the new connection (the caller's reader settings).
    init(path: String, pragmas: [String]) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            if let db { sqlite_nio_sqlite3_close(db) }
            throw InlineSQLiteError(code: status, message: "Failed to open the SQLite database at \(path)")
        }
        handle = db
        for pragma in pragmas {
            guard sqlite_nio_sqlite3_exec(db, pragma, nil, nil, nil) == SQLITE_OK else { throw error(db) }
        }
    }

    deinit { close() }

    /// Runs `body` if no other task is using this connection right now; returns nil (without waiting) if one is.
    func withReservation<T>(_ body: () async throws -> T) async rethrows -> T? {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return nil }
        defer { busy.store(false, ordering: .releasing) }
        guard handle != nil else { return nil }
        return try await body()
    }

    /// Runs one statement to completion and hands each row to `onRow`. Call only inside ``withReservation(_:)``.
    func run(sql: String, binds: [SQLiteData], _ onRow: (InlineSQLiteRow) -> Void) throws {
        guard let db = handle else { throw InlineSQLiteError(code: SQLITE_MISUSE, message: "The connection is closed") }
        let statement = try prepared(sql, db)
        // Reset in every case: a statement left mid-way would hold its read snapshot open.
        defer {
            sqlite_nio_sqlite3_reset(statement.handle)
            sqlite_nio_sqlite3_clear_bindings(statement.handle)
        }
        for (index, value) in binds.enumerated() {
            guard bind(value, at: Int32(index + 1), statement.handle) == SQLITE_OK else { throw error(db) }
        }
        while true {
            switch sqlite_nio_sqlite3_step(statement.handle) {
            case SQLITE_ROW:
                onRow(
                    InlineSQLiteRow(
                        columns: statement.columns, values: (0..<Int32(statement.columns.names.count)).map { value(at: $0, statement.handle) }))
            case SQLITE_DONE: return
            default: throw error(db)
            }
        }
    }

    /// Closes the connection once its current user (if any) is done.
    func close() {
        while !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged { sched_yield() }
        defer { busy.store(false, ordering: .releasing) }
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
        statements = [:]
        if let handle { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }

    private func prepared(_ sql: String, _ db: OpaquePointer) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        if statements.count >= Self.cacheLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
            statements = [:]
        }
        var raw: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil) == SQLITE_OK, let raw else {
            throw error(db)
        }
        let names = (0..<sqlite_nio_sqlite3_column_count(raw)).map { String(cString: sqlite_nio_sqlite3_column_name(raw, $0)) }
        let statement = PreparedStatement(handle: raw, columns: .init(names: names))
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, _ statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let n): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(n))
        case .float(let d): return sqlite_nio_sqlite3_bind_double(statement, index, d)
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        case .text(let s):
            var s = s
            return s.withUTF8 { sqlite_nio_sqlite3_bind_text64(statement, index, $0.baseAddress, UInt64($0.count), transient, UInt8(SQLITE_UTF8)) }
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
            }
        }
    }

    private func value(at column: Int32, _ statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func error(_ db: OpaquePointer) -> InlineSQLiteError {
        InlineSQLiteError(code: sqlite_nio_sqlite3_extended_errcode(db), message: String(cString: sqlite_nio_sqlite3_errmsg(db)))
    }
}

/// SQLite's SQLITE_TRANSIENT: the library copies bound text and blobs before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An error SQLite reported on an inline connection: its extended result code and message.
struct InlineSQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}
