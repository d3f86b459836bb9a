import HTTPTypes
import Hummingbird
import LoreCore
import LoreStore

/// Identifies the caller from a bearer token or the session cookie, and picks the page language.
/// It never rejects: routes decide whether they need a principal.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: SessionRepository
    let tokens: ApiTokenRepository
    let cache: AuthCache

    static let sessionCookie = "lore_session"
    static let languageCookie = "lore_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        do {
            try await identify(request, &context)
        } catch  where DatabaseAvailability.isUnavailable(error) {
            // This runs outside ErrorMiddleware (which needs the language chosen here): a lookup that failed because
            // the database is away answers 503 with Retry-After itself, instead of Hummingbird's bare 500.
            context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
            throw Problem.unavailable
        }
        context.language = Language.negotiate(
            setting: context.principal?.locale ?? request.cookies[Self.languageCookie]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        if let tz = request.cookies["lore_tz"].flatMap({ Int($0.value) }), TimeDisplay.offsetRange.contains(tz) {
            context.timeZoneOffset = tz
        }
        if let principal = context.principal {
            context.logger[metadataKey: "user"] = "\(principal.userID)"
        }
        return try await next(request, context)
    }

    /// Who is calling: a bearer token (refused with 401 if it is not valid) or a session cookie.
    func identify(_ request: Request, _ context: inout Context) async throws {
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "),
                let principal = try await principal(token: Self.bearerToken(header))
            else { throw Problem.unauthorized("The API token is invalid, revoked, or belongs to a deactivated user.") }
            context.principal = principal
            context.auth = .token
        } else if let cookie = request.cookies[Self.sessionCookie]?.value,
            let session = try await session(cookie: cookie)
        {
            context.principal = session.principal
            context.auth = .session(session)
        }
    }

    /// The token after "Bearer ", without surrounding spaces (Foundation's trimming was a visible cost per request).
    static func bearerToken(_ header: String) -> String {
        var token = header.utf8.dropFirst(7)
        while token.first == UInt8(ascii: " ") { token = token.dropFirst() }
        while token.last == UInt8(ascii: " ") { token = token.dropLast() }
        return String(decoding: token, as: UTF8.self)
    }

    func principal(token: String) async throws -> Principal? {
        if case .token(let p)? = cache.get("t:" + token) { return p }
        guard let p = try await tokens.principal(token: token) else { return nil }
        cache.put("t:" + token, .token(p))
        return p
    }

    func session(cookie: String) async throws -> SessionInfo? {
        if case .session(let s)? = cache.get("s:" + cookie) { return s }
        guard let s = try await sessions.lookup(token: cookie) else { return nil }
        cache.put("s:" + cookie, .session(s))
        return s
    }
}

/// Refuses state-changing API calls made with a session cookie but without the session's CSRF token
/// in `X-CSRF-Token`. Bearer-token calls are not exposed to CSRF and pass.
struct APICSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if case .session(let session) = context.auth, ![.get, .head, .options].contains(request.method) {
            guard let sent = request.headers[.csrfToken], Secrets.constantTimeEqual(sent, session.csrfToken) else {
                throw Problem.forbidden("Missing or wrong X-CSRF-Token header for a cookie-authenticated request.")
            }
        }
        return try await next(request, context)
    }
}

// Justified force unwraps: constant, valid header names, read once at start-up (a typo would fail every test).
extension HTTPField.Name {
    // swift-format-ignore: NeverForceUnwrap
    static let csrfToken = Self("X-CSRF-Token")!
    // swift-format-ignore: NeverForceUnwrap
    static let requestID = Self("X-Request-Id")!
    // swift-format-ignore: NeverForceUnwrap
    static let xFrameOptions = Self("X-Frame-Options")!
    // swift-format-ignore: NeverForceUnwrap
    static let referrerPolicy = Self("Referrer-Policy")!
}
