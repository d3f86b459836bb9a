import Hummingbird
import LoreCore
import LoreStore

/// `/service/macros`: canned replies. Everyone who works cases lists them; service managers keep them.
struct MacroAPIController {
    let cases: CaseRepository

    func register(on api: APIRouter) {
        api.on(.get, "/service/macros", access: .serviceDesk, use: list)
        api.on(.post, "/service/macros", access: .serviceManagers, use: create)
        api.on(.put, "/service/macros/{id}", access: .serviceManagers, use: update)
        api.on(.delete, "/service/macros/{id}", access: .serviceManagers, use: delete)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        try JSONIO.response(ListBody(data: try await cases.macros(as: context.principal).map(MacroBody.init)))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let input = try await JSONIO.input(MacroInput.self, request, context: context)
        let m = try await cases.createMacro(
            title: input.title, body: input.body, departmentID: (input.departmentID ?? nil)?.value,
            as: context.principal)
        return try JSONIO.response(
            MacroBody(m), status: .created, headers: [.location: "/api/v1/service/macros/\(m.id)"])
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let input = try await JSONIO.input(MacroInput.self, request, context: context)
        let m = try await cases.updateMacro(
            id: try context.parameters.require("id", as: RecordID.self), title: input.title, body: input.body,
            departmentID: (input.departmentID ?? nil)?.value, as: context.principal)
        return try JSONIO.response(MacroBody(m))
    }

    @Sendable func delete(_ request: Request, context: SignedInContext) async throws -> Response {
        try await cases.deleteMacro(id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return JSONIO.noContent()
    }
}

/// A canned reply as the API writes it.
struct MacroBody: Encodable {
    var id: Int64
    var title: String
    var body: String
    var departmentID: Int64?
    var updatedAt: String

    init(_ m: CaseMacro) {
        (id, title, body, departmentID, updatedAt) = (m.id, m.title, m.body, m.departmentID, m.updatedAt)
    }
}

/// `POST` and `PUT /service/macros`: a title, a body with placeholders, and the department (null: shared).
struct MacroInput: JSONInput {
    var title: String
    var body: String
    var departmentID: RecordID??

    func validate(_ check: inout FieldChecks) {
        for p in CaseMacro.problems(title: title, body: body) where !check.has(p.field) {
            check.fail(p.field, p.code, p.message)
        }
    }
}
