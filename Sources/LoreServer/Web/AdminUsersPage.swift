import Hummingbird
import LoreCore
import LoreStore

/// User administration: the list of users, adding one, changing role or team, deactivating.
struct AdminUsersPage {
    let services: AppServices

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/admin/users") { _, context in
            try await page(context, values: [:], errors: [:], flash: nil, status: .ok)
        }
        router.post("/admin/users") { request, context in try await create(request, context) }
        router.post("/admin/users/:id") { request, context in try await update(request, context) }
        router.post("/admin/users/:id/deactivate") { request, context in try await deactivate(request, context) }
    }

    func admin(_ context: SignedInContext) throws -> Principal {
        let p = context.principal
        guard p.role == .admin else { throw WebError(status: .forbidden, messageKey: "msg_forbidden") }
        return p
    }

    func teams(_ p: Principal) async throws -> [Int64: String] {
        var q = ListQuery()
        q.limit = ListQuery.maximumLimit
        return Dictionary(
            uniqueKeysWithValues: try await services.records.list(Catalog["teams"], query: q, as: p).records.map {
                ($0.id, $0["name"].string ?? "")
            })
    }

    func page(
        _ context: SignedInContext, values: [String: String], errors: [String: String], flash: String?,
        status: HTTPResponse.Status
    )
        async throws -> Response
    {
        let p = try admin(context)
        let t = context.localizer
        let teams = try await teams(p)
        let users = try await services.users.list()
        func roleOptions(_ selected: String) -> [[String: Any]] {
            Role.allCases.map {
                ["value": $0.rawValue, "label": t("role_\($0.rawValue)"), "selected": $0.rawValue == selected]
            }
        }
        func teamOptions(_ selected: Int64?) -> [[String: Any]] {
            [["value": "", "label": "—", "selected": selected == nil]]
                + teams.sorted { $0.value < $1.value }.map {
                    ["value": String($0.key), "label": $0.value, "selected": $0.key == selected]
                }
        }
        let rows: [[String: Any]] = users.map { u in
            [
                "id": u.id, "name": u.name, "email": u.email, "role": t("role_\(u.role.rawValue)"),
                "team": u.teamID.flatMap { teams[$0] } ?? "—",
                "active": u.active,
                "last_login": u.lastLoginAt.map { TimeDisplay.short($0, offset: context.timeZoneOffset) }
                    ?? t("settings_never"),
                "is_me": u.id == p.userID, "roles": roleOptions(u.role.rawValue), "teams": teamOptions(u.teamID),
            ]
        }
        return try services.pages.render(
            "users", title: t("admin_users"),
            data: [
                "users": rows, "roles": roleOptions(values["role"] ?? Role.salesRep.rawValue),
                "teams": teamOptions(values["team_id"].flatMap { Int64($0) }),
                "email": values["email"] ?? "", "name": values["name"] ?? "", "errors": errors,
                "has_errors": !errors.isEmpty,
                "min_password": UserInput.minimumPasswordLength,
            ], context: context, status: status, flash: flash ?? (errors.isEmpty ? nil : t("msg_fix_errors")),
            flashIsError: !errors.isEmpty)
    }

    func create(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try admin(context)
        let form = try await FormData.parse(request, context: context)
        let t = context.localizer
        do {
            let v = try UserInputBody.fromForm(form).newUser()
            let hash = try await services.passwords.hash(v.password)
            _ = try await services.users.create(
                email: v.email, name: v.name, role: v.role, teamID: v.teamID, passwordHash: hash, by: p.userID)
            return try await page(context, values: [:], errors: [:], flash: t("msg_user_created"), status: .ok)
        } catch {
            var errors: [String: String]
            if let messages = FormErrors.messages(error, t: t) {
                errors = messages
            } else if case StoreError.duplicate(let field, _) = error {
                errors = [field: t("err_duplicate")]
            } else {
                throw error
            }
            var values: [String: String] = [:]
            for (k, v) in form.values where k != "password" { values[k] = v.last }
            return try await page(context, values: values, errors: errors, flash: nil, status: .unprocessableContent)
        }
    }

    func update(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try admin(context)
        let form = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        let team: Int64?? = form["team_id"].map { $0.isEmpty ? .some(nil) : Int64($0).map { .some($0) } ?? nil } ?? nil
        if id == p.userID && role != .admin { throw WebError(status: .conflict, messageKey: "msg_conflict") }
        _ = try await services.users.update(id: id, role: role, teamID: team, by: p.userID)
        return PageRenderer.redirect("/admin/users")
    }

    func deactivate(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try admin(context)
        _ = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        guard id != p.userID else { throw WebError(status: .conflict, messageKey: "msg_conflict") }
        try await services.users.deactivate(id: id, by: p.userID)
        return try await page(
            context, values: [:], errors: [:], flash: context.localizer("msg_user_deactivated"), status: .ok)
    }
}
