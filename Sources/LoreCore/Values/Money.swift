/// Money is stored as an integer number of minor units (cents / fen) to avoid rounding drift.
public enum Money {
    /// Converts a decimal amount such as 1999.5 to minor units (199950), or nil when out of range.
    public static func minorUnits(_ amount: Double) -> Int64? {
        guard amount.isFinite, abs(amount) < 1e13 else { return nil }
        return Int64((amount * 100).rounded())
    }

    /// Parses text such as "1,999.50" or "¥1999.5" typed into a form.
    public static func parse(_ text: String) -> Int64? {
        let cleaned = text.filter { $0.isNumber || $0 == "." || $0 == "-" }
        guard !cleaned.isEmpty, let d = Double(cleaned) else { return nil }
        return minorUnits(d)
    }

    public static func amount(_ minor: Int64) -> Double { Double(minor) / 100 }

    /// "1,999.50": grouped with two decimals, for pages.
    public static func format(_ minor: Int64) -> String {
        let negative = minor < 0
        let m = minor.magnitude
        let whole = String(m / 100)
        let cents = m % 100
        var grouped = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
