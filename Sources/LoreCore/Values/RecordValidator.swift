/// Checks client input against an entity's schema and converts it to stored values.
/// JSON input is strict about types; form input (all strings) is converted by field kind.
public struct RecordValidator: Sendable {
    public enum Mode: Sendable {
        /// All required fields must be present.
        case create
        /// Only the given fields change (PATCH semantics).
        case update
    }

    /// Input fields every owned record accepts besides its schema fields.
    public static let ownedInputFields: Set<String> = ["owner_id"]

    public let schema: EntitySchema
    /// Accept strings for numbers, booleans and lists, as HTML forms send them.
    public let fromForm: Bool

    public init(schema: EntitySchema, fromForm: Bool = false) {
        self.schema = schema
        self.fromForm = fromForm
    }

    public func validate(_ input: [String: JSONValue], mode: Mode) throws(ValidationFailure) -> [String: FieldValue] {
        var errors: [FieldError] = []
        var out: [String: FieldValue] = [:]
        for (key, value) in input.sorted(by: { $0.key < $1.key }) where schema.field(key) == nil {
            if schema.owned && Self.ownedInputFields.contains(key) {
                let formID =
                    fromForm ? value.stringValue.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) } : nil
                switch value {
                case .int(let v) where v > 0: out[key] = .int(v)
                case .string where formID.map({ $0 > 0 }) ?? false: out[key] = formID.map(FieldValue.int)
                case .string(let s) where fromForm && s.trimmingCharacters(in: .whitespaces).isEmpty: break
                default: errors.append(FieldError(field: key, code: "invalid_type", message: "must be a user id"))
                }
                continue
            }
            errors.append(
                FieldError(field: key, code: "unknown_field", message: "is not a field of \(schema.typeName)"))
        }
        for field in schema.fields {
            guard let raw = input[field.name] else {
                if mode == .create && field.required && !field.readOnly {
                    errors.append(FieldError(field: field.name, code: "required", message: "is required"))
                }
                continue
            }
            if field.readOnly {
                if fromForm { continue }
                errors.append(
                    FieldError(field: field.name, code: "read_only", message: "is computed by Lore and cannot be set"))
                continue
            }
            switch FieldCoercion.coerce(raw, to: field.kind, fromForm: fromForm) {
            case .success(let value):
                if value.isNull && field.required {
                    errors.append(FieldError(field: field.name, code: "required", message: "is required"))
                } else {
                    out[field.name] = value
                }
            case .failure(let problem):
                errors.append(FieldError(field: field.name, code: problem.code, message: problem.message))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return out
    }
}
