import Foundation
import LoreCore
import LoreStore

/// Remembers who a bearer token or session cookie belongs to for a moment, so a burst of API calls does not
/// look the same token up in the database on every request.
///
/// Any change that could revoke access made through this process (deactivation, token revocation, sign-out,
/// a role or team change) clears the cache at once. Another instance sharing the database notices within `ttl`.
final class AuthCache: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    enum Entry: Sendable {
        case token(Principal)
        case session(SessionInfo)
    }

    private let lock = NSLock()
    private var entries: [String: (Entry, UInt64)] = [:]
    private let ttlNanoseconds: UInt64
    private let capacity = 10_000

    /// `ttlMilliseconds` of 0 turns caching off.
    init(ttlMilliseconds: Int) {
        ttlNanoseconds = UInt64(max(0, ttlMilliseconds)) * 1_000_000
    }

    func get(_ key: String) -> Entry? {
        guard ttlNanoseconds > 0 else { return nil }
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            guard let (entry, expires) = entries[key] else { return nil }
            if expires < now {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func put(_ key: String, _ entry: Entry) {
        guard ttlNanoseconds > 0 else { return }
        let expires = DispatchTime.now().uptimeNanoseconds + ttlNanoseconds
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (entry, expires)
        }
    }

    /// Forgets everything; called after any change to who may do what.
    func clear() {
        lock.withLock { entries.removeAll(keepingCapacity: true) }
    }
}
