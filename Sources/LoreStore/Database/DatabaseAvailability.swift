import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

/// Errors that mean "the database cannot be reached right now", not "this request is wrong" or "Lore has a bug": the
/// server answers them 503 with Retry-After, so clients and load balancers retry, and logs them as an outage.
public enum DatabaseAvailability {
    /// SQLSTATE classes PostgreSQL reports while it shuts down, restarts or recovers, or runs out of connections:
    /// 08 connection exception, 53 insufficient resources (53300 too many connections), 57 operator intervention
    /// (57P01 admin shutdown, 57P03 cannot connect now, 57014 a statement cancelled because its call overran).
    static let unavailableClasses: Set<Substring> = ["08", "53", "57"]

    public static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case let e as PSQLError:
            switch e.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
                .queryCancelled:
                return true
            case .server:
                return e.serverInfo?[.sqlState].map { unavailableClasses.contains($0.prefix(2)) } ?? false
            default:
                // A connection torn down mid-message surfaces as a decoding failure wrapping the channel's error.
                return e.underlying.map(isUnavailable) ?? false
            }
        case let e as PostgresTransactionError:
            // A transaction that could not begin, commit or roll back because the connection went away.
            return [e.beginError, e.commitError, e.rollbackError, e.closureError].contains {
                $0.map(isUnavailable) ?? false
            }
        case let e as SQLiteError:
            // busy_timeout (10 s) ran out waiting on a lock: the writer is stuck elsewhere, retry later.
            return e.reason == .busy || e.reason == .locked
        case is DatabaseTimeout, is ChannelError, is IOError, is NIOConnectionError:
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
