import LoreCore

/// Reads the fields of a small JSON request body strictly, collecting every problem so the 422 names each bad field:
/// unknown fields, missing required ones, wrong types.
struct JSONFields {
    let object: [String: JSONValue]
    private(set) var errors: [FieldError] = []

    /// `allowed` lists the fields the route accepts; `hint` tells the caller what to send instead of an unknown one.
    init(_ object: [String: JSONValue], allowed: Set<String>, hint: String) {
        self.object = object
        for key in object.keys.sorted() where !allowed.contains(key) {
            errors.append(FieldError(field: key, code: "unknown_field", message: hint))
        }
    }

    /// A text field under ``TextRule`` (length, control characters; not blank when required). Null is refused unless
    /// the field is `nullable` (then it counts as absent), as the OpenAPI document says for each field.
    mutating func string(
        _ key: String, required: Bool = false, maxLength: Int = 100_000, multiLine: Bool = true, nullable: Bool = false
    ) -> String? {
        switch object[key] {
        case .none:
            if required { errors.append(FieldError(field: key, code: "required", message: "is required")) }
            return nil
        case .some(.null):
            if required || !nullable {
                errors.append(
                    FieldError(
                        field: key, code: required ? "required" : "invalid_type", message: "must be text, not null"))
            }
            return nil
        case .some(.string(let s)):
            TextRule.check(s, field: key, maxLength: maxLength, multiLine: multiLine, required: required, into: &errors)
            return s
        default:
            errors.append(FieldError(field: key, code: "invalid_type", message: "must be a string"))
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        if case .bool(let b) = object[key] { return b }
        errors.append(
            FieldError(
                field: key, code: object[key] == nil ? "required" : "invalid_type", message: "must be true or false"))
        return nil
    }

    /// A whole number in `range`, or `fallback` when absent.
    mutating func int(_ key: String, in range: ClosedRange<Int64>, default fallback: Int64) -> Int64 {
        guard let v = object[key] else { return fallback }
        if case .int(let i) = v, range.contains(i) { return i }
        errors.append(
            FieldError(
                field: key, code: "out_of_range",
                message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
        return fallback
    }

    /// A record id (a positive whole number); null counts as absent.
    @discardableResult mutating func id(_ key: String, required: Bool = false) -> Int64? {
        switch object[key] {
        case .none, .some(.null):
            if required { errors.append(FieldError(field: key, code: "required", message: "is required")) }
            return nil
        case .some(.int(let i)) where i > 0: return i
        default:
            errors.append(
                FieldError(field: key, code: "invalid_type", message: "must be a positive whole number (an id)"))
            return nil
        }
    }

    /// One of an enum's raw values, or `fallback` when absent.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, default fallback: T? = nil)
        -> T?
    where T.RawValue == String {
        guard let v = object[key], v != .null else { return fallback }
        if case .string(let s) = v, let c = T(rawValue: s) { return c }
        errors.append(
            FieldError(
                field: key, code: "invalid_choice",
                message: "must be one of " + T.allCases.map(\.rawValue).joined(separator: ", ")))
        return fallback
    }

    /// One of an enum's raw values, or `fallback` when absent. Null is refused: the field has a value whenever it is
    /// sent, and the OpenAPI document says it is not nullable.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, default fallback: T) -> T
    where T.RawValue == String {
        guard let v = object[key] else { return fallback }
        if case .string(let s) = v, let c = T(rawValue: s) { return c }
        errors.append(
            FieldError(
                field: key, code: "invalid_choice",
                message: "must be one of " + T.allCases.map(\.rawValue).joined(separator: ", ")))
        return fallback
    }

    /// An array of strings, or nil when absent.
    mutating func strings(_ key: String) -> [String]? {
        guard let v = object[key], v != .null else { return nil }
        if case .array(let items) = v, let out = Optional(items.compactMap(\.stringValue)), out.count == items.count {
            return out
        }
        errors.append(FieldError(field: key, code: "invalid_type", message: "must be an array of strings"))
        return nil
    }

    /// Records a problem found by the caller.
    mutating func fail(_ key: String, _ message: String, code: String = "invalid") {
        errors.append(FieldError(field: key, code: code, message: message))
    }

    /// A required field's value once ``check()`` has passed (a 422 naming it if it is still missing).
    func required<T>(_ value: T?, _ key: String) throws -> T {
        guard let value else {
            throw Problem.validation([FieldError(field: key, code: "required", message: "is required")])
        }
        return value
    }

    /// Throws the collected problems, if any.
    func check() throws {
        if !errors.isEmpty { throw Problem.validation(errors) }
    }
}
