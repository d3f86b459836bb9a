import Foundation

/// Settings for one Lore server process.
public struct AppConfig: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Mark cookies Secure (set when Lore is served over HTTPS).
    public var secureCookies: Bool = false
    public var bcryptCost: UInt8 = 12
    /// How long (ms) a token's or session's principal is reused without asking the database; 0 turns it off.
    /// Changes made through this process clear it at once; other instances see them within this time.
    public var authCacheMilliseconds: Int = 1000
    /// Event-loop threads for HTTP; 0 means one per core.
    public var threads: Int = 0
    /// Include the one-line "hello" route used as the benchmark baseline.
    public var benchmarkRoutes: Bool = false
    /// The address customers reach this server at, for links sent to them (satisfaction surveys), e.g.
    /// `https://support.example.com`. Empty: links are relative.
    public var publicURL: String = ""
    /// Train the routing model from the stored cases and load the search's facet columns as the server starts, so
    /// the first new case and the first search do not wait for them.
    public var warmCaches: Bool = false
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the real client (for throttling and the audit log).
    public var trustedProxies: Set<String> = []

    public init() {}
}
