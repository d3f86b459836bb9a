import LoreCore
import Testing

/// The input decoder names every bad field at once, with the codes the API documents.
@Suite struct JSONValueDecoderTests {
    enum Colour: String, InputChoice { case red, blue }

    struct Limits: Decodable, Equatable {
        var firstResponseMinutes: Int
        var resolutionMinutes: Int
    }

    struct Sample: JSONInput, Equatable {
        var subject: String
        var accountID: RecordID?
        var colour: Colour?
        var teamID: RecordID??
        var tags: [String]?
        var productIDs: [RecordID]?
        var helpful: Bool?
        var ratio: Double?
        var sla: [String: Limits]?

        func validate(_ check: inout FieldChecks) {
            check.text(subject, "subject", maxLength: 5, multiLine: false, required: true)
        }
    }

    func decode(_ object: [String: JSONValue]) throws -> Sample {
        try JSONValueDecoder().decode(Sample.self, from: object)
    }

    func problems(_ object: [String: JSONValue]) -> [String: String] {
        do {
            _ = try decode(object)
            return [:]
        } catch let failure as ValidationFailure {
            return Dictionary(failure.errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        } catch {
            return ["?": "\(error)"]
        }
    }

    @Test func readsEveryKindOfField() throws {
        let s = try decode([
            "subject": "Hi", "account_id": .int(3), "colour": "blue", "team_id": .null, "tags": ["a", "b"],
            "product_ids": [.int(1), .int(2)], "helpful": true, "ratio": .int(1),
            "sla": ["urgent": ["first_response_minutes": .int(15), "resolution_minutes": .int(240)]],
        ])
        #expect(s.subject == "Hi")
        #expect(s.accountID?.value == 3)
        #expect(s.colour == .blue)
        #expect(s.teamID == .some(nil))
        #expect(s.tags == ["a", "b"])
        #expect(s.productIDs?.map(\.value) == [1, 2])
        #expect(s.helpful == true)
        #expect(s.ratio == 1)
        #expect(s.sla?["urgent"] == Limits(firstResponseMinutes: 15, resolutionMinutes: 240))
        let absent = try decode(["subject": "Hi"])
        #expect(absent.teamID == nil && absent.accountID == nil && absent.sla == nil)
        #expect(try decode(["subject": "Hi", "team_id": .int(4)]).teamID??.value == 4)
    }

    @Test func namesEveryBadFieldAtOnce() {
        let found = problems([
            "account_id": .int(0), "colour": "green", "tags": ["a", .int(1)], "helpful": "yes", "extra": .int(1),
            "product_ids": .null, "ratio": "x", "team_id": "x",
            "sla": ["urgent": ["first_response_minutes": "soon", "oops": .int(1)]],
        ])
        #expect(
            found == [
                "subject": "required", "account_id": "invalid_type", "colour": "invalid_choice",
                "tags": "invalid_type", "helpful": "invalid_type", "extra": "unknown_field",
                "product_ids": "invalid_type", "ratio": "invalid_type", "team_id": "invalid_type",
                "sla.urgent.first_response_minutes": "invalid_type", "sla.urgent.oops": "unknown_field",
                "sla.urgent.resolution_minutes": "required",
            ])
    }

    @Test func rulesRunBesideTheShapeAndSkipNamedFields() {
        #expect(
            problems(["subject": "too long here", "colour": "green"]) == [
                "subject": "too_long", "colour": "invalid_choice",
            ])
        #expect(problems(["subject": "   "]) == ["subject": "required"])
        #expect(problems(["subject": .null]) == ["subject": "required"])
        #expect(problems(["subject": .int(1)]) == ["subject": "invalid_type"])
    }

    @Test func unknownFieldsComeFirst() throws {
        do {
            _ = try decode(["zzz": .int(1), "colour": "green", "subject": "ok"])
            Issue.record("accepted")
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field) == ["zzz", "colour"])
            #expect(failure.errors.first?.message.contains("account_id") == true)
        }
    }

    @Test func fieldsListsWhatTheTypeAccepts() {
        let shape = JSONValueDecoder.shape(of: Sample.self)
        #expect(
            shape.fields == [
                "subject", "account_id", "colour", "team_id", "tags", "product_ids", "helpful", "ratio", "sla",
            ])
        #expect(shape.required == ["subject"])
        #expect(shape.nullable == ["team_id"])
    }
}

// Literals keep the request bodies above readable.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, b in b }))
    }
}
