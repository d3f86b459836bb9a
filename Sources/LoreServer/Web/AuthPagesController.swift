import Foundation
import Hummingbird
import LoreCore
import LoreStore

/// Sign-in, sign-out and the anonymous language choice.
struct AuthPagesController {
    let services: AppServices
    static let loginCSRFCookie = "lore_login_csrf"

    func register(on router: RouterGroup<AppRequestContext>) {
        router.get("/login", use: loginForm)
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout", use: logout)
    }

    @Sendable func loginForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        if context.principal != nil { return PageRenderer.redirect("/") }
        return try await loginPage(request, context, email: "", error: nil, status: .ok)
    }

    @Sendable func logout(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormData.parse(request, context: context)
        if let cookie = request.cookies[AuthMiddleware.sessionCookie]?.value {
            try await services.sessions.delete(token: cookie)
        }
        var response = PageRenderer.redirect("/login")
        response.setCookie(sessionCookie(value: "", maxAge: 0))
        return response
    }

    func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: AuthMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/", secure: services.secureCookies,
            httpOnly: true,
            sameSite: .lax)
    }

    func loginPage(
        _ request: Request, _ context: AppRequestContext, email: String, error: String?, status: HTTPResponse.Status
    ) async throws
        -> Response
    {
        var context = context
        // ?lang= on the sign-in page chooses the language before there is a user to store it on.
        let chosen = request.query.get("lang").flatMap(Language.init(rawValue:))
        if let chosen { context.language = chosen }
        let token = Secrets.randomToken(bytes: 24)
        let next = request.query.get("next") ?? ""
        var response = try services.pages.render(
            "login", title: context.localizer("login_title"),
            data: [
                "login_csrf": token, "email": email, "next": Self.safeNext(next).map { $0 as Any } ?? false,
                "chosen_lang": chosen?.rawValue ?? "",
                "languages": Language.allCases.map {
                    [
                        "code": $0.rawValue, "label": context.localizer("lang_\($0.rawValue)"),
                        "current": $0 == context.language,
                    ]
                },
            ], context: context, status: status, flash: error, flashIsError: true)
        response.setCookie(
            Cookie(
                name: Self.loginCSRFCookie, value: token, maxAge: 3600, path: "/login", secure: services.secureCookies,
                httpOnly: true,
                sameSite: .strict))
        if let chosen {
            response.setCookie(
                Cookie(
                    name: AuthMiddleware.languageCookie, value: chosen.rawValue, maxAge: 365 * 86400, path: "/",
                    secure: services.secureCookies,
                    httpOnly: false, sameSite: .lax))
        }
        return response
    }

    /// Only same-site paths are followed after sign-in.
    static func safeNext(_ next: String) -> String? {
        // Browsers drop tabs and newlines in URLs, so "/\t/evil.example" would become "//evil.example": refuse them all.
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 500,
            !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F })
        else { return nil }
        return next
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormData.parse(
            request, context: context, expectedCSRF: request.cookies[Self.loginCSRFCookie]?.value ?? "missing")
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let t = context.localizer
        guard !email.isEmpty, email.count <= 254 else {
            return try await loginPage(
                request, context, email: email, error: t("msg_login_failed"), status: .unauthorized)
        }
        if try await services.throttle.isBlocked(email: email, ip: context.remoteAddress) {
            return try await loginPage(
                request, context, email: email, error: t("msg_throttled"), status: .tooManyRequests)
        }
        let found = try await services.users.credentials(email: email)
        let ok = try await services.passwords.verify(password, hash: found?.1 ?? PasswordHasher.decoy)
        guard let (user, _) = found, ok, user.active else {
            try await services.throttle.recordFailure(email: email, ip: context.remoteAddress)
            return try await loginPage(
                request, context, email: email, error: t("msg_login_failed"), status: .unauthorized)
        }
        try await services.throttle.clear(email: email)
        try await services.users.recordLogin(id: user.id)
        // A language picked on the sign-in page is an explicit choice: keep it as the user's setting.
        if let lang = form["lang"].flatMap(Language.init(rawValue:)), lang.rawValue != user.locale {
            _ = try await services.users.update(id: user.id, locale: .some(lang.rawValue), by: user.id)
        }
        let (token, _) = try await services.sessions.create(
            userID: user.id, ip: context.remoteAddress, userAgent: request.headers[.userAgent])
        var response = PageRenderer.redirect(Self.safeNext(form["next"] ?? "") ?? "/")
        response.setCookie(sessionCookie(value: token, maxAge: Int(SessionRepository.lifetimeMilliseconds / 1000)))
        return response
    }
}
