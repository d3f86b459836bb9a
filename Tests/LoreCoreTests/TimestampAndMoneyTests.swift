import Testing

@testable import LoreCore

@Suite struct TimestampAndMoneyTests {
    @Test(arguments: [
        ("2026-11-23T09:30:00+08:00", "2026-11-23T01:30:00.000Z"), ("2026-11-23T01:30Z", "2026-11-23T01:30:00.000Z"),
        ("2024-02-29T23:59:59.5-05:00", "2024-03-01T04:59:59.500Z"), ("2026-01-01", "2026-01-01T00:00:00.000Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"),
    ])
    func timesNormaliseToUTC(input: String, expected: String) {
        #expect(Timestamp.normalize(input) == expected)
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "1899-12-31", "2201-01-01", "2026-1-1", "20260101", "2026-11-23T24:00",
        "2026-11-23T10:00+25:00",
        "2026-11-23T10:00Zjunk", "2026-02-29T10:00:00.000Z", "2026-11-23T10:60:00.000Z", "2026-11-23T1a:00:00.000Z",
        "+026-11-23T10:00:00.000Z",
    ])
    func impossibleTimesAreRefused(input: String) {
        #expect(Timestamp.normalize(input) == nil)
    }

    @Test func formattingRoundTrips() {
        for ms: Int64 in [0, 1_700_000_000_123, -86_400_000, 4_102_444_800_000] {
            #expect(Timestamp.parse(Timestamp.format(epochMilliseconds: ms)) == ms)
        }
        // The stored form takes a byte-level fast path: it must agree with the general parser everywhere.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let ms = Int64.random(in: -2_208_988_800_000...7_258_118_399_999, using: &rng)
            let text = Timestamp.format(epochMilliseconds: ms)
            #expect(Timestamp.parse(text) == ms)
            #expect(Timestamp.parse(text.replacingOccurrences(of: "Z", with: "+00:00")) == ms)
        }
    }

    @Test func htmlEscapingCatchesMarkupEvenWithCombiningMarks() {
        #expect(
            Markdown.escape("<a href=\"x\">Tom & 'Jerry'</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        // "<" followed by a combining mark is one Character; it must still be escaped.
        #expect(Markdown.escape("<\u{0338}script>退款") == "&lt;\u{0338}script&gt;退款")
        #expect(Markdown.escape("纯文本 plain") == "纯文本 plain")
    }

    @Test func moneyIsExactInMinorUnits() {
        #expect(Money.minorUnits(0.1 + 0.2) == .success(30))
        #expect(Money.minorUnits(0.07) == .success(7))
        #expect(Money.minorUnits(99_999_999_999.99) == .success(9_999_999_999_999))
        #expect(Money.parse("¥ 12,345.67") == .success(1_234_567))
        #expect(Money.parse("abc") == .failure(.notANumber))
        #expect(Money.format(123_456_789) == "1,234,567.89")
        #expect(Money.format(-5) == "-0.05")
        #expect(Money.minorUnits(.infinity) == .failure(.notANumber))
    }

    /// An amount is never silently rounded away or made negative: 0.001 was stored as 0 before.
    @Test func moneyRefusesFractionsOfACentNegativesAndHugeAmounts() {
        #expect(Money.minorUnits(0.001) == .failure(.subCent))
        #expect(Money.minorUnits(1999.995) == .failure(.subCent))
        #expect(Money.minorUnits(-5) == .failure(.negative))
        #expect(Money.parse("-12.50") == .failure(.negative))
        #expect(Money.minorUnits(1e13) == .failure(.tooLarge))
        // Large amounts keep their cents exact: a third decimal is refused there too (schemathesis found this one).
        #expect(Money.minorUnits(45_600_615_038.18975) == .failure(.subCent))
        #expect(Money.minorUnits(45_600_615_038.19) == .success(4_560_061_503_819))
        let schema = Catalog["opportunities"]
        for (amount, code) in [(0.001, "invalid_amount"), (-1.0, "out_of_range")] {
            #expect(throws: ValidationFailure.self) {
                try RecordValidator(schema: schema).validate(
                    ["name": .string("x"), "amount": .double(amount)], mode: .update)
            }
            do {
                _ = try RecordValidator(schema: schema).validate(["amount": .double(amount)], mode: .update)
            } catch {
                #expect(error.errors.map(\.code) == [code])
            }
        }
    }

    @Test func languageFollowsSettingThenHeader() {
        #expect(Language.negotiate(setting: nil, acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .zhHans)
        #expect(Language.negotiate(setting: nil, acceptLanguage: "fr-FR, en;q=0.5, zh;q=0.4") == .en)
        #expect(Language.negotiate(setting: "zh-Hans", acceptLanguage: "en") == .zhHans)
        #expect(Language.negotiate(setting: nil, acceptLanguage: "zh;q=0, en") == .en)
        #expect(Language.negotiate(setting: nil, acceptLanguage: nil) == .en)
    }

    @Test func everyEnglishStringHasAChineseTranslation() {
        let missing = Set(Strings.en.keys).subtracting(Strings.zh.keys).subtracting([
            "app_name", "lang_en", "lang_zh-Hans",
        ])
        #expect(missing.isEmpty, "untranslated: \(missing.sorted())")
        let unknown = Set(Strings.zh.keys).subtracting(Strings.en.keys)
        #expect(unknown.isEmpty, "Chinese keys without English: \(unknown.sorted())")
    }

    @Test func everyFieldAndChoiceHasALabel() {
        let t = Localizer(.zhHans)
        for schema in Catalog.all {
            #expect(t.entityLabel(schema.name) != "entity_\(schema.name)")
            for f in schema.fields {
                #expect(t.fieldLabel(f.name) != "field_\(f.name)", "\(schema.name).\(f.name)")
                if case .choice(let options) = f.kind {
                    for o in options
                    where !["CNY", "USD", "EUR", "HKD", "JPY"].contains(o) && !Catalog.companySizes.contains(o) {
                        #expect(Strings.zh["choice_\(o)"] != nil, "choice \(o)")
                    }
                }
            }
        }
    }
}

@Suite struct MoneyDisplayTests {
    @Test func amountsShowTheirCurrencySign() {
        #expect(Money.display(123_456) == "¥1,234.56")
        #expect(Money.display(-5_000, currency: "USD") == "-$50.00")
        #expect(Money.display(100, currency: "GBP") == "GBP 1.00")
    }
}
