import Foundation

/// Comma-separated values as spreadsheet programs read them (RFC 4180): fields with a comma, quote or line break are
/// quoted, quotes doubled, lines end in CRLF. A field (other than a number) that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a
/// leading apostrophe, so a value typed by a customer cannot run as a formula when the file is opened (OWASP "CSV
/// injection").
public enum CSV {
    /// The UTF-8 byte order mark: with it, Excel reads the file as UTF-8 (Chinese included) instead of the locale's
    /// code page.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var v = value
        // A plain number (a negative amount) stays a number.
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(v) == nil {
            v = "'" + v
        }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return v
        }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// An amount in minor units as a plain decimal a spreadsheet sums (`-1234.50`, no grouping).
    public static func amount(_ minor: Int64) -> String {
        let m = minor.magnitude
        return (minor < 0 ? "-" : "") + String(m / 100) + "." + (m % 100 < 10 ? "0" : "") + String(m % 100)
    }
}
