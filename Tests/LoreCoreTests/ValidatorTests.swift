import Testing

@testable import LoreCore

@Suite struct ValidatorTests {
    let accounts = Catalog["accounts"]

    @Test func requiredFieldsAndUnknownFieldsAreNamed() throws {
        #expect(
            throws: ValidationFailure([
                FieldError(field: "colour", code: "unknown_field", message: "is not a field of Account"),
                FieldError(field: "name", code: "required", message: "is required"),
                FieldError(field: "kind", code: "required", message: "is required"),
            ])
        ) {
            try RecordValidator(schema: accounts).validate(["colour": .string("red")], mode: .create)
        }
        #expect(
            try RecordValidator(schema: accounts).validate(["industry": .string("能源")], mode: .update) == [
                "industry": .string("能源")
            ])
    }

    @Test func jsonIsStrictAboutTypesButFormsAreNot() throws {
        let contracts = Catalog["contracts"]
        #expect(throws: ValidationFailure.self) {
            try RecordValidator(schema: contracts).validate(["value": .string("12")], mode: .update)
        }
        let form = try RecordValidator(schema: contracts, fromForm: true).validate(
            ["value": .string("¥1,234.50"), "terms": .string("  ")], mode: .update)
        #expect(form == ["value": .int(123_450), "terms": .null])
    }

    @Test func textIsKeptVerbatimButControlCharactersAreRefused() throws {
        let name = "  O'Brien <b>&amp;</b> 张三  "
        #expect(
            try RecordValidator(schema: accounts).validate(["name": .string(name)], mode: .update) == [
                "name": .string(name)
            ])
        #expect(throws: ValidationFailure.self) {
            try RecordValidator(schema: accounts).validate(["name": .string("a\u{0}b")], mode: .update)
        }
        #expect(throws: ValidationFailure.self) {
            try RecordValidator(schema: accounts).validate(["name": .string("a\nb")], mode: .update)
        }
        #expect(
            try RecordValidator(schema: accounts).validate(
                ["description": .string("line 1\nline 2\ttab")], mode: .update
            ).count == 1)
    }

    @Test(arguments: ["a@b", "a b@c.d", "@example.com", "x@.com", "x@example."])
    func badEmailsAreRefused(email: String) {
        #expect(throws: ValidationFailure.self) {
            try RecordValidator(schema: accounts).validate(["email": .string(email)], mode: .update)
        }
    }

    @Test func referenceSetsAreDeduplicatedAndSorted() throws {
        let v = try RecordValidator(schema: Catalog["opportunities"]).validate(
            ["competitor_ids": .array([.int(3), .int(1), .int(3)])], mode: .update)
        #expect(v == ["competitor_ids": .ids([1, 3])])
    }

    @Test func dateRangesAreChecked() {
        #expect(
            ConsistencyRules.check(
                entity: "contracts", values: ["start_date": .string("2026-05-01"), "end_date": .string("2026-04-30")]
            ).map(\.field)
                == ["end_date"])
        #expect(
            ConsistencyRules.check(
                entity: "contracts", values: ["start_date": .string("2026-05-01"), "end_date": .string("2026-05-01")]
            ).isEmpty)
    }

    @Test func passwordsNeedLengthWithinBcryptsLimit() {
        #expect(UserInput.validatePassword("short")?.code == "too_short")
        #expect(UserInput.validatePassword(String(repeating: "密", count: 30))?.code == "too_long")
        #expect(UserInput.validatePassword("a decent passphrase") == nil)
    }
}
