import Foundation

/// Money is stored as an integer number of minor units (cents / fen) to avoid rounding drift.
public enum Money {
    /// The largest amount Lore stores: 99,999,999,999.99 (well inside a double's exact cents and a BIGINT).
    public static let maximum = 99_999_999_999.99

    /// Why an amount was refused.
    public enum Refusal: Error, Equatable {
        case negative, tooLarge, subCent, notANumber
    }

    /// Converts a decimal amount such as 1999.5 to minor units (199950). Amounts are never negative, at most
    /// ``maximum``, and in whole cents: 0.001 is refused rather than silently stored as 0.
    public static func minorUnits(_ amount: Double) -> Result<Int64, Refusal> {
        guard amount.isFinite else { return .failure(.notANumber) }
        guard amount >= 0 else { return .failure(.negative) }
        guard amount <= maximum else { return .failure(.tooLarge) }
        let cents = amount * 100
        // Binary fractions make 0.07 × 100 = 7.000000000000001: a few units in the last place off a whole number of
        // cents. A real third decimal (45600615038.18975) is off by far more, even at the largest amounts.
        guard abs(cents - cents.rounded()) <= 4 * cents.ulp else { return .failure(.subCent) }
        return .success(Int64(cents.rounded()))
    }

    /// Parses text such as "1,999.50" or "¥1999.5" typed into a form.
    public static func parse(_ text: String) -> Result<Int64, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let cleaned = trimmed.filter { $0.isNumber || $0 == "." || $0 == "-" }
        guard !cleaned.isEmpty, cleaned.allSatisfy(\.isASCII), let d = Double(cleaned) else {
            return .failure(.notANumber)
        }
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

    static let signs = ["CNY": "¥", "USD": "$", "EUR": "€", "HKD": "HK$", "JPY": "JP¥"]

    /// An amount as people read it on a page: the currency's sign before the grouped figure (`¥1,234.00`). Lore keeps
    /// amounts in one currency, the company's (yuan unless told otherwise); a price list states its own.
    public static func display(_ minor: Int64, currency: String = "CNY") -> String {
        let sign = signs[currency] ?? currency + " "
        let figure = format(minor)
        return figure.hasPrefix("-") ? "-" + sign + figure.dropFirst() : sign + figure
    }
}
