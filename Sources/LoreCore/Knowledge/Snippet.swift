/// Picks the passage of a text that best matches a query and marks the matching words (or, for Chinese,
/// characters) — using the same ``TextAnalyzer`` as the index, so what is highlighted is what matched.
/// Works on Unicode scalars rather than Characters: search results build twenty snippets per page, and grapheme
/// breaking was most of their cost. The query's few tokens are searched in small arrays rather than hashed sets, and
/// plain words are stemmed without the full analyser: hashing and analysing were most of what was left (a ninth of a
/// search's CPU time, bench/RESULTS.md §4, session 11).
public enum Snippet {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var hit: Bool
    }

    /// The best window of about `length` characters, as plain and highlighted parts.
    public static func make(text: String, query: [String], length: Int = 180, analyzer: TextAnalyzer = TextAnalyzer())
        -> [Part]
    {
        // The best passage of a long article is found in its first few thousand characters.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(min(4_000, text.utf8.count))
        for s in text.unicodeScalars {
            if scalars.count == 4_000 { break }
            scalars.append(s == "\n" || s == "\r" || s == "\t" ? " " : s)
        }
        guard !scalars.isEmpty else { return [] }
        var hit = [Bool](repeating: false, count: scalars.count)
        markHits(scalars, wanted: Set(query), analyzer: analyzer, into: &hit)

        // Slide a window and keep the one with the most hit characters (the first, on ties).
        let window = min(length, scalars.count)
        var best = 0
        var bestScore = -1
        var score = hit[0..<window].reduce(0) { $0 + ($1 ? 1 : 0) }
        var start = 0
        while true {
            if score > bestScore {
                bestScore = score
                best = start
            }
            if start + window >= scalars.count { break }
            score += (hit[start + window] ? 1 : 0) - (hit[start] ? 1 : 0)
            start += 1
        }
        if bestScore > 0 {
            // Start a little before the first hit in the window, on a word boundary if one is close.
            let firstHit = (best..<(best + window)).first { hit[$0] } ?? best
            best = max(0, min(firstHit - 30, scalars.count - window))
            if best > 0, let space = (best..<min(best + 12, scalars.count)).first(where: { scalars[$0] == " " }) {
                best = space + 1
            }
        }
        // Never start inside a combining sequence.
        while best > 0 && best < scalars.count && scalars[best].properties.generalCategory == .nonspacingMark {
            best -= 1
        }
        let end = min(scalars.count, best + window)
        var parts: [Part] = []
        if best > 0 { parts.append(Part(text: "…", hit: false)) }
        // Each run of hit or plain scalars becomes one string, encoded once as UTF-8.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * window)
        var runStart = best
        for i in (best + 1)...end where i == end || hit[i] != hit[runStart] {
            bytes.removeAll(keepingCapacity: true)
            for k in runStart..<i { UTF8.encode(scalars[k]) { bytes.append($0) } }
            parts.append(Part(text: String(decoding: bytes, as: UTF8.self), hit: hit[runStart]))
            runStart = i
        }
        if end < scalars.count { parts.append(Part(text: "…", hit: false)) }
        return parts
    }

    /// Letters and digits of any script but CJK (which is matched character by character), and combining marks.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        if TextAnalyzer.isCJK(scalar: v) { return false }
        // Punctuation and spaces common in Chinese and English text, none of them letters, digits or marks: the
        // Unicode property lookups below are slow.
        switch v {
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3011, 0xFF01...0xFF0F, 0xFF1A...0xFF20: return false
        default: break
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    /// The leading letters a word must start with (at its start or after a `-`, `_` or `.`) to produce a wanted
    /// ASCII token: all of a short token, else up to four letters but never the last (stemming changes at most the
    /// last letter of what it keeps: "studies" → "study", "created" → "create").
    struct Prefixes {
        /// Each key is the letters packed into a number (the length above them), so no string is built per word.
        var keys: [UInt64] = []
        var lengths: [Int] = []

        init(_ wanted: Set<String>) {
            for token in wanted {
                let scalars = Array(token.unicodeScalars)
                guard let first = scalars.first, first.value < 0x80 else { continue }
                let length = scalars.count <= 2 ? scalars.count : min(4, scalars.count - 1)
                let key = Self.key(scalars[0..<length])
                if !keys.contains(key) { keys.append(key) }
                if !lengths.contains(length) { lengths.append(length) }
            }
        }

        /// Up to four scalars, lower-cased if ASCII capitals, with their count.
        static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
            var key = UInt64(scalars.count) << 56
            for (i, s) in scalars.enumerated() {
                let v = s.value >= 65 && s.value <= 90 ? s.value + 32 : s.value
                key |= UInt64(v & 0x3FFF) << (UInt64(i) * 14)
            }
            return key
        }
    }

    /// Whether a word can produce a wanted token: non-ASCII words always might; ASCII words only if they (or a part
    /// of a code) start like a wanted token.
    static func mayMatch(_ word: ArraySlice<Unicode.Scalar>, prefixes: Prefixes) -> Bool {
        if word.contains(where: { $0.value >= 0x80 }) { return true }
        var start = word.startIndex
        for k in word.startIndex...word.endIndex
        where k == word.endIndex || word[k] == "-" || word[k] == "_" || word[k] == "." {
            for length in prefixes.lengths where start + length <= word.endIndex {
                if prefixes.keys.contains(Prefixes.key(word[start..<(start + length)])) { return true }
            }
            start = k + 1
        }
        return false
    }

    /// Escaped HTML with hits in `<mark>`.
    public static func html(_ parts: [Part]) -> String {
        parts.map { $0.hit ? "<mark>\(Markdown.escape($0.text))</mark>" : Markdown.escape($0.text) }.joined()
    }

    public static func plain(_ parts: [Part]) -> String { parts.map(\.text).joined() }

    static func markHits(
        _ scalars: [Unicode.Scalar], wanted: Set<String>, analyzer: TextAnalyzer, into hit: inout [Bool]
    ) {
        // Analysing every word is the slow part; a word can only match if it starts like a wanted token (stems and
        // codes keep their first letters), so plain ASCII words that do not are skipped.
        let prefixes = Prefixes(wanted)
        // CJK tokens as scalar values (one character, or a pair packed into 64 bits) so no string is built per character.
        var singles: [UInt32] = []
        var pairs: [UInt64] = []
        for token in wanted {
            let v = token.unicodeScalars.map(\.value)
            guard let first = v.first, TextAnalyzer.isCJK(scalar: first) else { continue }
            if v.count == 1 {
                singles.append(first)
            } else if v.count == 2 {
                pairs.append(UInt64(first) << 32 | UInt64(v[1]))
            }
        }
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if TextAnalyzer.isCJK(scalar: v) {
                if singles.contains(v) { hit[i] = true }
                if i + 1 < scalars.count, TextAnalyzer.isCJK(scalar: scalars[i + 1].value),
                    pairs.contains(UInt64(v) << 32 | UInt64(scalars[i + 1].value))
                {
                    hit[i] = true
                    hit[i + 1] = true
                }
                i += 1
            } else if isWordScalar(scalars[i]) {
                var j = i
                while j < scalars.count,
                    isWordScalar(scalars[j])
                        || (isJoiner(scalars[j]) && j + 1 < scalars.count && isWordScalar(scalars[j + 1]))
                {
                    j += 1
                }
                let word = scalars[i..<j]
                if mayMatch(word, prefixes: prefixes), matches(word, wanted: wanted, analyzer: analyzer) {
                    for k in i..<j { hit[k] = true }
                }
                i = j
            } else {
                i += 1
            }
        }
    }

    /// The characters that join the parts of a code (HY-G300, v2.1, snake_case).
    static func isJoiner(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "_" || s == "." }

    /// Whether a word yields a wanted token. A word of ASCII letters only is one token, its lower-cased stem, which is
    /// what the analyser would make of it (TextAnalyzer.latinTokens); anything else goes through the analyser.
    static func matches(_ word: ArraySlice<Unicode.Scalar>, wanted: Set<String>, analyzer: TextAnalyzer) -> Bool {
        if word.allSatisfy({ ($0.value | 0x20) >= 97 && ($0.value | 0x20) <= 122 }) {
            let lower = String(decoding: word.map { UInt8($0.value | 0x20) }, as: UTF8.self)
            return wanted.contains(TextAnalyzer.clip(TextAnalyzer.stem(lower)))
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: word)
        return analyzer.tokens(String(text), mode: .index).contains(where: wanted.contains)
    }
}
