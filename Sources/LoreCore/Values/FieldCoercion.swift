import Foundation

/// Converts one input value to the stored form of a field kind, or says why it cannot.
enum FieldCoercion {
    struct Problem: Error {
        var code: String
        var message: String
    }

    static func coerce(_ raw: JSONValue, to kind: FieldKind, fromForm: Bool) -> Result<FieldValue, Problem> {
        if raw == .null { return .success(.null) }
        if fromForm, case .string(let s) = raw, s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if case .referenceSet = kind { return .success(.ids([])) }
            if case .boolean = kind { return .success(.bool(false)) }
            return .success(.null)
        }
        switch kind {
        case .text(let maxLength):
            return text(raw, maxLength: maxLength, singleLine: true)
        case .longText:
            return text(raw, maxLength: 100_000, singleLine: false)
        case .email: return email(raw)
        case .phone: return phone(raw)
        case .url: return url(raw)
        case .choice(let options):
            guard case .string(let s) = raw else { return typeError("one of: \(options.joined(separator: ", "))") }
            guard options.contains(s) else {
                return .failure(
                    Problem(code: "invalid_choice", message: "must be one of: \(options.joined(separator: ", "))"))
            }
            return .success(.string(s))
        case .integer(let min, let max):
            guard let i = integer(raw, fromForm: fromForm) else { return typeError("a whole number") }
            guard i >= min && i <= max else {
                return .failure(Problem(code: "out_of_range", message: "must be between \(min) and \(max)"))
            }
            return .success(.int(i))
        case .reference:
            guard let i = integer(raw, fromForm: fromForm), i > 0 else { return typeError("a record id") }
            return .success(.int(i))
        case .money: return money(raw, fromForm: fromForm)
        case .decimal(let min, let max): return decimal(raw, fromForm: fromForm, min: min, max: max)
        case .boolean:
            switch raw {
            case .bool(let b): return .success(.bool(b))
            case .string(let s) where fromForm:
                return .success(.bool(["on", "true", "1", "yes"].contains(s.lowercased())))
            default: return typeError("true or false")
            }
        case .date:
            guard case .string(let s) = raw else { return typeError("a date (YYYY-MM-DD)") }
            guard Timestamp.days(ofDate: s) != nil else {
                return .failure(
                    Problem(code: "invalid_date", message: "must be a real date YYYY-MM-DD between 1900 and 2200"))
            }
            return .success(.string(s))
        case .dateTime: return dateTime(raw, fromForm: fromForm)
        case .referenceSet: return referenceSet(raw, fromForm: fromForm)
        }
    }

    private static func email(_ raw: JSONValue) -> Result<FieldValue, Problem> {
        return text(raw, maxLength: 254, singleLine: true).flatMap { v in
            // A blank value clears the field, like any other text.
            guard let s = v.string else { return .success(v) }
            let parts = s.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                !parts[1].hasSuffix("."),
                !s.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "<" || $0 == ">" })
            else { return .failure(Problem(code: "invalid_email", message: "is not an e-mail address")) }
            return .success(v)
        }
    }

    private static func phone(_ raw: JSONValue) -> Result<FieldValue, Problem> {
        return text(raw, maxLength: 40, singleLine: true).flatMap { v in
            guard let s = v.string else { return .success(v) }
            let allowed = Set("0123456789+-() .#/extEXT")
            guard s.allSatisfy({ allowed.contains($0) }), s.contains(where: \.isNumber) else {
                return .failure(Problem(code: "invalid_phone", message: "is not a phone number"))
            }
            return .success(v)
        }
    }

    private static func url(_ raw: JSONValue) -> Result<FieldValue, Problem> {
        return text(raw, maxLength: 500, singleLine: true).flatMap { v in
            guard let s = v.string?.lowercased() else { return .success(v) }
            guard s.hasPrefix("http://") || s.hasPrefix("https://"), s.unicodeScalars.count > 8,
                !s.unicodeScalars.contains(where: \.properties.isWhitespace)
            else {
                return .failure(Problem(code: "invalid_url", message: "must be an http(s) address"))
            }
            return .success(v)
        }
    }

    private static func money(_ raw: JSONValue, fromForm: Bool) -> Result<FieldValue, Problem> {
        let minor: Result<Int64, Money.Refusal>
        switch raw {
        case .int(let i): minor = Money.minorUnits(Double(i))
        case .double(let d): minor = Money.minorUnits(d)
        case .string(let s) where fromForm: minor = Money.parse(s)
        default: return typeError("an amount")
        }
        return minor.map(FieldValue.int).mapError { refusal in
            switch refusal {
            case .negative: Problem(code: "out_of_range", message: "must not be negative")
            case .tooLarge: Problem(code: "out_of_range", message: "must be at most 99999999999.99")
            case .subCent: Problem(code: "invalid_amount", message: "must have at most two decimal places")
            case .notANumber: Problem(code: "invalid_amount", message: "is not an amount")
            }
        }
    }

    private static func decimal(_ raw: JSONValue, fromForm: Bool, min: Double, max: Double) -> Result<
        FieldValue, Problem
    > {
        let d: Double?
        switch raw {
        case .int(let i): d = Double(i)
        case .double(let v): d = v
        case .string(let s) where fromForm: d = Double(s.trimmingCharacters(in: .whitespaces))
        default: return typeError("a number")
        }
        guard let d, d.isFinite, d >= min, d <= max else {
            return .failure(Problem(code: "out_of_range", message: "must be between \(min) and \(max)"))
        }
        return .success(.double(d))
    }

    private static func dateTime(_ raw: JSONValue, fromForm: Bool) -> Result<FieldValue, Problem> {
        guard case .string(let s) = raw else { return typeError("a date and time (ISO 8601)") }
        // JSON takes RFC 3339 (seconds and a zone), as the document says; forms send the browser's local form.
        guard fromForm || FieldPatterns.isRFC3339(s), let normalized = Timestamp.normalize(s) else {
            return .failure(Problem(code: "invalid_date", message: "must be an ISO 8601 time between 1900 and 2200"))
        }
        return .success(.string(normalized))
    }

    private static func referenceSet(_ raw: JSONValue, fromForm: Bool) -> Result<FieldValue, Problem> {
        var ids: [Int64] = []
        switch raw {
        case .array(let items):
            for item in items {
                guard case .int(let i) = item, i > 0 else { return typeError("a list of record ids") }
                ids.append(i)
            }
        case .string(let s) where fromForm:
            for part in s.split(whereSeparator: { $0 == "," || $0 == " " }) {
                guard let i = Int64(part), i > 0 else { return typeError("a list of record ids") }
                ids.append(i)
            }
        default: return typeError("a list of record ids")
        }
        return .success(.ids(Array(Set(ids)).sorted()))
    }

    private static func integer(_ raw: JSONValue, fromForm: Bool) -> Int64? {
        switch raw {
        case .int(let i): i
        case .string(let s) where fromForm: Int64(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    private static func typeError(_ expected: String) -> Result<FieldValue, Problem> {
        .failure(Problem(code: "invalid_type", message: "must be \(expected)"))
    }

    private static func text(_ raw: JSONValue, maxLength: Int, singleLine: Bool) -> Result<FieldValue, Problem> {
        guard case .string(let s) = raw else { return typeError("text") }
        // NUL and other control characters are never meaningful in CRM text, and PostgreSQL rejects NUL outright.
        if let p = TextRule.problem(s, maxLength: maxLength, multiLine: !singleLine) {
            return .failure(Problem(code: p.code, message: p.message))
        }
        if TextRule.isBlank(s) { return .success(.null) }
        return .success(.string(s))
    }
}
