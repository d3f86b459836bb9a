import LoreCore

/// The OpenAPI 3.1 description of `/api/v1`, built from the same schemas that drive the routes.
enum OpenAPIDocument {
    typealias Op = (method: String, path: String, summary: String, request: String?, responses: [(Int, String?)], query: [String])

    static func build() -> JSONValue {
        var schemas: [String: JSONValue] = ["Problem": OpenAPISchemas.problem]
        var ops: [Op] = []
        for schema in Catalog.all {
            for (k, v) in OpenAPISchemas.entity(schema) { schemas[k] = v }
            let base = "/api/v1/\(schema.path)"
            let t = schema.typeName
            let filters =
                ["q", "sort", "limit", "cursor", "archived"] + (schema.owned ? ["owner_id"] : []) + schema.fields.filter(\.filterable).map(\.name)
            ops += [
                ("get", base, "List \(schema.name)", nil, [(200, t + "List"), (400, nil), (401, nil), (403, nil)], filters),
                (
                    "post", base, "Create a \(t)", t + "Create",
                    [(201, t), (400, nil), (401, nil), (403, nil), (409, nil), (413, nil), (415, nil), (422, nil)], []
                ),
                ("get", base + "/{id}", "Get a \(t)", nil, [(200, t), (401, nil), (403, nil), (404, nil)], []),
                (
                    "patch", base + "/{id}", "Update a \(t)", t + "Update",
                    [(200, t), (400, nil), (401, nil), (403, nil), (404, nil), (409, nil), (413, nil), (415, nil), (422, nil)], []
                ),
                (
                    "delete", base + "/{id}", "Archive a \(t) (or delete it with permanent=true)", nil,
                    [(200, t), (204, nil), (400, nil), (401, nil), (403, nil), (404, nil), (409, nil)], ["permanent"]
                ),
                ("post", base + "/{id}/restore", "Restore an archived \(t)", nil, [(200, t), (401, nil), (403, nil), (404, nil)], []),
            ]
        }
        for (k, v) in PeopleSchemas.all { schemas[k] = v }
        ops += PeopleSchemas.operations
        for (k, v) in KnowledgeSchemas.all { schemas[k] = v }
        ops += KnowledgeSchemas.operations
        for (k, v) in ServiceSchemas.all { schemas[k] = v }
        ops += ServiceSchemas.operations
        var paths: [String: [String: JSONValue]] = [:]
        for op in ops {
            paths[op.path, default: [:]][op.method] = operation(op)
        }
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("Lore API"), "version": .string("1"),
                "description": .string(
                    "Lore, a knowledge-centred CRM. Authenticate with `Authorization: Bearer <token>` (create tokens under Settings)."),
            ]),
            "servers": .array([.object(["url": .string("/")])]),
            "security": .array([.object(["bearer": .array([])])]),
            "paths": .object(paths.mapValues { JSONValue.object($0) }),
            "components": .object([
                "schemas": .object(schemas),
                "securitySchemes": .object([
                    "bearer": .object(["type": .string("http"), "scheme": .string("bearer")]),
                    "session": .object(["type": .string("apiKey"), "in": .string("cookie"), "name": .string("lore_session")]),
                ]),
            ]),
        ])
    }

    static func operation(_ op: Op) -> JSONValue {
        var responses: [String: JSONValue] = [:]
        for (code, schema) in op.responses {
            if let schema {
                responses[String(code)] = .object([
                    "description": .string("OK"),
                    "content": .object(["application/json": .object(["schema": OpenAPISchemas.ref(schema)])]),
                ])
            } else if code < 300 && code != 204 {
                responses[String(code)] = .object([
                    "description": .string("OK"),
                    "content": .object(["application/json": .object(["schema": .object(["type": .string("object")])])]),
                ])
            } else if code == 204 {
                responses["204"] = .object(["description": .string("No content")])
            } else {
                responses[String(code)] = .object([
                    "description": .string("Problem"),
                    "content": .object(["application/problem+json": .object(["schema": OpenAPISchemas.ref("Problem")])]),
                ])
            }
        }
        var params: [JSONValue] = []
        for segment in op.path.split(separator: "/") where segment.hasPrefix("{") {
            params.append(
                .object([
                    "name": .string(String(segment.dropFirst().dropLast())), "in": .string("path"), "required": .bool(true),
                    "schema": .object(["type": .string("integer")]),
                ]))
        }
        for q in op.query {
            params.append(
                .object(["name": .string(q), "in": .string("query"), "required": .bool(false), "schema": .object(["type": .string("string")])]))
        }
        var o: [String: JSONValue] = [
            "summary": .string(op.summary), "operationId": .string(operationID(op)), "responses": .object(responses),
        ]
        if !params.isEmpty { o["parameters"] = .array(params) }
        if let body = op.request {
            o["requestBody"] = .object([
                "required": .bool(true), "content": .object(["application/json": .object(["schema": OpenAPISchemas.ref(body)])]),
            ])
        }
        return .object(o)
    }

    static func operationID(_ op: Op) -> String {
        let words = op.path.split(separator: "/").dropFirst(2).map { $0.hasPrefix("{") ? "by_" + $0.dropFirst().dropLast() : String($0) }
        return ([op.method] + words).joined(separator: "_").replacingOccurrences(of: "-", with: "_")
    }
}
