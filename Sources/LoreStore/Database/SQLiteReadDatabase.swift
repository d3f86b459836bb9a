import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// An `SQLDatabase` over Lore's read connections: either one connection whose statements run to completion on the
/// calling thread (point reads), or the reader pool, where each statement runs on a reader thread.
struct SQLiteReadDatabase: SQLDatabase {
    enum Place {
        case inline(SQLiteReadConnection)
        case pool(SQLiteReaderPool)
    }

    let place: Place
    let logger: Logger
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    static func inline(_ connection: SQLiteReadConnection, logger: Logger) -> Self {
        Self(place: .inline(connection), logger: logger)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let loop = eventLoop
        guard case .inline(let connection) = place else {
            return loop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
        }
        // Inline: the caller holds the connection only until this returns, so the statement runs now.
        do {
            let (sql, values) = try statement(query)
            try connection.run(sql: sql, binds: values) { onRow($0) }
            return loop.makeSucceededVoidFuture()
        } catch {
            return loop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, values) = try statement(query)
        switch place {
        case .inline(let connection): try connection.run(sql: sql, binds: values) { onRow($0) }
        case .pool(let pool):
            try await pool.run { connection in try connection.run(sql: sql, binds: values) { onRow($0) } }
        }
    }

    private func statement(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        let (sql, binds) = serialize(query)
        return (sql, try binds.map(Self.sqliteData))
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

/// One result row of a read connection's statement; column names are shared by all rows of the statement.
struct SQLiteReadRow: SQLRow {
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
                SQLCodingKey(stringValue: column),
                .init(codingPath: [], debugDescription: "No column \(column) in the row"))
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
