import Hummingbird
import LoreCore
import LoreStore

/// The JSON API for every entity in ``Catalog``: list, create, get, update, archive, restore and delete.
struct RecordAPIController {
    let records: RecordRepository

    func register(on api: APIRouter) {
        for schema in Catalog.all {
            let base = "/\(schema.path)"
            api.on(.get, base, access: .entity(schema, .read)) { request, context in
                try await list(schema, request, context)
            }
            api.on(.post, base, access: .entity(schema, .create)) { request, context in
                try await create(schema, request, context)
            }
            api.on(.get, base + "/{id}", access: .entity(schema, .read)) { request, context in
                try await get(schema, request, context)
            }
            api.on(.patch, base + "/{id}", access: .entity(schema, .update)) { request, context in
                try await update(schema, request, context)
            }
            api.on(.delete, base + "/{id}", access: .entity(schema, .delete)) { request, context in
                try await delete(schema, request, context)
            }
            api.on(.post, base + "/{id}/restore", access: .entity(schema, .delete)) { request, context in
                try await restore(schema, context)
            }
        }
    }

    func list(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let query = try ListQueryParser.parse(request.query, schema: schema)
        let page = try await records.list(schema, query: query, as: principal)
        return try JSONIO.response(
            .object([
                "data": .array(page.records.map { RecordJSON.encode($0, schema: schema) }),
                "next_cursor": page.nextCursor.map(JSONValue.string) ?? .null,
            ]))
    }

    func create(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = try await JSONIO.object(request, context: context)
        let values = try RecordValidator(schema: schema).validate(input, mode: .create)
        let record = try await records.create(schema, values: values, as: principal)
        return try JSONIO.response(
            RecordJSON.encode(record, schema: schema), status: .created,
            headers: [.location: "/api/v1/\(schema.path)/\(record.id)"])
    }

    /// An archived record is gone unless asked for (`?archived=true`), as DELETE archived it; it can be restored.
    func get(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let record = try await records.get(
            schema, id: try context.parameters.require("id", as: RecordID.self), as: principal)
        if record.archivedAt != nil && request.query.get("archived") != "true" {
            throw Problem.notFound(
                "\(schema.typeName) \(record.id) is archived: GET it with ?archived=true, or POST …/restore.")
        }
        return try JSONIO.response(RecordJSON.encode(record, schema: schema))
    }

    func update(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        let input = try await JSONIO.object(request, context: context)
        let changes = try RecordValidator(schema: schema).validate(input, mode: .update)
        let record = try await records.update(schema, id: id, changes: changes, as: principal)
        return try JSONIO.response(RecordJSON.encode(record, schema: schema))
    }

    /// Archives by default; `?permanent=true` deletes for good (managers and admins, and only if nothing refers to it).
    func delete(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.parameters.require("id", as: RecordID.self)
        switch request.query.get("permanent") {
        case nil, "false":
            let record = try await records.setArchived(schema, id: id, archived: true, as: principal)
            return try JSONIO.response(RecordJSON.encode(record, schema: schema))
        case "true":
            guard principal.role == .admin || principal.role == .manager else {
                throw Problem.forbidden("Only managers and administrators delete records permanently; archive instead.")
            }
            try await records.delete(schema, id: id, as: principal)
            return JSONIO.noContent()
        default:
            throw Problem.badRequest("permanent must be true or false")
        }
    }

    func restore(_ schema: EntitySchema, _ context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let record = try await records.setArchived(
            schema, id: try context.parameters.require("id", as: RecordID.self), archived: false, as: principal)
        return try JSONIO.response(RecordJSON.encode(record, schema: schema))
    }
}
