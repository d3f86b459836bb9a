/// Validation of the people-related inputs that are not generic records.
public enum UserInput {
    public static let minimumPasswordLength = 10

    public static func validateEmail(_ email: String) -> FieldError? {
        switch FieldCoercion.coerce(.string(email), to: .email, fromForm: false) {
        case .success(let v) where !v.isNull: return nil
        default: return FieldError(field: "email", code: "invalid_email", message: "is not an e-mail address")
        }
    }

    public static func validatePassword(_ password: String) -> FieldError? {
        guard password.count >= minimumPasswordLength else {
            return FieldError(
                field: "password", code: "too_short", message: "must be at least \(minimumPasswordLength) characters")
        }
        guard password.utf8.count <= 72 else {
            // bcrypt only reads the first 72 bytes; longer passwords would silently be truncated.
            return FieldError(field: "password", code: "too_long", message: "must be at most 72 bytes")
        }
        return nil
    }

    public static func validateName(_ name: String) -> FieldError? {
        switch FieldCoercion.coerce(.string(name), to: .text(maxLength: 120), fromForm: false) {
        case .success(let v) where !v.isNull: return nil
        case .failure(let p): return FieldError(field: "name", code: p.code, message: p.message)
        default: return FieldError(field: "name", code: "required", message: "is required")
        }
    }
}
