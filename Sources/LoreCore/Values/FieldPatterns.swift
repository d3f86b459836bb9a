import Foundation

/// The text rules of field validation written as regular expressions, for the OpenAPI document (so a client or a
/// fuzzer knows exactly what is accepted). `FieldCoercion` checks the same rules by hand, and `FieldPatternTests`
/// holds the two to agreement on edge strings. The syntax is the common subset of ECMA-262, Python's `re`, Rust's
/// `regex` and ICU: classes, `\s`/`\S` and `\xHH` escapes only.
public enum FieldPatterns {
    /// Control characters no text field takes: C0 (tab aside), DEL and C1.
    static let controlsSingleLine = #"\x00-\x08\x0A-\x1F\x7F-\x9F"#
    /// Multi-line text also takes line feed and carriage return.
    static let controlsMultiLine = #"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F"#
    /// White space a single-line field may hold (a blank value is stored as null).
    static let blank = #"[^\S\x0A-\x1F\x7F-\x9F]*"#

    public static func text(multiLine: Bool, required: Bool) -> String {
        let char = "[^" + (multiLine ? controlsMultiLine : controlsSingleLine) + "]"
        return required ? "^\(char)*[^\\s\(controlsSingleLine)]\(char)*$" : "^\(char)*$"
    }

    static let emailChar = #"[^@\s<>\x00-\x1F\x7F-\x9F]"#
    static let emailDomainEdge = #"[^@\s<>.\x00-\x1F\x7F-\x9F]"#
    static let emailAddress = "\(emailChar)+@\(emailDomainEdge)\(emailChar)*\\.\(emailChar)*\(emailDomainEdge)"
    /// One `@`, no white space or angle brackets, a dot inside the domain (or blank, which clears the field).
    public static let email = "^(\(blank)|\(emailAddress))$"
    /// An address that must be there (a user's sign-in name).
    public static let requiredEmail = "^\(emailAddress)$"

    static let phoneChar = #"[0-9+()\-. #/extEXT]"#
    /// Digits and the usual separators (`+86 (571) 8888-0000 ext. 12`), at least one digit.
    public static let phone = "^(\(blank)|\(phoneChar)*[0-9]\(phoneChar)*)$"

    /// An http or https address without white space (at least 9 characters, see ``FieldCoercion``).
    public static let url = #"^([^\S\x0A-\x1F\x7F-\x9F]*|[Hh][Tt][Tt][Pp][Ss]?://[^\s\x00-\x1F\x7F-\x9F]+)$"#

    /// `YYYY-MM-DD` in the years Lore accepts (the calendar itself is checked by the `date` format).
    public static let date = #"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#

    /// RFC 3339: seconds and a zone are required in JSON (forms may send `2026-11-23T09:30`).
    public static let dateTime =
        #"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$"#

    private static let dateTimeRegex = try? NSRegularExpression(pattern: dateTime)

    /// Whether `text` has the RFC 3339 shape ``dateTime`` describes.
    public static func isRFC3339(_ text: String) -> Bool {
        guard let regex = dateTimeRegex, text.utf8.count <= 40 else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
