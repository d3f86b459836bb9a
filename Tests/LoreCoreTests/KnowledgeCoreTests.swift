import Testing

@testable import LoreCore

@Suite struct KnowledgeCoreTests {
    @Test func markdownIsRenderedSafely() {
        let html = Markdown.html(
            """
            # Title <b>x</b>
            Text with **bold**, *em*, `<code>` and [a link](https://example.com "t").
            <script>alert(1)</script>
            [bad](javascript:alert(1)) [data](data:text/html,x) [rel](/kb?q=1) <https://lore.example>

            - one
            - two

            | a | b |
            |---|---|
            | 1 | <img src=x onerror=alert(1)> |

            ```html
            <script>x</script>
            ```
            """)
        #expect(html.contains("<h1>Title &lt;b&gt;x&lt;/b&gt;</h1>"))
        #expect(
            html.contains("<strong>bold</strong>") && html.contains("<em>em</em>")
                && html.contains("<code>&lt;code&gt;</code>"))
        #expect(html.contains("<a href=\"https://example.com\" rel=\"nofollow noopener\">a link</a>"))
        #expect(
            !html.contains("<script>") && !html.contains("<img") && !html.contains("javascript:")
                && !html.contains("data:text"))
        #expect(
            html.contains("<a href=\"/kb?q=1\"") && html.contains("<ul>\n<li>one</li>") && html.contains("<td>1</td>"))
        #expect(html.contains("<pre><code class=\"language-html\">&lt;script&gt;x&lt;/script&gt;</code></pre>"))
    }

    @Test func diffsByWordForEnglishAndByCharacterForChinese() {
        let en = TextDiff.diff("Refunds take five days.", "Refunds take three business days.")
        #expect(en.contains(TextDiff.Piece(op: .removed, text: "five")))
        #expect(en.contains(TextDiff.Piece(op: .added, text: "three business")))
        let zh = TextDiff.diff("三天到账", "五天到账")
        #expect(zh == [.init(op: .removed, text: "三"), .init(op: .added, text: "五"), .init(op: .same, text: "天到账")])
        // The pieces re-assemble both texts.
        let d = TextDiff.diff("a b c", "a x c d")
        #expect(d.filter { $0.op != .added }.map(\.text).joined() == "a b c")
        #expect(d.filter { $0.op != .removed }.map(\.text).joined() == "a x c d")
    }

    @Test func snippetsMarkWhatMatched() {
        let parts = Snippet.make(text: "客户可以申请退款。Refunds for HY-G300 take days.", query: ["退款", "refund", "hy-g300"])
        let html = Snippet.html(parts)
        #expect(
            html.contains("<mark>退款</mark>") && html.contains("<mark>Refunds</mark>")
                && html.contains("<mark>HY-G300</mark>"))
    }

    /// Snippets skip analysing words that do not start like a wanted token; that is only safe while stemming keeps
    /// every letter of a word but the last of what it keeps.
    @Test func snippetsFindEveryStemmedFormOfAWord() {
        let words = [
            "studies", "created", "creating", "stopped", "relational", "organization", "refunds", "refunded",
            "refunding",
            "assemblies", "flies", "hopefulness", "payments", "quickly", "boxes", "classes", "runs", "failed", "E1024",
            "hy-g300",
        ]
        let analyzer = TextAnalyzer()
        for word in words {
            let tokens = analyzer.tokens(word, mode: .query)
            let html = Snippet.html(Snippet.make(text: "the \(word) here", query: tokens))
            #expect(html.contains("<mark>\(word)</mark>"), "\(word) → \(tokens)")
        }
    }

    /// Snippets skip the Unicode property lookup for common punctuation and stem plain words without the analyser:
    /// both shortcuts must agree with the slow path they replace.
    @Test func snippetShortcutsAgreeWithTheSlowPath() {
        for range in [0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3011, 0xFF01...0xFF0F, 0xFF1A...0xFF20] {
            for v in range {
                guard let s = Unicode.Scalar(UInt32(v)) else { continue }
                let p = s.properties
                #expect(
                    !Snippet.isWordScalar(s)
                        && !(p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark), "\(v)")
            }
        }
        let analyzer = TextAnalyzer()
        for word in ["Refunds", "STOPPED", "studies", "a", "Zz", "organization", "classes", "Hopefulness"] {
            let wanted = Set(analyzer.tokens(word, mode: .index))
            #expect(Snippet.matches(ArraySlice(word.unicodeScalars), wanted: wanted, analyzer: analyzer), "\(word)")
            #expect(!Snippet.matches(ArraySlice(word.unicodeScalars), wanted: ["other"], analyzer: analyzer))
        }
        // Across Chinese punctuation, between a code and a word: hits and the text around them survive unchanged.
        let parts = Snippet.make(text: "“退款”——请在HY-G300上，Refunds…", query: ["退款", "hy-g300", "refund"])
        #expect(Snippet.plain(parts) == "“退款”——请在HY-G300上，Refunds…")
        #expect(parts.filter(\.hit).map(\.text) == ["退款", "HY-G300", "Refunds"])
    }

    @Test func frontMatterRoundTripsAndNamesProblems() throws {
        let a = Article(
            id: 1, type: .faq, title: "退款: 说明, \"引号\"", body: "Body\n---\nmore", language: .zh, tags: ["a", "b c"],
            audience: Audience(kind: .segments, tiers: ["gold"]), createdAt: "2026-01-01T00:00:00.000Z",
            updatedAt: "2026-01-01T00:00:00.000Z")
        let doc = try ArticleDocument.fromMarkdown(ArticleDocument.toMarkdown(a))
        #expect(
            doc.input.title == a.title && doc.input.body == a.body && doc.input.tags == a.tags
                && doc.input.audience == a.audience)
        #expect(throws: FrontMatter.ParseError.self) { try ArticleDocument.fromMarkdown("no front matter") }
        #expect(throws: FrontMatter.ParseError.self) { try ArticleDocument.fromMarkdown("---\ntitle: x\n") }
        do {
            _ = try ArticleDocument.fromMarkdown("---\ntitle: x\ntype: memo\ncolour: red\n---\nbody")
            Issue.record("expected an error")
        } catch let e as FrontMatter.ParseError {
            #expect(e.message.contains("colour") && e.message.contains("type") && e.message.contains("language"))
        }
    }

    @Test func freshnessDecaysAndFeedbackPullsItDown() {
        let new = KnowledgeScores.freshness(daysSinceVerified: 0, verifyDays: 180, helpful: 0, unhelpful: 0)
        let half = KnowledgeScores.freshness(daysSinceVerified: 180, verifyDays: 180, helpful: 0, unhelpful: 0)
        let disliked = KnowledgeScores.freshness(daysSinceVerified: 0, verifyDays: 180, helpful: 0, unhelpful: 10)
        #expect(new == 1 && abs(half - 0.5) < 1e-9 && disliked < 0.6)
        #expect(
            KnowledgeScores.quality(helpful: 10, unhelpful: 0, solvedCount: 5, views: 0)
                > KnowledgeScores.quality(helpful: 0, unhelpful: 0, solvedCount: 0, views: 0))
        #expect(
            KnowledgeScores.rank(relevance: 1, freshness: 0, quality: 0)
                > KnowledgeScores.rank(relevance: 0.5, freshness: 1, quality: 1))
    }

    @Test func audiencesAdmitTheRightReaders() {
        let gold = Audience(kind: .segments, tiers: ["gold"], industries: ["Retail"])
        #expect(
            gold.admits(.staff) && gold.admits(.customer(tier: "gold", industry: nil))
                && gold.admits(.customer(tier: nil, industry: "Retail")))
        #expect(
            !gold.admits(.customer(tier: "silver", industry: "Energy"))
                && !Audience(kind: .internal).admits(.customer(tier: "gold", industry: nil)))
    }
}

/// Link targets with parentheses were cut at the first `)`.
@Suite struct MarkdownLinkTests {
    @Test(arguments: [
        (
            "[Swift](https://en.wikipedia.org/wiki/Swift_(programming_language))",
            "https://en.wikipedia.org/wiki/Swift_(programming_language)"
        ),
        ("[a](<https://x.org/a(b>)", "https://x.org/a(b"),
        ("[a](https://x.org/a\\)b)", "https://x.org/a)b"),
        ("[a](https://x.org/p \"Title (1)\")", "https://x.org/p"),
        (
            "see https://en.wikipedia.org/wiki/Swift_(programming_language).",
            "https://en.wikipedia.org/wiki/Swift_(programming_language)"
        ),
        ("(see https://x.org/page)", "https://x.org/page"),
    ])
    func linksKeepTheirParentheses(markdown: String, href: String) {
        let html = Markdown.html(markdown)
        #expect(html.contains("href=\"\(Markdown.escape(href))\""), "\(html)")
    }
}
