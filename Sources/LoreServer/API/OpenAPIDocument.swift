import LoreCore
import LoreStore

/// The OpenAPI 3.1 description of `/api/v1`, built from the same schemas that drive the routes.
enum OpenAPIDocument {
    typealias Op = (
        method: String, path: String, summary: String, request: String?, responses: [(Int, String?)],
        query: [QueryParam]
    )

    /// Every operation of the API with its query parameters, keyed `"get /api/v1/accounts"`: what the document
    /// describes and what ``APIRouter`` checks each request's query against.
    static let operationsByKey: [String: Op] = Dictionary(
        allOperations.map { ("\($0.method) \($0.path)", $0) }, uniquingKeysWith: { a, _ in a })

    /// Built once: the router reads it as it registers each route, and the document when it is first asked for.
    static let allOperations: [Op] = operations()

    static func operations() -> [Op] {
        var ops: [Op] = []
        for schema in Catalog.all { ops += recordOperations(schema) }
        return ops + PeopleSchemas.operations + KnowledgeSchemas.operations + ServiceSchemas.operations
    }

    static func recordOperations(_ schema: EntitySchema) -> [Op] {
        let base = "/api/v1/\(schema.path)"
        let t = schema.typeName
        var filters: [QueryParam] = [
            .text("q", "free text over the searchable fields (its first 200 characters)"),
            .choice("sort", schema.sortKeys + schema.sortKeys.map { "-" + $0 }, "a field to sort by; - for descending"),
            .int("limit", 1...Int64(ListQuery.maximumLimit)),
            .int("cursor", 1...Int64.max, "next_cursor of the previous page (the id of its last record)"),
            .choice("archived", ["exclude", "include", "only"]),
        ]
        if schema.owned { filters.append(.id("owner_id")) }
        filters += schema.fields.filter(\.filterable).map(OpenAPISchemas.filter)
        return [
            ("get", base, "List \(schema.name)", nil, [(200, t + "List"), (404, nil)], filters),
            (
                "post", base, "Create a \(t)", t + "Create",
                [(201, t), (409, nil), (413, nil), (415, nil), (422, nil)], []
            ),
            (
                "get", base + "/{id}", "Get a \(t) (an archived one only with archived=true)", nil,
                [(200, t), (404, nil)],
                [.bool("archived", "true also returns the record if it is archived")]
            ),
            (
                "patch", base + "/{id}", "Update a \(t)", t + "Update",
                [(200, t), (404, nil), (409, nil), (413, nil), (415, nil), (422, nil)], []
            ),
            (
                "delete", base + "/{id}",
                "Archive a \(t): it leaves lists and can be restored. With permanent=true (managers and administrators) delete it for good, if nothing refers to it",
                nil, [(200, t), (204, nil), (404, nil), (409, nil)],
                [.bool("permanent", "true deletes for good instead of archiving (managers and administrators)")]
            ),
            ("post", base + "/{id}/restore", "Restore an archived \(t)", nil, [(200, t), (404, nil)], []),
        ]
    }

    /// The document; with the registered routes, each operation also states who may call it (and its 401 and 403).
    static func build(routes: [RegisteredRoute] = []) -> JSONValue {
        var schemas: [String: JSONValue] = ["Problem": OpenAPISchemas.problem]
        for schema in Catalog.all {
            for (k, v) in OpenAPISchemas.entity(schema) { schemas[k] = v }
        }
        for (k, v) in PeopleSchemas.all { schemas[k] = v }
        for (k, v) in KnowledgeSchemas.all { schemas[k] = v }
        for (k, v) in ServiceSchemas.all { schemas[k] = v }
        let access = Dictionary(
            routes.map { ("\($0.method.lowercased()) \($0.path)", $0.access) }, uniquingKeysWith: { a, _ in a })
        let ops = allOperations
        var paths: [String: [String: JSONValue]] = [:]
        for op in ops {
            paths[op.path, default: [:]][op.method] = operation(
                op, access: access["\(op.method) \(op.path)"], schemas: schemas)
        }
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("Lore API"), "version": .string("1"),
                "description": .string(
                    "Lore, a knowledge-centred CRM. Authenticate with `Authorization: Bearer <token>` (create tokens under Settings)."
                ),
            ]),
            "servers": .array([.object(["url": .string("/")])]),
            "security": .array([.object(["bearer": .array([])])]),
            "paths": .object(paths.mapValues { JSONValue.object($0) }),
            "components": .object([
                "schemas": .object(schemas),
                "securitySchemes": .object([
                    "bearer": .object(["type": .string("http"), "scheme": .string("bearer")]),
                    "session": .object([
                        "type": .string("apiKey"), "in": .string("cookie"), "name": .string("lore_session"),
                    ]),
                ]),
            ]),
        ])
    }

    static func operationID(_ op: Op) -> String {
        let words = op.path.split(separator: "/").dropFirst(2).map {
            $0.hasPrefix("{") ? "by_" + $0.dropFirst().dropLast() : String($0)
        }
        return ([op.method] + words).joined(separator: "_").replacingOccurrences(of: "-", with: "_")
    }
}
