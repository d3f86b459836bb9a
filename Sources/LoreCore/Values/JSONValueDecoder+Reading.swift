/// One run of ``JSONValueDecoder``: the problems found so far. A field with a problem gets a stand-in value so the
/// decoding goes on and every field is checked; the stand-ins are never returned (the problems are thrown).
final class InputReading {
    /// A required field with a problem and no stand-in (a nested struct): its problem is recorded, decoding stops.
    struct Abort: Error {}

    var errors: [FieldError] = []
    /// The top-level fields, in the order the type reads them.
    var askedAtTop: [String] = []

    func fail(_ path: [String], _ code: String, _ message: String) {
        errors.append(FieldError(field: path.joined(separator: "."), code: code, message: message))
    }

    /// Decodes `object` as a `T`, then names each field `T` did not read (first, as the request's own mistake).
    func decodeObject<T: Decodable>(_ type: T.Type, from object: [String: JSONValue], path: [String]) throws -> T {
        let asked = AskedFields()
        let start = errors.count
        let value = try T(from: InputDecoder(object: object, path: path, reading: self, asked: asked))
        if path.isEmpty { askedAtTop = asked.order }
        let unknown = object.keys.filter { !asked.names.contains($0) }.sorted()
        if !unknown.isEmpty {
            let hint =
                (T.self as? any JSONInput.Type)?.unknownFieldHint
                ?? "accepted: " + asked.order.sorted().joined(separator: ", ")
            let problems = unknown.map {
                FieldError(field: (path + [$0]).joined(separator: "."), code: "unknown_field", message: hint)
            }
            errors.insert(contentsOf: problems, at: start)
        }
        return value
    }

    /// A required field: absent or null is `required`; a wrong value is named by ``convert(_:_:_:)``.
    func required<T: Decodable>(_ type: T.Type, _ raw: JSONValue?, _ path: [String]) throws -> T {
        switch raw {
        case nil: fail(path, "required", "is required")
        case .null?: fail(path, "required", "must be \(Self.describe(T.self)), not null")
        case let v?: if let value = try convert(v, T.self, path) { return value }
        }
        if let standIn = (T.self as? any InputStandIn.Type)?.standIn as? T { return standIn }
        if let choice = T.self as? any InputChoice.Type, let first = Self.firstCase(choice) as? T { return first }
        throw Abort()
    }

    private static func firstCase<C: InputChoice>(_: C.Type) -> C? { C.allCases.first }

    /// An optional field: absent is nil; null is a problem unless `T` is itself optional (a nullable field).
    func optional<T: Decodable>(_ type: T.Type, _ raw: JSONValue?, _ path: [String]) throws -> T? {
        guard let raw else { return nil }
        if raw == .null {
            if let nullable = T.self as? any NullableInput.Type, let cleared = nullable.cleared as? T { return cleared }
            fail(path, "invalid_type", "must be \(Self.describe(T.self)), not null")
            return nil
        }
        return try convert(raw, T.self, path)
    }

    /// `v` as a `T`, or nil with the problem recorded.
    func convert<T: Decodable>(_ v: JSONValue, _ type: T.Type, _ path: [String]) throws -> T? {
        if let scalar = Self.scalar(v, T.self) { return scalar }
        if let nullable = T.self as? any NullableInput.Type { return try nullable.read(v, path, self) as? T }
        if let choice = T.self as? any InputChoice.Type { return readChoice(choice, v, path) as? T }
        if let list = T.self as? any InputList.Type { return try list.read(v, path, self) as? T }
        if Self.isScalar(T.self) {
            fail(path, "invalid_type", "must be \(Self.describe(T.self))")
            return nil
        }
        guard case .object(let o) = v else {
            fail(path, "invalid_type", "must be an object")
            return nil
        }
        return try decodeObject(T.self, from: o, path: path)
    }

    private func readChoice<C: InputChoice>(_: C.Type, _ v: JSONValue, _ path: [String]) -> C? {
        if case .string(let s) = v, let c = C(rawValue: s) { return c }
        fail(path, "invalid_choice", "must be one of: " + C.allowedValues)
        return nil
    }

    private static func scalar<T>(_ v: JSONValue, _: T.Type) -> T? {
        switch v {
        case .string(let s): return s as? T
        case .bool(let b): return b as? T
        case .int(let i):
            if T.self == Double.self { return Double(i) as? T }
            if T.self == Int.self { return Int(exactly: i) as? T }
            if T.self == RecordID.self { return RecordID(i) as? T }
            return i as? T
        case .double(let d): return d as? T
        default: return nil
        }
    }

    private static func isScalar<T>(_: T.Type) -> Bool {
        T.self == String.self || T.self == Bool.self || T.self == Int.self || T.self == Int64.self
            || T.self == Double.self || T.self == RecordID.self
    }

    /// What a field of type `T` must be, for a problem's message.
    static func describe<T>(_: T.Type) -> String {
        switch T.self {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is RecordID.Type: "a positive whole number (an id)"
        case let choice as any InputChoice.Type: "one of: " + choice.allowedValues
        case let list as any InputList.Type: "an array, each item " + list.itemDescription
        case let nullable as any NullableInput.Type: nullable.wrappedDescription
        default: "an object"
        }
    }
}

/// The fields one object's type asked for, in order.
final class AskedFields {
    private(set) var order: [String] = []
    private(set) var names: Set<String> = []

    func add(_ name: String) {
        if names.insert(name).inserted { order.append(name) }
    }
}

/// `U?` as a field type: null is a value (clear the field).
protocol NullableInput {
    static var cleared: Self { get }
    static var wrappedDescription: String { get }
    static func read(_ v: JSONValue, _ path: [String], _ reading: InputReading) throws -> Self?
}

extension Optional: NullableInput where Wrapped: Decodable {
    static var cleared: Self { nil }
    static var wrappedDescription: String { InputReading.describe(Wrapped.self) }
    static func read(_ v: JSONValue, _ path: [String], _ reading: InputReading) throws -> Self? {
        try reading.convert(v, Wrapped.self, path).map { .some($0) }
    }
}

/// An array field: at most 500 items, all of the item type, or one problem for the field.
protocol InputList {
    static var itemDescription: String { get }
    static func read(_ v: JSONValue, _ path: [String], _ reading: InputReading) throws -> Self?
}

extension Array: InputList where Element: Decodable {
    static var itemDescription: String { InputReading.describe(Element.self) }

    static func read(_ v: JSONValue, _ path: [String], _ reading: InputReading) throws -> Self? {
        let start = reading.errors.count
        guard case .array(let items) = v, items.count <= 500 else {
            reading.fail(path, "invalid_type", "must be an array of at most 500 items, each \(itemDescription)")
            return nil
        }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let value = try reading.convert(item, Element.self, path) else {
                reading.errors.removeSubrange(start...)
                reading.fail(path, "invalid_type", "must be an array, each item \(itemDescription)")
                return nil
            }
            out.append(value)
        }
        return out
    }
}

/// A value that stands in for a required field with a problem, so decoding goes on.
protocol InputStandIn { static var standIn: Self? { get } }
extension String: InputStandIn { static var standIn: Self? { "" } }
extension Bool: InputStandIn { static var standIn: Self? { false } }
extension Int: InputStandIn { static var standIn: Self? { 0 } }
extension Int64: InputStandIn { static var standIn: Self? { 0 } }
extension Double: InputStandIn { static var standIn: Self? { 0 } }
extension Array: InputStandIn { static var standIn: Self? { [] } }
extension Dictionary: InputStandIn { static var standIn: Self? { [:] } }
extension RecordID: InputStandIn { static var standIn: Self? { RecordID(1) } }
