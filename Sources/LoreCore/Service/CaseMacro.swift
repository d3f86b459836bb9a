import Foundation

/// A canned reply that service managers keep for their department (or for everyone), with placeholders filled from
/// the case it is used on: `{customer}`, `{contact}`, `{case}` (the reference), `{subject}`, `{agent}`.
public struct CaseMacro: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var body: String
    /// nil: every department's agents may use it.
    public var departmentID: Int64?
    public var updatedAt: String

    public init(id: Int64, title: String, body: String, departmentID: Int64?, updatedAt: String) {
        (self.id, self.title, self.body, self.departmentID, self.updatedAt) = (id, title, body, departmentID, updatedAt)
    }

    public static let maximumTitleLength = 120
    public static let maximumBodyLength = 10_000
    public static let placeholders = ["customer", "contact", "case", "subject", "agent"]

    /// The body with each known `{placeholder}` replaced; an unknown one stays as typed, so a typo shows.
    /// One pass over the body, so a filled-in value that itself reads like a placeholder (a customer named
    /// "{agent}") stays as it is.
    public func filled(_ values: [String: String]) -> String {
        var out = ""
        var rest = body[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                case let name = String(rest[afterOpen..<close]), Self.placeholders.contains(name)
            {
                out += values[name] ?? ""
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    /// The rules a macro's title and body follow (a 422 names each field).
    public static func problems(title: String, body: String) -> [FieldError] {
        var errors: [FieldError] = []
        TextRule.check(
            title, field: "title", maxLength: maximumTitleLength, multiLine: false, required: true, into: &errors)
        TextRule.check(
            body, field: "body", maxLength: maximumBodyLength, multiLine: true, required: true, into: &errors)
        return errors
    }
}
