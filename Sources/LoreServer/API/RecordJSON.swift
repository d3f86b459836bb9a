import LoreCore

/// A record's JSON representation: its fields by name, money as decimal amounts, plus bookkeeping.
enum RecordJSON {
    static func encode(_ record: Record, schema: EntitySchema) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .int(record.id), "created_at": .string(record.createdAt), "updated_at": .string(record.updatedAt),
            "archived_at": record.archivedAt.map(JSONValue.string) ?? .null,
        ]
        if schema.owned {
            o["owner_id"] = record.ownerID.map(JSONValue.int) ?? .null
            o["team_id"] = record.teamID.map(JSONValue.int) ?? .null
        }
        for field in schema.fields {
            o[field.name] = value(record[field.name], kind: field.kind)
        }
        return .object(o)
    }

    static func value(_ v: FieldValue, kind: FieldKind) -> JSONValue {
        switch (v, kind) {
        case (.null, .referenceSet): .array([])
        case (.null, _): .null
        case (.int(let i), .money): .double(Money.amount(i))
        case (.int(let i), _): .int(i)
        case (.double(let d), _): .double(d)
        case (.string(let s), _): .string(s)
        case (.bool(let b), _): .bool(b)
        case (.ids(let ids), _): .array(ids.map(JSONValue.int))
        }
    }
}
