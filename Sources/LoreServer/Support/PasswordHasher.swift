import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing, run off the event loops because it is deliberately slow.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost; tests lower it to keep runs fast.
    public var cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash to check against when the e-mail is unknown, so that timing does not reveal which e-mails exist.
    static let decoy = Bcrypt.hash("lore-decoy-password", cost: 10)
}
