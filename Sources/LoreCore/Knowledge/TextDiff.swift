/// Compares two versions of a text: by word for Latin text and by character for Chinese (and other CJK) text,
/// keeping whitespace and punctuation as their own pieces so the result re-assembles both texts exactly.
public enum TextDiff {
    public enum Op: String, Sendable, Equatable {
        case same, added, removed
    }

    public struct Piece: Sendable, Equatable {
        public var op: Op
        public var text: String
    }

    /// The largest middle section (after common prefix and suffix) compared piece by piece; beyond it the middle
    /// is shown as removed-then-added so a huge rewrite cannot take quadratic memory.
    static let maximumCells = 6_000_000

    public static func diff(_ old: String, _ new: String) -> [Piece] {
        let a = units(old)
        let b = units(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])

        var ops: [(Op, String)] = a[..<prefix].map { (.same, $0) }
        if midA.count * midB.count <= maximumCells {
            ops += lcsDiff(midA, midB)
        } else {
            ops += midA.map { (.removed, $0) } + midB.map { (.added, $0) }
        }
        ops += a[(a.count - suffix)...].map { (.same, $0) }
        return merge(ops)
    }

    /// Splits text into words, single CJK characters, and runs of anything else.
    static func units(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        var other = ""
        for ch in text {
            if TextAnalyzer.isCJK(ch) {
                if !word.isEmpty { out.append(word); word = "" }
                if !other.isEmpty { out.append(other); other = "" }
                out.append(String(ch))
            } else if ch.isLetter || ch.isNumber {
                if !other.isEmpty { out.append(other); other = "" }
                word.append(ch)
            } else {
                if !word.isEmpty { out.append(word); word = "" }
                other.append(ch)
                if !ch.isWhitespace { out.append(other); other = "" }
            }
        }
        if !word.isEmpty { out.append(word) }
        if !other.isEmpty { out.append(other) }
        return out
    }

    private static func lcsDiff(_ a: [String], _ b: [String]) -> [(Op, String)] {
        let n = a.count
        let m = b.count
        if n == 0 { return b.map { (.added, $0) } }
        if m == 0 { return a.map { (.removed, $0) } }
        // lengths[i][j] = LCS of a[i...] and b[j...], stored row-major.
        var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * (m + 1) + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
            }
        }
        var ops: [(Op, String)] = []
        var i = 0
        var j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                ops.append((.same, a[i]))
                i += 1
                j += 1
            } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                ops.append((.removed, a[i]))
                i += 1
            } else {
                ops.append((.added, b[j]))
                j += 1
            }
        }
        ops += a[i...].map { (.removed, $0) }
        ops += b[j...].map { (.added, $0) }
        return ops
    }

    private static func merge(_ ops: [(Op, String)]) -> [Piece] {
        var out: [Piece] = []
        for (op, text) in ops {
            if let last = out.last, last.op == op {
                out[out.count - 1].text += text
            } else {
                out.append(Piece(op: op, text: text))
            }
        }
        return out
    }
}
