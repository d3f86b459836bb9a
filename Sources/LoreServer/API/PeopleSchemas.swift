import LoreCore

/// OpenAPI schemas and operations for the routes that are not generic records.
enum PeopleSchemas {
    typealias S = OpenAPISchemas

    static var all: [String: JSONValue] {
        let int = JSONValue.object(["type": .string("integer")])
        let str = JSONValue.object(["type": .string("string")])
        let roles = JSONValue.object([
            "type": .string("string"), "enum": .array(Role.allCases.map { .string($0.rawValue) }),
        ])
        let locale = JSONValue.object([
            "type": .array([.string("string"), .string("null")]),
            "enum": .array([.string("en"), .string("zh-Hans"), .null]),
        ])
        let user = S.object(
            [
                "id": int, "email": str, "name": str, "role": roles, "team_id": S.nullable("integer", nullable: true),
                "locale": locale,
                "active": .object(["type": .string("boolean")]), "created_at": S.string("date-time"),
                "last_login_at": S.string("date-time", nullable: true),
            ], required: ["id", "email", "name", "role", "team_id", "locale", "active", "created_at", "last_login_at"])
        let userInput: [String: JSONValue] = [
            "email": .object([
                "type": .string("string"), "maxLength": .int(254), "pattern": .string(FieldPatterns.requiredEmail),
            ]),
            "name": S.text(120, multiLine: false, required: true), "role": roles, "team_id": S.idInput(nullable: true),
            "locale": locale,
            "password": .object([
                "type": .string("string"), "minLength": .int(Int64(UserInput.minimumPasswordLength)),
                "maxLength": .int(72),
                "description": .string("at least 10 characters and at most 72 bytes of UTF-8 (bcrypt reads no more)"),
            ]),
        ]
        var tokenProps: [String: JSONValue] = [
            "id": int, "name": str, "prefix": str, "created_at": S.string("date-time"),
            "last_used_at": S.string("date-time", nullable: true),
            "revoked_at": S.string("date-time", nullable: true),
        ]
        let token = S.object(tokenProps, required: Array(tokenProps.keys))
        tokenProps["token"] = .object([
            "type": .string("string"), "description": .string("the secret; shown only in this response"),
        ])
        let hit = S.object(
            ["entity": str, "id": int, "title": str, "matched_field": str, "matched_text": str],
            required: ["entity", "id", "title", "matched_field", "matched_text"])
        let auditProps: [String: JSONValue] = [
            "id": int, "at": S.string("date-time"), "user_id": S.nullable("integer", nullable: true),
            "user_name": S.nullable("string", nullable: true),
            "entity": str, "entity_id": S.nullable("integer", nullable: true), "action": str,
            "summary": S.nullable("string", nullable: true),
            "changes": S.nullable("string", nullable: true),
        ]
        let opportunity = Catalog["opportunities"]
        func opp(_ name: String) -> JSONValue {
            let f = opportunity.knownField(name)
            return S.field(f, nullable: !f.required)
        }
        let conversion = S.object(
            [
                "account_id": S.idInput(nullable: true), "create_opportunity": .object(["type": .string("boolean")]),
                "opportunity_name": opp("name"), "stage_id": opp("stage_id"),
                "amount": opp("amount"), "expected_close_date": opp("expected_close_date"),
            ], required: [])
        let result = S.object(
            [
                "lead": S.ref("Lead"), "account": S.ref("Account"), "contact": S.ref("Contact"),
                "opportunity": .object(["oneOf": .array([S.ref("Opportunity"), .object(["type": .string("null")])])]),
            ], required: ["lead", "account", "contact", "opportunity"])
        func list(_ item: String) -> JSONValue {
            S.object(["data": .object(["type": .string("array"), "items": S.ref(item)])], required: ["data"])
        }
        return [
            "User": user, "UserList": list("User"),
            "UserCreate": S.object(userInput, required: ["email", "name", "role", "password"]),
            "UserUpdate": S.object(userInput.filter { $0.key != "email" }, required: []),
            "ApiToken": token, "ApiTokenList": list("ApiToken"),
            "ApiTokenCreated": S.object(tokenProps, required: Array(tokenProps.keys)),
            "ApiTokenCreate": S.object(["name": S.text(100, multiLine: false, required: true)], required: ["name"]),
            "SearchHit": hit, "SearchResults": list("SearchHit"),
            "AuditEntry": S.object(auditProps, required: Array(auditProps.keys)), "AuditLog": list("AuditEntry"),
            "LeadConversion": conversion, "LeadConversionResult": result,
        ]
    }

    static let operations: [OpenAPIDocument.Op] = [
        ("get", "/api/v1/me", "The signed-in user", nil, [(200, "User")], []),
        ("get", "/api/v1/users", "List users", nil, [(200, "UserList")], []),
        (
            "post", "/api/v1/users", "Create a user (administrators)", "UserCreate",
            [(201, "User"), (403, nil), (409, nil), (413, nil), (415, nil), (422, nil)], []
        ),
        ("get", "/api/v1/users/{id}", "Get a user", nil, [(200, "User"), (404, nil)], []),
        (
            "patch", "/api/v1/users/{id}", "Update a user (administrators)", "UserUpdate",
            [(200, "User"), (403, nil), (404, nil), (413, nil), (415, nil), (422, nil)], []
        ),
        (
            "post", "/api/v1/users/{id}/deactivate",
            "Deactivate a user: their sessions and tokens stop working at once", nil,
            [(200, "User"), (403, nil), (404, nil), (409, nil)], []
        ),
        ("get", "/api/v1/tokens", "List my API tokens", nil, [(200, "ApiTokenList")], []),
        (
            "post", "/api/v1/tokens", "Create an API token", "ApiTokenCreate",
            [(201, "ApiTokenCreated"), (413, nil), (415, nil), (422, nil)], []
        ),
        ("delete", "/api/v1/tokens/{id}", "Revoke an API token", nil, [(204, nil), (404, nil)], []),
        (
            "get", "/api/v1/search", "Search accounts, contacts, leads and opportunities", nil,
            [(200, "SearchResults")],
            [.text("q", required: true, "what to look for (its first 200 characters)")]
        ),
        (
            "get", "/api/v1/audit-log", "Read the audit log (managers and administrators)", nil,
            [(200, "AuditLog"), (403, nil)],
            [
                .text("entity", maxLength: 100, "an entity name, e.g. accounts"), .id("entity_id"), .id("user_id"),
                .int("before", 1...Int64.max, "entries older than this entry id"), .int("limit", 1...200),
            ]
        ),
        (
            "post", "/api/v1/leads/{id}/convert", "Convert a lead into an account, contact and opportunity in one step",
            "LeadConversion",
            [(201, "LeadConversionResult"), (403, nil), (404, nil), (409, nil), (413, nil), (415, nil), (422, nil)], []
        ),
        ("get", "/api/v1/openapi.json", "This document", nil, [(200, nil)], []),
    ]
}
