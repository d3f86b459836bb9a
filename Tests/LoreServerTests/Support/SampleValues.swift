import LoreCore

/// Valid JSON input for any entity, referring to records already made (`refs`: entity → id).
enum SampleValues {
    static func input(_ schema: EntitySchema, n: Int, refs: [String: Int64]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for f in schema.fields where !f.readOnly {
            let value: JSONValue?
            switch f.kind {
            case .text(let max): value = .string(String("样例 Sample \(f.name) \(n)".prefix(max)))
            case .longText: value = .string("多行\n说明 <b>bold</b> & 'quotes' \(n)")
            case .email: value = .string("sample\(n)@example.com")
            case .phone: value = .string("+86 571 8888-\(1000 + n)")
            case .url: value = .string("https://example.com/\(n)")
            case .choice(let options): value = .string(options[0])
            case .integer(let min, let max): value = .int(Swift.max(min, Swift.min(max, 10)))
            case .money: value = .double(1234.5)
            case .decimal(let min, _): value = .double(min + 5.5)
            case .boolean: value = .bool(true)
            case .date: value = .string(f.name.contains("end") || f.name.contains("_to") ? "2026-12-31" : "2026-01-15")
            case .dateTime: value = .string("2026-01-15T09:30:00+08:00")
            case .reference(let e): value = e == schema.name ? nil : refs[e].map(JSONValue.int)
            case .referenceSet(let e): value = refs[e].map { .array([.int($0)]) }
            }
            if let value { out[f.name] = value }
        }
        return out
    }
}
