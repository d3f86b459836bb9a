/// The type of one field of a record, which fixes how it is validated, stored, shown and documented.
public enum FieldKind: Sendable, Equatable {
    /// Single-line text up to a maximum length (in characters).
    case text(maxLength: Int)
    /// Multi-line free text.
    case longText
    case email
    case phone
    case url
    /// One of a fixed set of keys (stored as text).
    case choice([String])
    case integer(min: Int64, max: Int64)
    /// An amount of money, stored in minor units (cents, fen) and exchanged as a decimal number.
    case money
    case decimal(min: Double, max: Double)
    case boolean
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A point in time, ISO 8601; stored in UTC.
    case dateTime
    /// The id of another record.
    case reference(String)
    /// A set of ids of other records, stored in a join table.
    case referenceSet(String)

    /// The JSON Schema type name used in the OpenAPI document.
    public var jsonType: String {
        switch self {
        case .integer, .reference: "integer"
        case .money, .decimal: "number"
        case .boolean: "boolean"
        case .referenceSet: "array"
        default: "string"
        }
    }

    public var isReference: Bool {
        if case .reference = self { return true }
        return false
    }

    public var referencedEntity: String? {
        switch self {
        case .reference(let e), .referenceSet(let e): e
        default: nil
        }
    }
}
