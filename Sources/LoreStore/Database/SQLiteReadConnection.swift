import Foundation
import NIOCore
import SQLiteNIO
import Synchronization
// The C library sqlite-nio vendors. It must be this copy: two SQLite libraries in one process would not see
// each other's POSIX file locks on the same database file.
import VaporCSQLite

/// A read-only SQLite connection that keeps its statements prepared and runs them on whichever thread calls it:
/// a Swift concurrency thread for point reads (``SQLiteReadDatabase/inline(_:logger:)``; only bounded work, as it
/// occupies one of those few threads), a reader thread for the rest (``SQLiteReaderPool``).
///
/// sqlite-nio prepares every statement afresh, sends it to the shared thread pool and wraps each value of each row
/// for Decodable. Lore's statements are few and fixed (values are bound, never written in), so kept statements are
/// reused: point reads got 28 % more requests per second (bench/RESULTS.md §1) and a search's ranking phase about
/// 0.6–1 ms less (§4, session 11).
final class SQLiteReadConnection: @unchecked Sendable {
    // @unchecked: `handle` and `statements` are only touched by the holder of the reservation (`busy`). A flag
    // rather than a lock, because the holder may be a task that resumes on another thread.
    private let busy = Atomic<Bool>(false)
    private var handle: OpaquePointer?
    private var statements: [String: PreparedStatement] = [:]
    /// More distinct statements than this (lists with many filter combinations) and the cache is emptied.
    private static let cacheLimit = 256

    final class PreparedStatement {
        let handle: OpaquePointer
        let columns: SQLiteReadRow.Columns
        init(handle: OpaquePointer, columns: SQLiteReadRow.Columns) {
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
            throw SQLiteReadError(code: status, message: "Failed to open the SQLite database at \(path)")
        }
        handle = db
        for pragma in pragmas {
            guard sqlite_nio_sqlite3_exec(db, pragma, nil, nil, nil) == SQLITE_OK else { throw error(db) }
        }
    }

    deinit { close() }

    /// Takes the connection if no one else holds it (without waiting); pair with ``release()``.
    func reserve() -> Bool {
        busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    func release() { busy.store(false, ordering: .releasing) }

    /// Runs `body` if no other task is using this connection right now; returns nil (without waiting) if one is.
    func withReservation<T>(_ body: () async throws -> T) async rethrows -> T? {
        guard reserve() else { return nil }
        defer { release() }
        guard handle != nil else { return nil }
        return try await body()
    }

    /// Runs one statement to completion and hands each row to `onRow`. Call only while holding the reservation.
    func run(sql: String, binds: [SQLiteData], _ onRow: (SQLiteReadRow) -> Void) throws {
        guard let db = handle else { throw SQLiteReadError(code: SQLITE_MISUSE, message: "The connection is closed") }
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
                    SQLiteReadRow(
                        columns: statement.columns,
                        values: (0..<Int32(statement.columns.names.count)).map { value(at: $0, statement.handle) }))
            case SQLITE_DONE: return
            default: throw error(db)
            }
        }
    }

    /// Closes the connection once its current user (if any) is done.
    func close() {
        while !reserve() { sched_yield() }
        defer { release() }
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
        guard sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil) == SQLITE_OK,
            let raw
        else {
            throw error(db)
        }
        let names = (0..<sqlite_nio_sqlite3_column_count(raw)).map {
            String(cString: sqlite_nio_sqlite3_column_name(raw, $0))
        }
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
            return s.withUTF8 {
                sqlite_nio_sqlite3_bind_text64(
                    statement, index, $0.baseAddress, UInt64($0.count), transient, UInt8(SQLITE_UTF8))
            }
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

    private func error(_ db: OpaquePointer) -> SQLiteReadError {
        SQLiteReadError(
            code: sqlite_nio_sqlite3_extended_errcode(db), message: String(cString: sqlite_nio_sqlite3_errmsg(db)))
    }
}

/// SQLite's SQLITE_TRANSIENT: the library copies bound text and blobs before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An error SQLite reported on a read connection: its extended result code and message.
struct SQLiteReadError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}
