import Testing

@testable import LoreCore

@Suite struct TextAnalyzerTests {
    let analyzer = TextAnalyzer()

    @Test func chineseIsIndexedAsCharactersAndBigrams() {
        #expect(analyzer.tokens("退款流程", mode: .index) == ["退", "款", "流", "程", "退款", "款流", "流程"])
        #expect(analyzer.tokens("退款", mode: .query) == ["退款"])
        #expect(analyzer.tokens("退", mode: .query) == ["退"])
        // A two-character query is found inside a longer phrase.
        let doc = Set(analyzer.tokens("如何申请退款？发票怎么开", mode: .index))
        #expect(doc.isSuperset(of: analyzer.tokens("退款", mode: .query)))
        #expect(doc.isSuperset(of: analyzer.tokens("发票", mode: .query)))
        #expect(!doc.contains("款发"))  // punctuation breaks a run
    }

    @Test func englishIsFoldedAndStemmed() {
        #expect(
            analyzer.tokens("Refunds were REFUNDED while refunding", mode: .index) == [
                "refund", "were", "refund", "while", "refund",
            ])
        #expect(analyzer.tokens("Café résumé naïve", mode: .index) == ["cafe", "resume", "naive"])
        #expect(analyzer.tokens("invoices stopped processes", mode: .query) == ["invoice", "stop", "process"])
        #expect(analyzer.tokens("status business is", mode: .query) == ["status", "business", "is"])
    }

    @Test func codesStayWhole() {
        #expect(analyzer.tokens("HY-G300", mode: .query) == ["hy-g300"])
        #expect(analyzer.tokens("HY-G300", mode: .index) == ["hy-g300", "hy", "g300"])
        #expect(analyzer.tokens("E1024 switch", mode: .index) == ["e1024", "switch"])
        #expect(analyzer.tokens("firmware v2.1.", mode: .query) == ["firmware", "v2.1"])
    }

    @Test func mixedLanguageTextSplitsAtScriptBoundaries() {
        #expect(analyzer.tokens("HY-G300网关VPN配置", mode: .query) == ["hy-g300", "网关", "vpn", "配置"])
    }

    @Test(arguments: [
        "\"quoted\"", "a*", "-not", "x^2", "(group)", "NEAR", "a AND b OR c", "title:x", "", "   ", "\u{0}\u{1}",
    ])
    func searchSyntaxIsJustText(query: String) {
        for token in analyzer.tokens(query, mode: .query) {
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }, "\(token)")
        }
    }

    @Test func hugeInputIsBounded() {
        let tokens = analyzer.tokens(String(repeating: "a", count: 10_000), mode: .index)
        #expect(tokens == [String(repeating: "a", count: TextAnalyzer.maximumTokenLength)])
    }
}
