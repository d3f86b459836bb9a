import LoreCore

/// JSON Schemas for the OpenAPI document, derived from the entity schemas.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }

    static func nullable(_ type: String, _ extra: [String: JSONValue] = [:], nullable: Bool) -> JSONValue {
        var o = extra
        o["type"] = nullable ? .array([.string(type), .string("null")]) : .string(type)
        return .object(o)
    }

    static func field(_ f: FieldSchema, nullable: Bool) -> JSONValue {
        switch f.kind {
        case .text(let max): return Self.nullable("string", ["maxLength": .int(Int64(max))], nullable: nullable)
        case .longText: return Self.nullable("string", ["maxLength": .int(100_000)], nullable: nullable)
        case .email: return Self.nullable("string", ["format": .string("email")], nullable: nullable)
        case .phone: return Self.nullable("string", ["maxLength": .int(40)], nullable: nullable)
        case .url: return Self.nullable("string", ["format": .string("uri")], nullable: nullable)
        case .choice(let options):
            return .object([
                "type": nullable ? .array([.string("string"), .string("null")]) : .string("string"),
                "enum": .array(options.map(JSONValue.string) + (nullable ? [.null] : [])),
            ])
        case .integer(let min, let max): return Self.nullable("integer", ["minimum": .int(min), "maximum": .int(max)], nullable: nullable)
        case .money: return Self.nullable("number", ["description": .string("amount in currency units, two decimals")], nullable: nullable)
        case .decimal(let min, let max): return Self.nullable("number", ["minimum": .double(min), "maximum": .double(max)], nullable: nullable)
        case .boolean: return Self.nullable("boolean", nullable: nullable)
        case .date: return Self.nullable("string", ["format": .string("date")], nullable: nullable)
        case .dateTime: return Self.nullable("string", ["format": .string("date-time")], nullable: nullable)
        case .reference(let e): return Self.nullable("integer", ["description": .string("id of a \(e) record")], nullable: nullable)
        case .referenceSet(let e):
            return .object(["type": .string("array"), "items": .object(["type": .string("integer")]), "description": .string("ids of \(e) records")])
        }
    }

    /// A list filter on a field, as a query parameter of the field's kind.
    static func filter(_ f: FieldSchema) -> QueryParam {
        switch f.kind {
        case .text(let max): .text(f.name, maxLength: max)
        case .choice(let options): .choice(f.name, options)
        case .integer(let min, let max): .int(f.name, min...max)
        case .reference: .id(f.name)
        case .boolean: .bool(f.name)
        case .date: .date(f.name)
        default: .text(f.name, maxLength: 500)
        }
    }

    static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        var o: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false)]
        if !required.isEmpty { o["required"] = .array(required.sorted().map(JSONValue.string)) }
        return .object(o)
    }

    /// Output, create-input and update-input schemas of one entity.
    static func entity(_ schema: EntitySchema) -> [String: JSONValue] {
        var out: [String: JSONValue] = [
            "id": .object(["type": .string("integer")]), "created_at": .object(["type": .string("string"), "format": .string("date-time")]),
            "updated_at": .object(["type": .string("string"), "format": .string("date-time")]),
            "archived_at": .object(["type": .array([.string("string"), .string("null")]), "format": .string("date-time")]),
        ]
        var input: [String: JSONValue] = [:]
        if schema.owned {
            out["owner_id"] = nullable("integer", nullable: true)
            out["team_id"] = nullable("integer", nullable: true)
            input["owner_id"] = .object(["type": .string("integer"), "description": .string("reassign to this active user")])
        }
        for f in schema.fields {
            out[f.name] = field(f, nullable: !f.required || f.readOnly)
            if !f.readOnly { input[f.name] = field(f, nullable: !f.required) }
        }
        let name = schema.typeName
        return [
            name: object(out, required: Array(out.keys)),
            name + "Create": object(input, required: schema.fields.filter { $0.required && !$0.readOnly }.map(\.name)),
            name + "Update": object(input, required: []),
            name + "List": object(
                ["data": .object(["type": .string("array"), "items": ref(name)]), "next_cursor": nullable("string", nullable: true)],
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
