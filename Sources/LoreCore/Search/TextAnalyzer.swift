import Foundation

/// Turns text into search tokens, the same way for indexing and for queries and for both database engines
/// (the knowledge-base search of issue #3 stores these tokens in SQLite FTS5 and in a PostgreSQL tsvector).
///
/// - Latin text: words, lower-cased and accent-folded ("Café" → "cafe"), lightly stemmed ("refunds" → "refund").
/// - CJK text (Han, kana, Hangul): overlapping character bigrams, so a two-character query such as 退款 finds
///   "申请退款流程"; when indexing, single characters too, so one-character queries work.
/// - Codes and model numbers (HY-G300, E1024, v2.1) are kept whole, and their parts are indexed as well.
public struct TextAnalyzer: Sendable {
    public enum Mode: Sendable {
        /// Every token a document should be findable by.
        case index
        /// The tokens a query must match: CJK runs as bigrams only (a single character stays as itself).
        case query
    }

    /// Tokens longer than this are cut: nobody searches for them and they would bloat the index.
    public static let maximumTokenLength = 40

    public init() {}

    public func tokens(_ text: String, mode: Mode) -> [String] {
        var out: [String] = []
        var latin = ""
        var cjk: [Character] = []

        func flushLatin() {
            if !latin.isEmpty { out += latinTokens(latin, mode: mode) }
            latin = ""
        }
        func flushCJK() {
            if !cjk.isEmpty { out += cjkTokens(cjk, mode: mode) }
            cjk = []
        }

        for ch in text {
            if Self.isCJK(ch) {
                flushLatin()
                cjk.append(ch)
            } else if ch.isLetter || ch.isNumber || ((ch == "-" || ch == "_" || ch == ".") && !latin.isEmpty) {
                flushCJK()
                latin.append(ch)
            } else {
                flushLatin()
                flushCJK()
            }
        }
        flushLatin()
        flushCJK()
        return out
    }

    /// A Latin run: one word, or a code such as "HY-G300" (kept whole, parts added when indexing).
    func latinTokens(_ run: String, mode: Mode) -> [String] {
        let trimmed = run.trimmingCharacters(in: CharacterSet(charactersIn: "-_."))
        let folded = Self.fold(trimmed)
        guard !folded.isEmpty else { return [] }
        let parts = folded.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
        let isCode = parts.count > 1 || folded.contains(where: \.isNumber)
        if !isCode { return [Self.clip(Self.stem(folded))] }
        var out = [Self.clip(folded)]
        if mode == .index && parts.count > 1 {
            out += parts.filter { !$0.isEmpty }.map { Self.clip($0.contains(where: \.isNumber) ? $0 : Self.stem($0)) }
        }
        return out
    }

    func cjkTokens(_ run: [Character], mode: Mode) -> [String] {
        if run.count == 1 { return [String(run[0])] }
        var out: [String] = []
        if mode == .index { out += run.map { String($0) } }
        for i in 0..<(run.count - 1) { out.append(String(run[i]) + String(run[i + 1])) }
        return out
    }

    static func fold(_ s: String) -> String {
        // Most words are plain ASCII: lower-casing is all they need, and Foundation's folding is slow.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    static func clip(_ s: String) -> String {
        s.count > maximumTokenLength ? String(s.prefix(maximumTokenLength)) : s
    }

    /// Han ideographs (with extensions and compatibility forms), kana and Hangul.
    public static func isCJK(_ ch: Character) -> Bool {
        guard let v = ch.unicodeScalars.first?.value else { return false }
        return isCJK(scalar: v)
    }

    public static func isCJK(scalar v: UInt32) -> Bool {
        switch v {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        case 0x3040...0x30FF, 0x31F0...0x31FF: return true
        case 0xAC00...0xD7AF, 0x1100...0x11FF: return true
        default: return false
        }
    }
}
