import Foundation
import Testing

@testable import LoreCore

/// `FieldPatterns` (what the OpenAPI document tells clients and fuzzers) and `FieldCoercion` (what the server does)
/// state the same rules: on every edge string, a value matches the pattern exactly when validation accepts it.
@Suite struct FieldPatternTests {
    static let samples: [String] =
        ValidationFuzzTests.edgeStrings + [
            "a@b.co", "A.B+tag@例子.中国", "a b@c.d", "a\t@b.co", "a@b.c.", "a@.bc", "a@@b.co", "<a@b.co>", "x@y",
            "x@y.z\u{85}",
            "+86 (571) 8888-0000 ext. 12", "12#3", "phone", "١٢٣", "http://x.org", "HTTPS://X.ORG/a?b=c", "http://a",
            "http://a b.org",
            "ftp://x.org/file", "https://例子.中国/路径", "line 1\nline 2", "tab\there", "cr\r", "\u{7F}del", "\u{9F}c1",
            "\u{A0}",
            "\u{2028}", "  padded  ", "2026-02-28", "2026-02-29", "2024-02-29", "1899-12-31", "2200-12-31",
            "2201-01-01", "2026-1-01",
            "2026-12-07T10:00:00Z", "2026-12-07T10:00:00.123+08:00", "2026-12-07T10:00", "2026-12-07 10:00:00Z",
            "2026-12-07t10:00:00z", "2026-12-07T24:00:00Z", "2026-12-07T10:00:00+15:00",
        ]

    /// A whole-string match. (ICU, like Python, lets `$` match before a final line break; ECMA-262 and Rust, which
    /// JSON Schema validators use, do not, so the match must cover the whole text.)
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        let whole = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: whole)?.range == whole
    }

    static func accepted(_ text: String, _ kind: FieldKind, required: Bool) -> Bool {
        switch FieldCoercion.coerce(.string(text), to: kind, fromForm: false) {
        case .success(let v): return !(required && v.isNull)
        case .failure: return false
        }
    }

    @Test(arguments: [
        (FieldKind.text(maxLength: 100_000), false, false), (.text(maxLength: 100_000), false, true),
        (.longText, true, false),
        (.longText, true, true),
    ])
    func textPatternsAgreeWithValidation(kind: FieldKind, multiLine: Bool, required: Bool) {
        let pattern = FieldPatterns.text(multiLine: multiLine, required: required)
        for s in Self.samples where s.unicodeScalars.count <= 100_000 {
            #expect(
                Self.matches(pattern, s) == Self.accepted(s, kind, required: required),
                "\(s.debugDescription.prefix(60))")
        }
    }

    @Test(arguments: [
        (FieldKind.email, FieldPatterns.email, 254), (.phone, FieldPatterns.phone, 40), (.url, FieldPatterns.url, 500),
        (.date, FieldPatterns.date, 10), (.dateTime, FieldPatterns.dateTime, 40),
    ])
    func formatPatternsAgreeWithValidation(kind: FieldKind, pattern: String, maxLength: Int) {
        for s in Self.samples where s.unicodeScalars.count <= maxLength {
            // The URL's minimum length (9) and the calendar (`format: date`) are stated beside the pattern.
            if case .url = kind, s.unicodeScalars.count < 9, !TextRule.isBlank(s) { continue }
            if case .date = kind, Self.matches(pattern, s), Timestamp.days(ofDate: s) == nil { continue }
            if case .dateTime = kind, Self.matches(pattern, s), Timestamp.parse(s) == nil { continue }
            #expect(
                Self.matches(pattern, s) == Self.accepted(s, kind, required: false),
                "\(kind): \(s.debugDescription.prefix(60))")
        }
    }
}
