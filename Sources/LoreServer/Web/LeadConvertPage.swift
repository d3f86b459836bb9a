import Hummingbird
import LoreCore
import LoreStore

/// Converting a lead from its page: pick or create the account, optionally create the opportunity.
struct LeadConvertPage {
    let services: AppServices

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/leads/:id/convert") { _, context in try await page(context, values: [:], errors: [:], status: .ok)
        }
        router.post("/leads/:id/convert") { request, context in try await convert(request, context) }
    }

    func authorize(_ context: SignedInContext) throws -> Principal {
        let p = try context.authorize(.update, Catalog["leads"])
        guard Permissions.allows(p.role, .create, on: Catalog["opportunities"]) else {
            throw WebError(status: .forbidden, messageKey: "msg_forbidden")
        }
        return p
    }

    func page(
        _ context: SignedInContext, values: [String: String], errors: [String: String], status: HTTPResponse.Status
    ) async throws -> Response {
        let p = try authorize(context)
        let t = context.localizer
        let id = try context.parameters.require("id", as: RecordID.self)
        let lead = try await services.records.get(Catalog["leads"], id: id, as: p)
        let builder = FormBuilder(
            repo: services.records, users: services.users, principal: p, t: t, timeZoneOffset: context.timeZoneOffset)
        let opp = Catalog["opportunities"]
        var account = try await builder.field(
            FieldSchema("account_id", .reference("accounts")), value: values["account_id"] ?? "",
            error: errors["account_id"])
        account["hint"] = t.format(
            "convert_account_hint", ["name": lead["company"].string ?? lead["name"].string ?? ""])
        let fields: [[String: Any]] = [
            account,
            try await builder.field(
                FieldSchema("opportunity_name", .text(maxLength: 200)),
                value: values["opportunity_name"] ?? "\(lead["company"].string ?? lead["name"].string ?? "")",
                error: errors["opportunity_name"]),
            try await builder.field(
                opp.knownField("stage_id"), value: values["stage_id"] ?? "", error: errors["stage_id"]),
            try await builder.field(
                opp.knownField("amount"),
                value: values["amount"] ?? lead["estimated_value"].int.map { String(format: "%.2f", Money.amount($0)) }
                    ?? "",
                error: errors["amount"]),
            try await builder.field(
                opp.knownField("expected_close_date"), value: values["expected_close_date"] ?? "",
                error: errors["expected_close_date"]),
        ].map { f in
            var f = f
            if f["name"] as? String == "opportunity_name" { f["label"] = t("convert_opportunity_name") }
            if f["name"] as? String == "account_id" { f["required"] = false }
            return f
        }
        return try services.pages.render(
            "convert", title: t("convert_title"),
            data: [
                "lead_title": lead.title(in: Catalog["leads"]), "lead_href": "/leads/\(id)",
                "action": "/leads/\(id)/convert", "fields": fields,
                "create_opportunity": values["create_opportunity"].map { $0 == "on" } ?? true,
            ],
            context: context, status: status, flash: errors.isEmpty ? nil : t("msg_fix_errors"), flashIsError: true)
    }

    func convert(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try authorize(context)
        let form = try await FormData.parse(request, context: context)
        var input: [String: JSONValue] = [:]
        for key in LeadConversionParser.fields { if let v = form[key] { input[key] = .string(v) } }
        if let account = form["account_id"] { input["account_id"] = .string(FormErrors.referenceID(account)) }
        if input["create_opportunity"] == nil { input["create_opportunity"] = .string("off") }
        do {
            let request = try LeadConversionParser.parse(input, fromForm: true)
            let result = try await services.leads.convert(
                leadID: try context.parameters.require("id", as: RecordID.self), request: request, as: p)
            let target = result.opportunity.map { "/opportunities/\($0.id)" } ?? "/accounts/\(result.account.id)"
            return PageRenderer.redirect(target + "?flash=converted")
        } catch {
            guard var errors = FormErrors.messages(error, t: context.localizer) else { throw error }
            // The opportunity's name is typed into this page's "opportunity_name" field.
            if let name = errors.removeValue(forKey: "name") { errors["opportunity_name"] = name }
            var values: [String: String] = [:]
            for (k, v) in form.values { values[k] = v.last }
            return try await page(context, values: values, errors: errors, status: .unprocessableContent)
        }
    }
}
