/// Picks the passage of a text that best matches a query and marks the matching words (or, for Chinese,
/// characters) — using the same ``TextAnalyzer`` as the index, so what is highlighted is what matched.
public enum Snippet {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var hit: Bool
    }

    /// The best window of about `length` characters, as plain and highlighted parts.
    public static func make(text: String, query: [String], length: Int = 180, analyzer: TextAnalyzer = TextAnalyzer()) -> [Part] {
        // The best passage of a long article is found in its first few thousand characters.
        let chars = Array(text.prefix(4_000)).map { $0.isNewline ? " " : $0 }
        guard !chars.isEmpty else { return [] }
        let wanted = Set(query)
        var hit = [Bool](repeating: false, count: chars.count)
        markHits(chars, wanted: wanted, analyzer: analyzer, into: &hit)

        // Slide a window and keep the one with the most hit characters (the first, on ties).
        let window = min(length, chars.count)
        var best = 0
        var bestScore = -1
        var score = hit[0..<window].filter { $0 }.count
        var start = 0
        while true {
            if score > bestScore {
                bestScore = score
                best = start
            }
            if start + window >= chars.count { break }
            score += (hit[start + window] ? 1 : 0) - (hit[start] ? 1 : 0)
            start += 1
        }
        if bestScore > 0 {
            // Start a little before the first hit in the window, on a word boundary if one is close.
            let firstHit = (best..<(best + window)).first { hit[$0] } ?? best
            best = max(0, min(firstHit - 30, chars.count - window))
            if best > 0, let space = (best..<min(best + 12, chars.count)).first(where: { chars[$0] == " " }) { best = space + 1 }
        }
        let end = min(chars.count, best + window)
        var parts: [Part] = []
        if best > 0 { parts.append(Part(text: "…", hit: false)) }
        for i in best..<end {
            if let last = parts.last, last.hit == hit[i], last.text != "…" {
                parts[parts.count - 1].text.append(chars[i])
            } else {
                parts.append(Part(text: String(chars[i]), hit: hit[i]))
            }
        }
        if end < chars.count { parts.append(Part(text: "…", hit: false)) }
        return parts
    }

    /// Whether a word can produce a wanted token: non-ASCII words always might; ASCII words (and each part of a code)
    /// only if they start with the first two letters of a wanted token.
    static func mayMatch(_ word: String, prefixes: Set<String>) -> Bool {
        var bytes = Array(word.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) { return true }
        for k in bytes.indices where bytes[k] >= 65 && bytes[k] <= 90 { bytes[k] += 32 }
        var start = 0
        for k in 0...bytes.count {
            if k == bytes.count || bytes[k] == 45 || bytes[k] == 95 || bytes[k] == 46 {
                if k - start >= 1, prefixes.contains(String(decoding: bytes[start..<min(k, start + 2)], as: UTF8.self)) { return true }
                start = k + 1
            }
        }
        return false
    }

    /// Escaped HTML with hits in `<mark>`.
    public static func html(_ parts: [Part]) -> String {
        parts.map { $0.hit ? "<mark>\(Markdown.escape($0.text))</mark>" : Markdown.escape($0.text) }.joined()
    }

    public static func plain(_ parts: [Part]) -> String { parts.map(\.text).joined() }

    static func markHits(_ chars: [Character], wanted: Set<String>, analyzer: TextAnalyzer, into hit: inout [Bool]) {
        // Analysing every word is the slow part; a word can only match if it starts like a wanted token (stems and
        // codes keep their first letters), so plain ASCII words that do not are skipped.
        let prefixes = Set(wanted.filter { $0.utf8.first.map { $0 < 0x80 } ?? false }.map { String($0.prefix(2)) })
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if TextAnalyzer.isCJK(ch) {
                if wanted.contains(String(ch)) { hit[i] = true }
                if i + 1 < chars.count, TextAnalyzer.isCJK(chars[i + 1]), wanted.contains(String(ch) + String(chars[i + 1])) {
                    hit[i] = true
                    hit[i + 1] = true
                }
                i += 1
            } else if ch.isLetter || ch.isNumber {
                var j = i
                while j < chars.count, !TextAnalyzer.isCJK(chars[j]),
                    chars[j].isLetter || chars[j].isNumber
                        || ("-_.".contains(chars[j]) && j + 1 < chars.count && (chars[j + 1].isLetter || chars[j + 1].isNumber))
                {
                    j += 1
                }
                let word = String(chars[i..<j])
                if Self.mayMatch(word, prefixes: prefixes), analyzer.tokens(word, mode: .index).contains(where: wanted.contains) {
                    for k in i..<j { hit[k] = true }
                }
                i = j
            } else {
                i += 1
            }
        }
    }
}
