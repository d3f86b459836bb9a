import LoreCore
import SQLKit

/// Conversions between Lore's field values and SQLKit expressions and rows.
enum SQLValues {
    static func expression(_ value: FieldValue) -> any SQLExpression {
        switch value {
        case .null, .ids: SQLLiteral.null
        case .string(let s): SQLBind(s)
        case .int(let i): SQLBind(i)
        case .double(let d): SQLBind(d)
        case .bool(let b): SQLBind(b)
        }
    }

    /// Reads one field's column from a row according to its kind.
    static func decode(_ row: any SQLRow, column: String, kind: FieldKind) throws -> FieldValue {
        if try row.decodeNil(column: column) { return .null }
        switch kind {
        case .integer, .money, .reference:
            return .int(try row.decode(column: column, as: Int64.self))
        case .decimal:
            return .double(try row.decode(column: column, as: Double.self))
        case .boolean:
            return .bool(try row.decode(column: column, as: Bool.self))
        case .referenceSet:
            return .ids([])
        default:
            return .string(try row.decode(column: column, as: String.self))
        }
    }

    static func optionalInt(_ row: any SQLRow, _ column: String) throws -> Int64? {
        try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: Int64.self)
    }

    static func optionalString(_ row: any SQLRow, _ column: String) throws -> String? {
        try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self)
    }

    /// The name of the join table that stores a reference set.
    static func joinTable(_ schema: EntitySchema, _ field: FieldSchema) -> String {
        "\(schema.name)_\(field.name)"
    }

    /// Escapes LIKE wildcards so user text is matched literally (used with `ESCAPE '\'`).
    static func likePattern(_ text: String) -> String {
        var out = "%"
        for ch in text.lowercased() {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
    }
}
