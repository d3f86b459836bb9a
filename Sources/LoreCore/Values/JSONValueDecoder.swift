/// Reads a request body (a ``JSONValue`` object) into a `Decodable` input type the way Lore's API reads JSON, the
/// mirror of ``JSONValueEncoder``: property names are matched in snake_case (`accountID` ← `account_id`), and instead
/// of stopping at the first problem it collects one ``FieldError`` per bad field — unknown fields, missing required
/// ones, wrong types, values outside a choice — then the type's own ``JSONInput/validate(_:)`` rules, and throws them
/// together as a ``ValidationFailure`` (a 422 naming each field).
///
/// A property's Swift type states what the field accepts:
/// - `T` (not optional): required; absent or null is a `required` problem.
/// - `T?`: optional; null is refused (`invalid_type`), as the OpenAPI document marks the field not nullable.
/// - `T??`: optional and nullable: absent (`nil`), null (`.some(nil)`: clear it) or a value.
///
/// `T` may be `String`, `Bool`, `Int`, `Int64`, `Double`, ``RecordID``, an ``InputChoice`` enum, an array of those,
/// a `[String: T]` dictionary or a nested `Decodable` struct (its problems are named `outer.inner`).
public struct JSONValueDecoder: Sendable {
    public init() {}

    public func decode<T: JSONInput>(_ type: T.Type, from object: [String: JSONValue]) throws -> T {
        let (value, problems) = decodeCollecting(T.self, from: object)
        guard let value, problems.isEmpty else {
            throw ValidationFailure(
                problems.isEmpty ? [FieldError(field: "", code: "invalid", message: "unreadable")] : problems)
        }
        return value
    }

    /// The value read with stand-ins for bad fields (nil if none could stand in), and every problem: for a caller
    /// with rules of its own to add before it answers (an article's rules depend on the version it changes).
    public func decodeCollecting<T: JSONInput>(_ type: T.Type, from object: [String: JSONValue])
        -> (value: T?, problems: [FieldError])
    {
        let reading = InputReading()
        let value = try? reading.decodeObject(T.self, from: object, path: [])
        // The rules run beside the shape's problems (one 422 names everything), skipping fields already named.
        var check = FieldChecks(reading.errors)
        value?.validate(&check)
        return (value, check.errors)
    }

    /// The fields `T` accepts (snake_case, in the order it reads them), which are required and which may be null:
    /// what the OpenAPI document's schema for `T` must say. Read by decoding an empty object and one of all nulls.
    public static func shape<T: JSONInput>(of type: T.Type) -> InputShape {
        let empty = InputReading()
        _ = try? empty.decodeObject(T.self, from: [:], path: [])
        let fields = empty.askedAtTop
        let nulls = InputReading()
        _ = try? nulls.decodeObject(
            T.self, from: Dictionary(uniqueKeysWithValues: fields.map { ($0, JSONValue.null) }), path: [])
        let refused = Set(nulls.errors.map(\.field))
        return InputShape(
            fields: fields, required: Set(empty.errors.filter { $0.code == "required" }.map(\.field)),
            nullable: Set(fields).subtracting(refused))
    }
}

/// What an input type accepts, as ``JSONValueDecoder/shape(of:)`` reads it.
public struct InputShape: Sendable, Equatable {
    public var fields: [String]
    public var required: Set<String>
    public var nullable: Set<String>
}

/// An input read by ``JSONValueDecoder``.
public protocol JSONInput: Decodable {
    /// What to tell a caller who sent an unknown field; nil: "accepted: " and the fields.
    static var unknownFieldHint: String? { get }
    /// Rules beyond the shape (text length, ranges, one field against another), run once the shape is right.
    func validate(_ check: inout FieldChecks)
}

extension JSONInput {
    public static var unknownFieldHint: String? { nil }
    public func validate(_ check: inout FieldChecks) {}
}

/// A string enum a request may name by its raw value; a problem lists the allowed values.
public protocol InputChoice: RawRepresentable, CaseIterable, Decodable, Sendable where RawValue == String {}

extension InputChoice {
    static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A record id sent in a body or a path: a positive whole number.
public struct RecordID: Hashable, Sendable, Decodable {
    public var value: Int64
    public init?(_ value: Int64) {
        guard value > 0 else { return nil }
        self.value = value
    }
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(Int64.self)
        guard raw > 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not positive"))
        }
        value = raw
    }
}

/// The rules an input checks once its shape is right; a field that already has a problem is not checked again.
public struct FieldChecks: Sendable {
    public private(set) var errors: [FieldError]
    public init(_ errors: [FieldError] = []) { self.errors = errors }

    /// Text under ``TextRule``: length, control characters, and not blank when `required`.
    public mutating func text(
        _ value: String?, _ field: String, maxLength: Int, multiLine: Bool = true, required: Bool = false
    ) {
        guard let value, !has(field) else { return }
        TextRule.check(
            value, field: field, maxLength: maxLength, multiLine: multiLine, required: required, into: &errors)
    }

    /// A whole number in `range`.
    public mutating func range<N: BinaryInteger>(_ value: N?, _ field: String, _ range: ClosedRange<N>) {
        guard let value, !range.contains(value), !has(field) else { return }
        fail(field, "out_of_range", "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    public mutating func fail(_ field: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: field, code: code, message: message))
    }

    public func has(_ field: String) -> Bool { errors.contains { $0.field == field } }
}
