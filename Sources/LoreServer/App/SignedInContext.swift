import Hummingbird
import LoreCore
import NIOCore

/// What every handler may read of a request's context, signed in or not.
protocol LoreRequestContext: RequestContext {
    var auth: AuthMethod { get }
    var language: Language { get }
    /// Minutes east of UTC for showing times.
    var timeZoneOffset: Int { get }
    var remoteAddress: String? { get }
    /// The principal if the request is signed in.
    var signedIn: Principal? { get }
}

extension LoreRequestContext {
    var csrfToken: String? {
        if case .session(let s) = auth { return s.csrfToken }
        return nil
    }

    var localizer: Localizer { Localizer(language) }
}

extension AppRequestContext: LoreRequestContext {
    var signedIn: Principal? { principal }
}

/// The context of a request from a signed-in user (hummingbird-examples' child context with a non-optional user):
/// handlers of signed-in routes receive this, so the principal is there by type rather than checked in each one.
/// Made from the request's ``AppRequestContext`` once its route's gate has passed; an anonymous request gets 401.
struct SignedInContext: ChildRequestContext, LoreRequestContext {
    typealias ParentContext = AppRequestContext
    var coreContext: CoreRequestContextStorage
    let principal: Principal
    let auth: AuthMethod
    /// Variable: a page that changes the user's language renders in the new one at once.
    var language: Language
    let timeZoneOffset: Int
    let remoteAddress: String?

    init(context: AppRequestContext) throws {
        guard let principal = context.principal else { throw Problem.unauthorized() }
        self.coreContext = context.coreContext
        self.principal = principal
        self.auth = context.auth
        self.language = context.language
        self.timeZoneOffset = context.timeZoneOffset
        self.remoteAddress = context.remoteAddress
    }

    var signedIn: Principal? { principal }
    /// As ``AppRequestContext``: API bodies are small JSON documents.
    var maxUploadSize: Int { 1024 * 1024 }
}
