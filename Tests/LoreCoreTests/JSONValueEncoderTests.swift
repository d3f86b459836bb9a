import LoreCore
import Testing

/// Lore's API writes typed responses through JSONValueEncoder: snake_case names, null for an absent optional,
/// raw values for enums, nested objects and arrays.
@Suite struct JSONValueEncoderTests {
    struct Inner: Encodable {
        var firstResponseDue: String
        var pausedAt: String?
    }

    struct Sample: Encodable {
        var id: Int64
        var accountID: Int64?
        var contactID: Int64?
        var channel: CaseChannel
        var tier: Int
        var score: Double
        var breached: Bool
        var sla: Inner
        var tags: [String]
        var extra: JSONValue
    }

    @Test func namesNullsEnumsNestingAndArrays() throws {
        let value = Sample(
            id: 7, accountID: 3, contactID: nil, channel: .email, tier: 2, score: 0.5, breached: true,
            sla: Inner(firstResponseDue: "2026-12-07T00:00:00.000Z", pausedAt: nil), tags: ["a", "b"],
            extra: .object(["k": .int(1)]))
        let json = try JSONValueEncoder().encode(value)
        #expect(
            json
                == .object([
                    "id": .int(7), "account_id": .int(3), "contact_id": .null, "channel": .string("email"),
                    "tier": .int(2),
                    "score": .double(0.5), "breached": .bool(true),
                    "sla": .object(["first_response_due": .string("2026-12-07T00:00:00.000Z"), "paused_at": .null]),
                    "tags": .array([.string("a"), .string("b")]), "extra": .object(["k": .int(1)]),
                ]))
    }

    @Test func topLevelDictionaryKeysAreKeptToo() throws {
        #expect(try JSONValueEncoder().encode(["caseID": 1]) == .object(["caseID": .int(1)]))
    }

    @Test func dictionaryKeysAreKeptAsTheyAre() throws {
        struct Settings: Encodable { var sla: [String: Int] }
        #expect(
            try JSONValueEncoder().encode(Settings(sla: ["firstResponse": 1]))
                == .object(["sla": .object(["firstResponse": .int(1)])]))
    }

    @Test func everyNumberWidth() throws {
        struct Numbers: Encodable {
            var a: Int32
            var b: UInt8
            var c: Float
            var d: [Int16]
            var e: UInt64
        }
        let json = try JSONValueEncoder().encode(Numbers(a: -3, b: 200, c: 0.5, d: [1, 2], e: .max))
        #expect(
            json
                == .object([
                    "a": .int(-3), "b": .int(200), "c": .double(0.5), "d": .array([.int(1), .int(2)]),
                    "e": .double(Double(UInt64.max)),
                ]))
    }

    @Test func snakeCaseNames() {
        for (name, snake) in [
            ("accountID", "account_id"), ("csatLink", "csat_link"), ("URLPath", "url_path"), ("id", "id"),
            ("tier2Due", "tier2_due"),
        ] {
            #expect(JSONValueEncoder.snakeCase(name) == snake, "\(name)")
        }
    }
}
