import LoreCore

/// JSON Schemas for the OpenAPI document, derived from the entity schemas.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }

    static func nullable(_ type: String, _ extra: [String: JSONValue] = [:], nullable: Bool) -> JSONValue {
        var o = extra
        o["type"] = nullable ? .array([.string(type), .string("null")]) : .string(type)
        return .object(o)
    }

    /// A field's schema, stating every rule `FieldCoercion` applies (lengths, patterns, ranges), so a client or a
    /// fuzzer can tell a valid value from one Lore will refuse.
    static func field(_ f: FieldSchema, nullable: Bool) -> JSONValue {
        switch f.kind {
        case .text(let max): return text(max, multiLine: false, required: f.required, nullable: nullable)
        case .longText: return text(100_000, multiLine: true, required: f.required, nullable: nullable)
        case .email:
            return Self.nullable(
                "string",
                [
                    "maxLength": .int(254), "pattern": .string(FieldPatterns.email),
                    "description": .string("an e-mail address"),
                ],
                nullable: nullable)
        case .phone:
            return Self.nullable(
                "string", ["maxLength": .int(40), "pattern": .string(FieldPatterns.phone)], nullable: nullable)
        case .url:
            return Self.nullable(
                "string", ["minLength": .int(9), "maxLength": .int(500), "pattern": .string(FieldPatterns.url)],
                nullable: nullable)
        case .choice(let options):
            return .object([
                "type": nullable ? .array([.string("string"), .string("null")]) : .string("string"),
                "enum": .array(options.map(JSONValue.string) + (nullable ? [.null] : [])),
            ])
        case .integer(let min, let max):
            return Self.nullable("integer", ["minimum": .int(min), "maximum": .int(max)], nullable: nullable)
        case .money:
            return Self.nullable(
                "number",
                [
                    "minimum": .int(0), "maximum": .double(Money.maximum), "multipleOf": .double(0.01),
                    "description": .string("an amount in currency units, in whole cents"),
                ], nullable: nullable)
        case .decimal(let min, let max):
            return Self.nullable("number", ["minimum": .double(min), "maximum": .double(max)], nullable: nullable)
        case .boolean: return Self.nullable("boolean", nullable: nullable)
        case .date:
            return Self.nullable(
                "string", ["format": .string("date"), "pattern": .string(FieldPatterns.date)], nullable: nullable)
        case .dateTime:
            return Self.nullable(
                "string", ["format": .string("date-time"), "pattern": .string(FieldPatterns.dateTime)],
                nullable: nullable)
        case .reference(let e): return idInput(nullable: nullable, description: "id of a \(e) record")
        case .referenceSet(let e):
            return .object([
                "type": .string("array"), "items": idInput(), "description": .string("ids of \(e) records"),
            ])
        }
    }

    /// Free text under ``TextRule``: its length, its pattern (no control characters; not blank when required).
    static func text(_ max: Int, multiLine: Bool = true, required: Bool = false, nullable isNullable: Bool = false)
        -> JSONValue
    {
        nullable(
            "string",
            [
                "maxLength": .int(Int64(max)),
                "pattern": .string(FieldPatterns.text(multiLine: multiLine, required: required)),
            ],
            nullable: isNullable)
    }

    /// A record id in a request: a positive whole number (`nullable`: null clears it).
    static func idInput(nullable isNullable: Bool = false, description: String? = nil) -> JSONValue {
        var limits: [String: JSONValue] = ["minimum": .int(1), "maximum": .int(Int64.max)]
        if let description { limits["description"] = .string(description) }
        return nullable("integer", limits, nullable: isNullable)
    }

    /// A field as Lore answers it: its type, choices and format, without the limits input is held to (a total is
    /// the sum of many amounts; text stored before a rule tightened still reads back).
    static func outputOnly(_ schema: JSONValue) -> JSONValue {
        guard case .object(var o) = schema else { return schema }
        for key in ["pattern", "minimum", "maximum", "multipleOf", "minLength", "maxLength"] { o[key] = nil }
        return .object(o)
    }

    /// A list filter on a field, as a query parameter of the field's kind.
    static func filter(_ f: FieldSchema) -> QueryParam {
        switch f.kind {
        case .text, .longText, .email, .phone, .url:
            // Checked by the field's own rules (ListQueryParser); documented with the field's schema.
            QueryParam(f.name, .text(maxLength: 100_000), schema: field(f, nullable: false))
        case .choice(let options): .choice(f.name, options)
        case .integer(let min, let max): .int(f.name, min...max)
        case .reference: .id(f.name)
        case .boolean: .bool(f.name)
        case .date: .date(f.name)
        default: QueryParam(f.name, .text(maxLength: 100), schema: field(f, nullable: false))
        }
    }

    static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        var o: [String: JSONValue] = [
            "type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false),
        ]
        if !required.isEmpty { o["required"] = .array(required.sorted().map(JSONValue.string)) }
        return .object(o)
    }

    /// Output, create-input and update-input schemas of one entity.
    static func entity(_ schema: EntitySchema) -> [String: JSONValue] {
        var out: [String: JSONValue] = [
            "id": .object(["type": .string("integer")]),
            "created_at": .object(["type": .string("string"), "format": .string("date-time")]),
            "updated_at": .object(["type": .string("string"), "format": .string("date-time")]),
            "archived_at": .object([
                "type": .array([.string("string"), .string("null")]), "format": .string("date-time"),
            ]),
        ]
        var input: [String: JSONValue] = [:]
        if schema.owned {
            out["owner_id"] = nullable("integer", nullable: true)
            out["team_id"] = nullable("integer", nullable: true)
            input["owner_id"] = idInput(description: "reassign to this active user")
        }
        for f in schema.fields {
            out[f.name] = outputOnly(field(f, nullable: !f.required || f.readOnly))
            if !f.readOnly { input[f.name] = field(f, nullable: !f.required) }
        }
        let name = schema.typeName
        return [
            name: object(out, required: Array(out.keys)),
            name + "Create": object(input, required: schema.fields.filter { $0.required && !$0.readOnly }.map(\.name)),
            name + "Update": object(input, required: []),
            name + "List": object(
                [
                    "data": .object(["type": .string("array"), "items": ref(name)]),
                    "next_cursor": nullable("string", nullable: true),
                ],
                required: ["data", "next_cursor"]),
        ]
    }

    static let problem: JSONValue = object(
        [
            "type": .object(["type": .string("string")]), "title": .object(["type": .string("string")]),
            "status": .object(["type": .string("integer")]), "detail": .object(["type": .string("string")]),
            "errors": .object([
                "type": .string("array"),
                "items": object(
                    [
                        "field": .object(["type": .string("string")]), "code": .object(["type": .string("string")]),
                        "message": .object(["type": .string("string")]),
                    ],
                    required: ["field", "code", "message"]),
            ]),
        ], required: ["type", "title", "status"])

    static func string(_ format: String? = nil, nullable isNullable: Bool = false) -> JSONValue {
        nullable("string", format.map { ["format": .string($0)] } ?? [:], nullable: isNullable)
    }
}
