import LoreCore

/// Shows stored UTC times in the browser's time zone (sent by the page script as the `lore_tz` cookie),
/// and reads `datetime-local` form values back in that zone.
enum TimeDisplay {
    static let offsetRange = -14 * 60...14 * 60

    /// `2026-11-23T01:30:00.000Z` at +480 → `2026-11-23 09:30`.
    static func short(_ utc: String, offset: Int) -> String {
        let local = inputValue(utc, offset: offset)
        return local.replacingOccurrences(of: "T", with: " ") + (offset == 0 ? " UTC" : "")
    }

    /// The value for an `<input type=datetime-local>`: `YYYY-MM-DDTHH:MM` in local time.
    static func inputValue(_ utc: String, offset: Int) -> String {
        guard let ms = Timestamp.parse(utc) else { return utc }
        return String(Timestamp.format(epochMilliseconds: ms + Int64(offset) * 60_000).prefix(16))
    }

    /// A zone-less form value (`2026-11-23T09:30`) with the browser's offset appended, ready for validation.
    static func withOffset(_ local: String, offset: Int) -> String {
        guard local.count == 16 || local.count == 19, !local.hasSuffix("Z"), !local.dropFirst(10).contains("+") else {
            return local
        }
        let sign = offset >= 0 ? "+" : "-"
        let m = abs(offset)
        let hh = m / 60 < 10 ? "0\(m / 60)" : "\(m / 60)"
        let mm = m % 60 < 10 ? "0\(m % 60)" : "\(m % 60)"
        return local + sign + hh + ":" + mm
    }

    static func label(_ offset: Int) -> String {
        guard offset != 0 else { return "UTC" }
        let h = abs(offset) / 60
        let m = abs(offset) % 60
        return "UTC" + (offset > 0 ? "+" : "-") + String(h) + (m == 0 ? "" : ":" + (m < 10 ? "0" : "") + String(m))
    }
}
