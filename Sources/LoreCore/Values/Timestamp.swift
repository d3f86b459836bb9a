import Foundation

/// Dates and times as Lore stores them: text that sorts in time order on every engine.
/// Dates are `YYYY-MM-DD`; times are UTC `YYYY-MM-DDTHH:MM:SS.mmmZ`.
public enum Timestamp {
    /// Years Lore accepts; anything else is a typing error, not a real business date.
    public static let yearRange = 1900...2200

    public static func now() -> String { format(Date()) }

    /// Milliseconds since 1970 now, as ``parse(_:)`` would read ``now()``.
    public static func nowMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        return format(epochMilliseconds: ms)
    }

    public static func format(epochMilliseconds ms: Int64) -> String {
        let days = Int64((Double(ms) / 86_400_000).rounded(.down))
        let rest = ms - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let h = rest / 3_600_000
        let mi = (rest / 60_000) % 60
        let s = (rest / 1000) % 60
        let milli = rest % 1000
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(milli, 3))Z"
    }

    /// The date part (`YYYY-MM-DD`) of a day count since 1970-01-01.
    public static func date(fromDays days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Validates `YYYY-MM-DD` and returns days since 1970-01-01.
    public static func days(ofDate text: String) -> Int64? {
        // ASCII digits only: Int64("+9") would read a sign as a digit.
        guard text.utf8.count == 10, text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) }) else {
            return nil
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
            yearRange.contains(Int(y)), (1...12).contains(m), d >= 1, d <= daysInMonth(y, m)
        else { return nil }
        return daysFromCivil(y, m, d)
    }

    /// Parses ISO 8601 (`2026-11-23T09:30`, `...:05Z`, `...+08:00`, or a bare date) to epoch milliseconds.
    public static func parse(_ text: String) -> Int64? {
        // Most text parsed is Lore's own stored form; read it straight from the bytes (search ranks parse one per hit).
        var stored = text
        if let ms = stored.withUTF8(parseStored) { return ms }
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 10, let days = days(ofDate: t) { return days * 86_400_000 }
        let chars = Array(t.utf8)
        guard chars.count >= 16, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ") else { return nil }
        guard let days = days(ofDate: String(decoding: chars[0..<10], as: UTF8.self)) else { return nil }
        var i = 11
        func number(_ n: Int) -> Int64? {
            guard i + n <= chars.count else { return nil }
            var v: Int64 = 0
            for c in chars[i..<i + n] {
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < chars.count, chars[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard let h = number(2), expect(":"), let mi = number(2), h < 24, mi < 60 else { return nil }
        var s: Int64 = 0
        var ms: Int64 = 0
        if i < chars.count, chars[i] == UInt8(ascii: ":") {
            i += 1
            guard let sec = number(2), sec < 60 else { return nil }
            s = sec
            if i < chars.count, chars[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 }
                let digits = String(decoding: chars[start..<i], as: UTF8.self)
                guard !digits.isEmpty else { return nil }
                ms = Int64(String((digits + "00").prefix(3))) ?? 0
            }
        }
        var offset: Int64 = 0
        if i < chars.count {
            if chars[i] == UInt8(ascii: "Z") {
                i += 1
            } else if chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
                let sign: Int64 = chars[i] == UInt8(ascii: "+") ? 1 : -1
                i += 1
                guard let oh = number(2), oh < 15 else { return nil }
                _ = expect(":")
                guard let om = number(2), om < 60 else { return nil }
                offset = sign * (oh * 60 + om) * 60_000
            } else {
                return nil
            }
        }
        guard i == chars.count else { return nil }
        return days * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` exactly, else nil (the general parser then decides).
    static func parseStored(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E,
            b[23] == 0x5A
        else { return nil }
        func number(_ from: Int, _ length: Int) -> Int64? {
            var v: Int64 = 0
            for k in from..<(from + length) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                v = v * 10 + Int64(b[k] - 0x30)
            }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let h = number(11, 2),
            let mi = number(14, 2),
            let s = number(17, 2), let ms = number(20, 3), yearRange.contains(Int(y)), (1...12).contains(m), d >= 1,
            d <= daysInMonth(y, m), h < 24, mi < 60, s < 60
        else { return nil }
        return daysFromCivil(y, m, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms
    }

    /// Normalises any accepted ISO 8601 text to Lore's stored UTC form.
    public static func normalize(_ text: String) -> String? {
        parse(text).map { format(epochMilliseconds: $0) }
    }

    static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
