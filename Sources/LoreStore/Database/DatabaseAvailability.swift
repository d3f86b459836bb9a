import PostgresNIO
import SQLiteNIO

/// Errors that mean "the database cannot be reached right now", not "this request is wrong" or "Lore has a bug": the
/// server answers them 503 with Retry-After, so clients and load balancers retry, and logs them as an outage.
public enum DatabaseAvailability {
    /// Server states PostgreSQL reports while it shuts down, restarts or recovers (class 57, operator intervention;
    /// 08, connection exceptions).
    static let unavailableStates: Set<String> = [
        "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006",
    ]

    public static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case let e as PSQLError:
            switch e.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            case .server: return e.serverInfo?[.sqlState].map(unavailableStates.contains) ?? false
            default: return false
            }
        case let e as PostgresTransactionError:
            // A transaction that could not begin, commit or roll back because the connection went away.
            return [e.beginError, e.commitError, e.rollbackError, e.closureError].contains {
                $0.map(isUnavailable) ?? false
            }
        case let e as SQLiteError:
            // busy_timeout (10 s) ran out waiting on a lock: the writer is stuck elsewhere, retry later.
            return e.reason == .busy || e.reason == .locked
        case is DatabaseTimeout:
            return true
        default:
            return false
        }
    }
}

extension DatabaseAvailability {
    /// Whether the database may have kept the change although the request failed: the connection went away while
    /// the transaction committed, or the call overran its limit. (Any other failure rolled the transaction back.)
    public static func mayHaveSaved(_ error: any Error) -> Bool {
        switch error {
        case let e as PostgresTransactionError: return e.commitError != nil
        case is DatabaseTimeout: return true
        default: return false
        }
    }
}

/// A database call that waited longer than Lore lets a request wait for a connection.
public struct DatabaseTimeout: Error, CustomStringConvertible, Sendable {
    public var seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public var description: String { "no database connection within \(seconds) s" }
}
