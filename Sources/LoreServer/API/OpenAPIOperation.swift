import LoreCore

/// One operation object of the OpenAPI document: responses, parameters, body and who may call it.
extension OpenAPIDocument {
    /// Operations whose bodies are not JSON: the media types they take (text/plain too, as curl sends) and schema.
    static let bodies: [String: (mediaTypes: [String], schema: JSONValue)] = [
        "post /api/v1/articles/import": (
            ["application/x-ndjson", "text/plain"],
            .object([
                "type": .string("string"), "description": .string("one article JSON object per line, at most 50 MB"),
            ])
        ),
        "post /api/v1/cases/intake": (
            ["message/rfc822", "text/plain"],
            .object(["type": .string("string"), "description": .string("a raw RFC 5322 e-mail, at most 10 MB")])
        ),
    ]

    /// Request schemas whose body may be left out altogether.
    static let optionalBodies: Set<String> = ["ArticleComment"]

    /// Operations whose 200 answer is not JSON.
    static let responseMediaTypes: [String: String] = ["get /api/v1/articles/export": "application/x-ndjson"]

    static func operation(_ op: Op, access: RouteAccess?, schemas: [String: JSONValue] = [:]) -> JSONValue {
        let key = "\(op.method) \(op.path)"
        var codes = op.responses
        let hasBody = op.request != nil || bodies[key] != nil
        // Every operation refuses a query parameter it does not take (400).
        var extra: [Int] = hasBody ? [400, 413, 415] : [400]
        // 401 even where no sign-in is needed: an Authorization header that is not valid is refused everywhere.
        extra.append(401)
        if let access, access.allowedRoles.count < Role.allCases.count { extra.append(403) }
        extra.append(503)
        for code in extra where !codes.contains(where: { $0.0 == code }) { codes.append((code, nil)) }
        var responses: [String: JSONValue] = [:]
        for (code, schema) in codes {
            responses[String(code)] = response(code, schema, mediaType: responseMediaTypes[key])
        }
        var params: [JSONValue] = []
        for segment in op.path.split(separator: "/") where segment.hasPrefix("{") {
            let name = String(segment.dropFirst().dropLast())
            let schema: JSONValue =
                name == "token"
                ? .object(["type": .string("string"), "minLength": .int(10), "maxLength": .int(200)])
                : .object(["type": .string("integer"), "minimum": .int(1)])
            params.append(
                .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": schema]))
        }
        params += op.query.map(\.openAPI)
        var o: [String: JSONValue] = [
            "summary": .string(op.summary), "operationId": .string(operationID(op)), "responses": .object(responses),
        ]
        if let access {
            o["x-lore-roles"] = .array(access.allowedRoles.map { .string($0.rawValue) })
            o["description"] = .string(describe(access))
            if !access.requiresSignIn { o["security"] = .array([]) }
        }
        if !params.isEmpty { o["parameters"] = .array(params) }
        if let body = bodies[key] {
            let content = Dictionary(
                uniqueKeysWithValues: body.mediaTypes.map { ($0, JSONValue.object(["schema": body.schema])) })
            o["requestBody"] = .object(["required": .bool(true), "content": .object(content)])
        } else if let body = op.request {
            // The body's schema is written out in the operation, not referenced: Schemathesis 4.32 treats every
            // property of a referenced schema without `required` as required when it makes negative cases.
            let schema = schemas[body] ?? OpenAPISchemas.ref(body)
            // A workflow step's comment is optional, and so is a body that would only carry it.
            let required = !optionalBodies.contains(body)
            o["requestBody"] = .object([
                "required": .bool(required), "content": .object(["application/json": .object(["schema": schema])]),
            ])
        }
        return .object(o)
    }

    static func response(_ code: Int, _ schema: String?, mediaType: String?) -> JSONValue {
        if code == 204 { return .object(["description": .string("No content")]) }
        if code >= 400 {
            var o: [String: JSONValue] = [
                "description": .string(problemDescriptions[code] ?? "Problem"),
                "content": .object(["application/problem+json": .object(["schema": OpenAPISchemas.ref("Problem")])]),
            ]
            if code == 503 || code == 405 {
                let header = code == 503 ? "Retry-After" : "Allow"
                o["headers"] = .object([header: .object(["schema": .object(["type": .string("string")])])])
            }
            return .object(o)
        }
        if let mediaType {
            return .object([
                "description": .string("OK"),
                "content": .object([mediaType: .object(["schema": .object(["type": .string("string")])])]),
            ])
        }
        let body = schema.map(OpenAPISchemas.ref) ?? .object(["type": .string("object")])
        return .object([
            "description": .string("OK"), "content": .object(["application/json": .object(["schema": body])]),
        ])
    }

    static let problemDescriptions: [Int: String] = [
        400: "Malformed request: bad JSON, or a query parameter that is unknown, missing or out of range",
        401: "Sign in, or send a valid API token", 403: "Your role may not do this",
        404: "No such resource, or you may not see it",
        405: "The path does not take this method", 409: "Conflict with the record's state, or a duplicate unique value",
        413: "Body too large (JSON bodies: 1 MB)", 415: "Unsupported content type (send application/json)",
        422: "Validation failed: each bad field is named in errors",
        503: "The database is unreachable; retry after Retry-After seconds",
    ]

    static func describe(_ access: RouteAccess) -> String {
        switch access {
        case .anyone: return "No sign-in needed."
        case .signedIn: return "Any signed-in user, portal customers included."
        default: return "Roles: " + access.allowedRoles.map(\.rawValue).joined(separator: ", ") + "."
        }
    }
}
