import Hummingbird
import LoreCore
import LoreStore

/// Personal settings: language, password and API tokens.
struct SettingsPage {
    let services: AppServices

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/settings") { _, context in try await page(context, flash: nil) }
        router.post("/settings/language", use: changeLanguage)
        router.post("/settings/password") { request, context in try await changePassword(request, context) }
        router.post("/settings/tokens", use: createToken)
        router.post("/settings/tokens/:id/revoke", use: revokeToken)
    }

    @Sendable func changeLanguage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        guard let lang = form["locale"].flatMap(Language.init(rawValue:)) else {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        _ = try await services.users.update(id: p.userID, locale: .some(lang.rawValue), by: p.userID)
        var ctx = context
        ctx.language = lang
        return try await page(ctx, flash: ctx.localizer("msg_language_saved"))
    }

    @Sendable func createToken(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else {
            return try await page(
                context, flash: context.localizer("err_required"), isError: true, status: .unprocessableContent)
        }
        let (_, secret) = try await services.tokens.create(userID: p.userID, name: name)
        return try await page(context, flash: context.localizer("msg_token_created"), newToken: secret)
    }

    @Sendable func revokeToken(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        _ = try await FormData.parse(request, context: context)
        try await services.tokens.revoke(id: try context.parameters.require("id", as: RecordID.self), as: p)
        return try await page(context, flash: context.localizer("msg_token_revoked"))
    }

    func changePassword(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let t = context.localizer
        guard let (_, hash) = try await services.users.credentials(email: p.email),
            try await services.passwords.verify(form["current"] ?? "", hash: hash)
        else {
            return try await page(context, flash: t("msg_login_failed"), isError: true, status: .unprocessableContent)
        }
        let newPassword = form["new"] ?? ""
        if let error = UserInput.validatePassword(newPassword) {
            return try await page(context, flash: t("err_\(error.code)"), isError: true, status: .unprocessableContent)
        }
        _ = try await services.users.update(
            id: p.userID, passwordHash: try await services.passwords.hash(newPassword), by: p.userID)
        return try await page(context, flash: t("msg_saved"))
    }

    func page(
        _ context: SignedInContext, flash: String?, isError: Bool = false, newToken: String? = nil,
        status: HTTPResponse.Status = .ok
    )
        async throws -> Response
    {
        let p = context.principal
        let t = context.localizer
        let tokens = try await services.tokens.list(userID: p.userID)
        var data: [String: Any] = [
            "languages": Language.allCases.map {
                ["code": $0.rawValue, "label": t("lang_\($0.rawValue)"), "current": $0 == context.language]
            },
            "tokens": tokens.map { k in
                [
                    "id": k.id, "name": k.name, "prefix": k.prefix,
                    "created": TimeDisplay.short(k.createdAt, offset: context.timeZoneOffset),
                    "last_used": k.lastUsedAt.map { TimeDisplay.short($0, offset: context.timeZoneOffset) }
                        ?? t("settings_never"),
                    "revoked": k.revokedAt != nil,
                ] as [String: Any]
            },
            "min_password": UserInput.minimumPasswordLength,
        ]
        if let newToken { data["new_token"] = newToken }
        return try services.pages.render(
            "settings", title: t("settings_title"), data: data, context: context, status: status, flash: flash,
            flashIsError: isError)
    }
}
