import Hummingbird
import LoreCore
import LoreStore

/// `/service/macros`: the canned replies a manager keeps (add, change, delete), with the placeholders explained.
extension ServicePages {
    func registerMacros(on router: RouterGroup<SignedInContext>) {
        router.get("/service/macros") { _, context in try await macros(context, flash: nil, values: [:]) }
        router.post("/service/macros") { request, context in try await saveMacro(request, context, id: nil) }
        router.post("/service/macros/:id") { request, context in
            try await saveMacro(request, context, id: try context.parameters.require("id", as: RecordID.self))
        }
        router.post("/service/macros/:id/delete") { request, context in
            _ = try await FormData.parse(request, context: context)
            try await cases.deleteMacro(
                id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
            return PageRenderer.redirect("/service/macros")
        }
    }

    struct MacroPageModel: Encodable {
        struct Item: Encodable {
            var id: Int64
            var title: String
            var body: String
            var department: String
            var departments: [OptionModel]
        }
        var items: [Item]
        var departments: [OptionModel]
        var canShare: Bool
        var placeholders: String
        /// What was typed into the new-macro form when it was refused.
        var title: String
        var body: String
    }

    func macros(_ context: SignedInContext, flash: String?, values: [String: String]) async throws -> Response {
        let (p, t) = (context.principal, context.localizer)
        guard CasePolicy.canConfigure(p) else { throw WebError(status: .forbidden, messageKey: "msg_forbidden") }
        let directory = try await cases.directory()
        let canShare = CasePolicy.seesAll(p)
        func options(_ selected: Int64?) -> [OptionModel] {
            (canShare ? [OptionModel(value: "", label: t("svc_macro_shared"), selected: selected == nil)] : [])
                + directory.departments.filter { canShare || $0.id == p.departmentID }.map {
                    OptionModel(value: String($0.id), label: $0.name, selected: $0.id == selected)
                }
        }
        let items = try await cases.macros(as: p).map { m in
            MacroPageModel.Item(
                id: m.id, title: m.title, body: m.body,
                department: directory.departmentName(m.departmentID) ?? t("svc_macro_shared"),
                departments: options(m.departmentID))
        }
        let page = MacroPageModel(
            items: items, departments: options(p.departmentID), canShare: canShare,
            placeholders: CaseMacro.placeholders.map { "{\($0)}" }.joined(separator: " "),
            title: values["title"] ?? "", body: values["body"] ?? "")
        return try services.pages.render(
            "service_macros", title: t("svc_macros"), model: page, context: context,
            status: flash == nil ? .ok : .unprocessableContent, flash: flash, flashIsError: flash != nil)
    }

    func saveMacro(_ request: Request, _ context: SignedInContext, id: Int64?) async throws -> Response {
        let form = try await FormData.parse(request, context: context)
        let (title, body) = (form["title"] ?? "", form["body"] ?? "")
        let department = form["department_id"].flatMap { Int64($0) }
        do {
            if let id {
                _ = try await cases.updateMacro(
                    id: id, title: title, body: body, departmentID: department, as: context.principal)
            } else {
                _ = try await cases.createMacro(
                    title: title, body: body, departmentID: department, as: context.principal)
            }
        } catch StoreError.invalid(let failure) {
            let t = context.localizer
            let flash = failure.errors.map {
                "\(t($0.field == "department_id" ? "svc_field_department" : "svc_macro_\($0.field)")): \(t("err_\($0.code)"))"
            }.joined(separator: "; ")
            return try await macros(context, flash: flash, values: ["title": title, "body": body])
        }
        return PageRenderer.redirect("/service/macros")
    }
}
