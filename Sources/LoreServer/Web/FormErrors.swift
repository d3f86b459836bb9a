import LoreCore
import LoreStore

/// What form pages share: turning a failed save into a message per field, and reading a record id
/// typed into a reference search box.
enum FormErrors {
    /// Translated messages by field for validation and reference errors; nil for any other error.
    static func messages(_ error: any Error, t: Localizer) -> [String: String]? {
        let fieldErrors: [FieldError]
        switch error {
        case let v as ValidationFailure: fieldErrors = v.errors
        case StoreError.invalid(let v): fieldErrors = v.errors
        default: return nil
        }
        return Dictionary(fieldErrors.map { ($0.field, t("err_\($0.code)")) }, uniquingKeysWith: { first, _ in first })
    }

    /// "Name (#12)" from the search box becomes "12"; anything else is returned as typed.
    static func referenceID(_ typed: String) -> String {
        guard let hash = typed.lastIndex(of: "#") else { return typed }
        return String(typed[typed.index(after: hash)...].prefix { $0.isNumber })
    }
}
