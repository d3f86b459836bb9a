import Hummingbird
import LoreCore
import LoreStore

extension RecordPagesController {
    func formBuilder(_ p: Principal, _ context: SignedInContext) -> FormBuilder {
        FormBuilder(
            repo: services.records, users: services.users, principal: p, t: context.localizer,
            timeZoneOffset: context.timeZoneOffset)
    }

    func newForm(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.create, schema)
        // Query parameters prefill the form, e.g. /contacts/new?account_id=5 from an account's page.
        var values: [String: String] = [:]
        for (k, v) in request.query where schema.field(String(k)) != nil { values[String(k)] = String(v) }
        for f in schema.fields where values[f.name] == nil {
            if case .choice(let options) = f.kind, f.required { values[f.name] = options.first }
            if case .boolean = f.kind { values[f.name] = "true" }
            if case .dateTime = f.kind, f.required {
                values[f.name] = TimeDisplay.inputValue(Timestamp.now(), offset: context.timeZoneOffset)
            }
        }
        return try await renderForm(
            schema, p, context, values: values, errors: [:], action: "/\(schema.path)", recordID: nil)
    }

    func editForm(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.update, schema)
        let id = try context.parameters.require("id", as: RecordID.self)
        let record = try await services.records.get(schema, id: id, as: p)
        let values = formBuilder(p, context).values(of: record, schema: schema)
        return try await renderForm(
            schema, p, context, values: values, errors: [:], action: "/\(schema.path)/\(id)", recordID: id,
            title: record.title(in: schema))
    }

    func create(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.create, schema)
        let form = try await FormData.parse(request, context: context)
        let input = formInput(form, schema: schema, context: context)
        do {
            let values = try RecordValidator(schema: schema, fromForm: true).validate(input, mode: .create)
            let record = try await services.records.create(schema, values: values, as: p)
            if let back = form["_return"], back.hasPrefix("/"), !back.hasPrefix("//") {
                return PageRenderer.redirect(back)
            }
            return PageRenderer.redirect("/\(schema.path)/\(record.id)?flash=saved")
        } catch {
            return try await formFailure(
                error, schema, p, context, form: form, action: "/\(schema.path)", recordID: nil)
        }
    }

    func update(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.update, schema)
        let id = try context.parameters.require("id", as: RecordID.self)
        let form = try await FormData.parse(request, context: context)
        let input = formInput(form, schema: schema, context: context)
        do {
            let changes = try RecordValidator(schema: schema, fromForm: true).validate(input, mode: .update)
            _ = try await services.records.update(schema, id: id, changes: changes, as: p)
            return PageRenderer.redirect("/\(schema.path)/\(id)?flash=saved")
        } catch {
            return try await formFailure(
                error, schema, p, context, form: form, action: "/\(schema.path)/\(id)", recordID: id)
        }
    }

    /// Form strings as validator input: local times get the browser's offset; "Name (#12)" from the search box becomes 12.
    func formInput(_ form: FormData, schema: EntitySchema, context: SignedInContext) -> [String: JSONValue] {
        var input = form.input(for: schema)
        for (key, value) in input {
            guard case .string(let s) = value else { continue }
            let kind = schema.field(key)?.kind ?? .reference("users")
            switch kind {
            case .dateTime: input[key] = .string(TimeDisplay.withOffset(s, offset: context.timeZoneOffset))
            case .reference: input[key] = .string(FormErrors.referenceID(s))
            default: break
            }
        }
        return input
    }

    /// Shows the form again with every problem next to its field, keeping what the user typed.
    func formFailure(
        _ error: any Error, _ schema: EntitySchema, _ p: Principal, _ context: SignedInContext, form: FormData,
        action: String, recordID: Int64?
    ) async throws -> Response {
        let t = context.localizer
        var errors: [String: String]
        let status: HTTPResponse.Status
        if let messages = FormErrors.messages(error, t: t) {
            (errors, status) = (messages, .unprocessableContent)
        } else if case StoreError.duplicate(let field, _) = error {
            (errors, status) = ([field: t("err_duplicate")], .conflict)
        } else if case StoreError.conflict(let field, _) = error {
            (errors, status) = ([field ?? schema.titleField: t("msg_conflict")], .conflict)
        } else {
            throw error
        }
        var values: [String: String] = [:]
        for (k, v) in form.values where k != "_csrf" {
            values[k] =
                (schema.field(k).map { !$0.isColumn } ?? false)
                ? v.filter { !$0.isEmpty }.joined(separator: ",") : (v.last ?? "")
        }
        return try await renderForm(
            schema, p, context, values: values, errors: errors, action: action, recordID: recordID, status: status)
    }

    func renderForm(
        _ schema: EntitySchema, _ p: Principal, _ context: SignedInContext, values: [String: String],
        errors: [String: String], action: String,
        recordID: Int64?, title: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let t = context.localizer
        let fields = try await formBuilder(p, context).fields(schema, values: values, errors: errors)
        let heading =
            recordID == nil
            ? "\(t("action_new")) · \(t.entityLabel(schema.name, plural: false))"
            : "\(t("action_edit")) · \(title ?? "")"
        return try services.pages.render(
            "form", title: heading,
            data: [
                "heading": heading, "action": action, "fields": fields, "entity_plural": t.entityLabel(schema.name),
                "path": schema.path,
                "cancel_href": recordID.map { "/\(schema.path)/\($0)" } ?? "/\(schema.path)",
                "has_errors": !errors.isEmpty,
            ], context: context, status: status, flash: errors.isEmpty ? nil : t("msg_fix_errors"), flashIsError: true)
    }
}
