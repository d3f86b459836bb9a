/// Rules that involve more than one field of a record, checked on the merged record before it is stored.
public enum ConsistencyRules {
    /// Pairs of (start, end) date fields where the end may not precede the start.
    static let dateRanges: [String: [(String, String)]] = [
        "contracts": [("start_date", "end_date")],
        "price_lists": [("valid_from", "valid_to")],
    ]

    public static func check(entity: String, values: [String: FieldValue]) -> [FieldError] {
        var errors: [FieldError] = []
        for (start, end) in dateRanges[entity] ?? [] {
            if let s = values[start]?.string, let e = values[end]?.string, e < s {
                errors.append(FieldError(field: end, code: "invalid_range", message: "must not be before \(start)"))
            }
        }
        return errors
    }
}
