import Hummingbird
import LoreCore
import LoreStore

/// Opening a case from the browser.
extension CasePages {
    func newForm(_ context: SignedInContext, values: [String: String], flash: String?, errors: [FieldError] = [])
        async throws -> Response
    {
        let t = context.localizer
        let directory = try await cases.directory()
        func options<T: RawRepresentable & CaseIterable>(
            _ type: T.Type, _ key: String, _ prefix: String, _ fallback: String
        ) -> [[String: Any]]
        where T.RawValue == String {
            T.allCases.map {
                [
                    "code": $0.rawValue, "label": t("\(prefix)_\($0.rawValue)"),
                    "selected": (values[key] ?? fallback) == $0.rawValue,
                ]
            }
        }
        var pickers: [[String: Any]] = []
        for (key, entity, label) in [
            ("account_id", "accounts", "svc_field_account"), ("contact_id", "contacts", "svc_field_contact"),
            ("product_id", "products", "svc_field_product"),
        ] {
            pickers.append([
                "name": key, "label": t(label), "path": Catalog[entity].path,
                "value": try await pickerValue(values[key], entity: entity, as: context.principal),
            ])
        }
        let data: [String: Any] = [
            "subject": values["subject"] ?? "", "description": values["description"] ?? "", "pickers": pickers,
            "channels": options(CaseChannel.self, "channel", "svc_channel", "phone"),
            "priorities": options(CasePriority.self, "priority", "svc_priority", "normal"),
            "departments": directory.departments.map {
                ["id": $0.id, "name": $0.name, "selected": values["department_id"] == String($0.id)]
            },
            "has_errors": !errors.isEmpty,
            "errors": errors.map {
                ["field": t("svc_field_\($0.field.replacingOccurrences(of: "_id", with: ""))"), "message": $0.message]
            },
        ]
        return try services.pages.render(
            "case_new", title: t("svc_new_case"), data: data, context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent, flash: flash,
            flashIsError: flash != nil)
    }

    func create(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        var values: [String: String] = [:]
        for k in [
            "subject", "description", "account_id", "contact_id", "product_id", "channel", "priority", "department_id",
        ] {
            values[k] = form[k]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        var errors: [FieldError] = []
        func id(_ key: String) -> Int64? {
            // The search box sends "Name (#12)"; a bare id works too, without script.
            guard let s = values[key].map(FormErrors.referenceID), !s.isEmpty else { return nil }
            guard let v = Int64(s), v > 0 else {
                errors.append(FieldError(field: key, code: "invalid", message: context.localizer("msg_error")))
                return nil
            }
            return v
        }
        let input = CaseInput(
            subject: values["subject", default: ""], description: values["description", default: ""],
            accountID: id("account_id"),
            contactID: id("contact_id"), productID: id("product_id"),
            channel: CaseChannel(rawValue: values["channel", default: ""]) ?? .phone,
            priority: CasePriority(rawValue: values["priority", default: ""]) ?? .normal,
            departmentID: id("department_id"))
        if !errors.isEmpty { return try await newForm(context, values: values, flash: nil, errors: errors) }
        do {
            let c = try await cases.create(input, as: p)
            return PageRenderer.redirect("/cases/\(c.id)")
        } catch StoreError.invalid(let v) {
            return try await newForm(context, values: values, flash: nil, errors: v.errors)
        } catch AccessRefusal.forbidden(let m) {
            return try await newForm(context, values: values, flash: m)
        }
    }

    /// What a reference search box shows: "Name (#12)" for a record the user may see, or what they typed.
    func pickerValue(_ typed: String?, entity: String, as p: Principal) async throws -> String {
        guard let typed, !typed.isEmpty else { return "" }
        guard let id = Int64(FormErrors.referenceID(typed)), id > 0,
            let title = try await services.records.titles(entity: entity, ids: [id], as: p)[id]
        else { return typed }
        return "\(title) (#\(id))"
    }
}
