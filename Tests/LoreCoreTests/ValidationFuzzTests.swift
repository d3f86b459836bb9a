import Foundation
import Testing

@testable import LoreCore

/// Property: every field of every schema answers any input — a value or a named error — and never traps. Inputs are
/// the edge values that broke or could break validation (blank strings once crashed e-mail, phone and URL fields)
/// mixed with random JSON of every type, through JSON and form validation, on create and update.
@Suite struct ValidationFuzzTests {
    /// Edge strings: empty, whitespace of several kinds, NUL and other controls, very long, replacement characters
    /// (what a lone surrogate decodes to), combining marks, right-to-left text, numbers that overflow, SQL and HTML.
    static let edgeStrings: [String] = [
        "", " ", "   ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}", "\u{200B}", "\u{0}", "a\u{0}b", "\u{1}\u{1F}",
        "\u{7F}",
        String(repeating: "x", count: 10_000), String(repeating: "退", count: 10_001), "\u{FFFD}", "\u{FFFD}\u{FFFD}x",
        "e\u{301}\u{301}\u{301}", "\u{202E}abc", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "1e308", "1e309", "-0", "NaN", "Infinity", "0x10", "1,000.005", "¥-1", "--1", "1..2", "@", "a@", "@b", "a@b.",
        "a@b.c", "http://", "https:// x", "javascript:alert(1)", "2026-02-30", "2026-13-01", "0000-01-01",
        "2026-12-07T25:00",
        "2026-12-07T10:00:00.1234567890Z", "2026-12-07T10:00:00+99:99", "'; DROP TABLE accounts; --",
        "<script>x</script>",
        "🙂", "👩‍👩‍👧‍👦", "true", "on", "null", "[]", "{}", "1, 2, x", ",,,", "-1", "0",
    ]

    static let edgeNumbers: [JSONValue] = [
        .int(0), .int(-1), .int(1), .int(Int64.max), .int(Int64.min), .double(0.001), .double(-0.0), .double(1e308),
        .double(-1e308), .double(Double.leastNonzeroMagnitude), .double(0.1 + 0.2), .double(99_999_999_999.995),
    ]

    static func randomValue(_ rng: inout SeededRandom, depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return .null
        case 1: return .bool(rng.chance(0.5))
        case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &rng))
        case 3: return .double(Double(bitPattern: rng.next()))
        case 4: return rng.pick(edgeNumbers)
        case 5: return .string(randomString(&rng))
        case 6:
            return depth > 2
                ? .null
                : .array((0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        case 7: return depth > 2 ? .null : .object(["x": randomValue(&rng, depth: depth + 1)])
        default: return .string(rng.pick(edgeStrings))
        }
    }

    /// Random scalars from every plane, including controls and the replacement character.
    static func randomString(_ rng: inout SeededRandom) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0..<40, using: &rng) {
            let ranges: [ClosedRange<UInt32>] = [
                0...0x7F, 0x80...0x7FF, 0x4E00...0x9FFF, 0xE000...0xFFFF, 0x1_0000...0x10_FFFF,
            ]
            if let scalar = Unicode.Scalar(UInt32.random(in: rng.pick(ranges), using: &rng)) { s.append(scalar) }
        }
        return String(s)
    }

    @Test func everyFieldOfEverySchemaAnswersEdgeValues() {
        var answered = 0
        for schema in Catalog.all {
            for field in schema.fields {
                let inputs =
                    Self.edgeStrings.map(JSONValue.string) + Self.edgeNumbers + [
                        .null, .bool(true), .array([]), .object([:]),
                    ]
                for value in inputs {
                    answered += Self.validateEveryWay(schema, [field.name: value])
                }
            }
        }
        #expect(answered > 10_000)
    }

    @Test func randomDocumentsAreAnsweredNeverTrapped() {
        var rng = SeededRandom(seed: 17)
        var refused = 0
        var accepted = 0
        for _ in 0..<4_000 {
            let schema = rng.pick(Catalog.all)
            var input: [String: JSONValue] = [:]
            for field in schema.fields where rng.chance(0.4) { input[field.name] = Self.randomValue(&rng) }
            if rng.chance(0.1) { input["x" + Self.randomString(&rng)] = Self.randomValue(&rng) }
            for mode in [RecordValidator.Mode.create, .update] {
                do {
                    _ = try RecordValidator(schema: schema).validate(input, mode: mode)
                    accepted += 1
                } catch {
                    // Every refusal names a field and says why.
                    #expect(
                        !error.errors.isEmpty && error.errors.allSatisfy { !$0.field.isEmpty && !$0.message.isEmpty })
                    refused += 1
                }
            }
        }
        #expect(refused > 0 && accepted > 0)
    }

    /// Blank e-mail, phone and URL values once trapped on a force unwrap; they clear the field, as blank text does.
    @Test(arguments: ["email", "phone", "mobile", "website"])
    func blankContactFieldsClearTheField(field: String) throws {
        let schema = Catalog.all.first { $0.field(field) != nil } ?? Catalog["contacts"]
        for blank in ["", " ", "\t ", "\u{3000}"] where blank.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            #expect(
                try RecordValidator(schema: schema).validate([field: .string(blank)], mode: .update) == [field: .null])
            #expect(
                try RecordValidator(schema: schema, fromForm: true).validate([field: .string(blank)], mode: .update)
                    == [field: .null])
        }
        #expect(UserInput.validateEmail("") != nil)
        #expect(UserInput.validateEmail("   ") != nil)
    }

    /// Runs one input through JSON and form validation in both modes; returns how many answers came back.
    static func validateEveryWay(_ schema: EntitySchema, _ input: [String: JSONValue]) -> Int {
        var n = 0
        for fromForm in [false, true] {
            for mode in [RecordValidator.Mode.create, .update] {
                _ = try? RecordValidator(schema: schema, fromForm: fromForm).validate(input, mode: mode)
                n += 1
            }
        }
        return n
    }
}
