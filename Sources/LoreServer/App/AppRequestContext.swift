import Hummingbird
import LoreCore
import LoreStore
import NIOCore

/// How the current request proved who it is.
enum AuthMethod: Sendable {
    case none
    case session(SessionInfo)
    case token
}

/// The per-request context: who is asking, how, and in which language.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var principal: Principal?
    var auth: AuthMethod = .none
    var language: Language = .en
    /// Minutes east of UTC for showing times, from the page script's `lore_tz` cookie.
    var timeZoneOffset: Int = 0
    /// The client's address, for throttling and the audit log: the peer, or behind a trusted proxy the address it
    /// forwarded (see ``ClientAddressMiddleware``).
    var remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// API bodies are small JSON documents; anything larger is refused with 413.
    var maxUploadSize: Int { 1024 * 1024 }

    /// The principal, or a 401 problem when the request is anonymous.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthorized() }
        return principal
    }
}
