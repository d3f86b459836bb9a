import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// An `SQLDatabase` over an ``InlineSQLiteConnection``: each statement runs to completion on the calling thread.
struct InlineSQLiteDatabase: SQLDatabase {
    let connection: InlineSQLiteConnection
    let logger: Logger
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        let values = try binds.map(Self.sqliteData)
        try connection.run(sql: sql, binds: values) { onRow($0) }
    }

    /// Bound values as SQLite data; the common scalar types directly, anything else through SQLiteKit's encoder.
    private static func sqliteData(_ bind: any Encodable & Sendable) throws -> SQLiteData {
        switch bind {
        case let n as Int64: .integer(Int(n))
        case let n as Int: .integer(n)
        case let s as String: .text(s)
        case let d as Double: .float(d)
        case let b as Bool: .integer(b ? 1 : 0)
        default: try SQLiteDataEncoder().encode(bind)
        }
    }
}

/// One result row of an inline statement; column names are shared by all rows of the statement.
struct InlineSQLiteRow: SQLRow {
    final class Columns: Sendable {
        let names: [String]
        let index: [String: Int]
        init(names: [String]) {
            self.names = names
            self.index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let columns: Columns
    let values: [SQLiteData]
    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let i = columns.index[column] else { return true }
        return values[i] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let i = columns.index[column] else {
            throw DecodingError.keyNotFound(
                SQLCodingKey(stringValue: column), .init(codingPath: [], debugDescription: "No column \(column) in the row"))
        }
        // The common scalar types directly: SQLiteKit's decoder goes through Decodable for each value, which was a
        // tenth of a search's Swift time (24 columns of 70 candidate rows).
        switch values[i] {
        case .text(let s) where D.self == String.self: return unsafeBitCast(s, to: D.self)
        case .integer(let n) where D.self == Int.self: return unsafeBitCast(n, to: D.self)
        case .integer(let n) where D.self == Int64.self: return unsafeBitCast(Int64(n), to: D.self)
        case .float(let x) where D.self == Double.self: return unsafeBitCast(x, to: D.self)
        case .integer(let n) where D.self == Double.self: return unsafeBitCast(Double(n), to: D.self)
        default: return try Self.decoder.decode(D.self, from: values[i])
        }
    }
}

/// A coding key naming a result column, for decoding errors.
private struct SQLCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
