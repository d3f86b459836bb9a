import LoreCore
import SQLKit

/// Slows password guessing: too many failures for one account or from one address in a window blocks further tries.
/// Kept in the database so every instance sees the same counts.
public struct LoginThrottle: Sendable {
    public let database: any LoreDatabase
    public var window: Int64 = 15 * 60_000
    public var maxPerAccount = 5
    public var maxPerAddress = 30

    public init(database: any LoreDatabase) { self.database = database }

    public func isBlocked(email: String, ip: String?) async throws -> Bool {
        let since = Timestamp.format(epochMilliseconds: Timestamp.nowMilliseconds() - window)
        return try await database.read { db in
            func count(_ key: String) async throws -> Int {
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_attempts")
                    .where("key", .equal, SQLBind(key)).where("at", .greaterThan, SQLBind(since)).first().orMissing(
                        "a count"
                    )
                    .decode(column: "n", as: Int.self)
            }
            if try await count("email:" + email.lowercased()) >= maxPerAccount { return true }
            if let ip, try await count("ip:" + ip) >= maxPerAddress { return true }
            return false
        }
    }

    public func recordFailure(email: String, ip: String?) async throws {
        let now = Timestamp.now()
        try await database.write { db in
            for key in ["email:" + email.lowercased()] + (ip.map { ["ip:" + $0] } ?? []) {
                try await db.insert(into: "login_attempts").columns("key", "at").values(
                    SQLBind(String(key.prefix(300))), SQLBind(now)
                ).run()
            }
            let old = Timestamp.format(
                epochMilliseconds: (Timestamp.parse(now) ?? Timestamp.nowMilliseconds()) - 24 * 3_600_000)
            try await db.delete(from: "login_attempts").where("at", .lessThan, SQLBind(old)).run()
        }
    }

    public func clear(email: String) async throws {
        try await database.write { db in
            try await db.delete(from: "login_attempts").where("key", .equal, SQLBind("email:" + email.lowercased()))
                .run()
        }
    }
}
