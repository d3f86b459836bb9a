/// The one rule for free text everywhere Lore takes it — record fields, case subjects, article titles, comments:
/// at most `maxLength` Unicode scalars (as JSON Schema counts), no control characters but tab (and line breaks in
/// multi-line text). ``FieldPatterns`` states the same rule as a regular expression for the OpenAPI document.
public enum TextRule {
    /// Why `text` is not acceptable as it is, or nil. Blankness is the caller's concern (a blank optional value is
    /// stored as nothing; a blank required one is "required").
    public static func problem(_ text: String, maxLength: Int, multiLine: Bool) -> (code: String, message: String)? {
        if text.unicodeScalars.count > maxLength { return ("too_long", "must be at most \(maxLength) characters") }
        if text.unicodeScalars.contains(where: { !allowed($0, multiLine: multiLine) }) {
            return ("control_characters", "must not contain control characters")
        }
        return nil
    }

    static func allowed(_ scalar: Unicode.Scalar, multiLine: Bool) -> Bool {
        let v = scalar.value
        guard v < 0x20 || (0x7F...0x9F).contains(v) else { return true }
        return scalar == "\t" || (multiLine && (scalar == "\n" || scalar == "\r"))
    }

    /// Nothing but white space as Unicode defines it (`White_Space`), as the regular expression engines that read
    /// ``FieldPatterns`` do; Foundation's set also counts U+200B, a zero-width space, which those engines do not.
    public static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }

    /// Text from outside (an e-mail) made acceptable: refused characters dropped (line breaks become spaces in
    /// single-line text) and cut to `maxLength` scalars.
    public static func sanitized(_ text: String, maxLength: Int, multiLine: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if allowed(s, multiLine: multiLine) {
                scalars.append(s)
            } else if !multiLine && (s == "\n" || s == "\r") {
                scalars.append(" ")
            }
            if scalars.count == maxLength { break }
        }
        return String(scalars)
    }

    /// Checks a text field of a request and appends its problems: too long, control characters, or blank when
    /// required.
    public static func check(
        _ text: String, field: String, maxLength: Int, multiLine: Bool, required: Bool, into errors: inout [FieldError]
    ) {
        if let p = problem(text, maxLength: maxLength, multiLine: multiLine) {
            errors.append(FieldError(field: field, code: p.code, message: p.message))
        } else if required && isBlank(text) {
            errors.append(FieldError(field: field, code: "required", message: "is required"))
        }
    }
}
