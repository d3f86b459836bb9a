extension TextAnalyzer {
    /// Light English stemming: plurals, -ing, -ed and a few common suffixes, so "refunds", "refunded" and
    /// "refunding" meet "refund". Deliberately conservative: a wrong merge hurts search more than a missed one.
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        var w = word
        func drop(_ suffix: String, keep: Int = 3, add: String = "") -> Bool {
            guard w.hasSuffix(suffix), w.count - suffix.count >= keep else { return false }
            w = String(w.dropLast(suffix.count)) + add
            return true
        }
        // Plurals.
        if drop("sses", add: "ss") || drop("ies", keep: 2, add: "y") {
        } else if w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") {
        } else if drop("s") {
        }
        // Verb endings; undo a doubled final consonant ("stopped" → "stop").
        if drop("ing") || drop("ed") {
            if let last = w.last, w.count >= 3, w.dropLast().last == last, !"lsz".contains(last),
                !"aeiou".contains(last)
            {
                w.removeLast()
            } else if w.hasSuffix("at") || w.hasSuffix("iz") || w.hasSuffix("bl") {
                w += "e"
            }
        }
        // A few derivational suffixes.
        _ =
            drop("ational", add: "ate") || drop("ization", add: "ize") || drop("fulness", add: "ful")
            || drop("ment", keep: 4) || drop("ly", keep: 4)
        return w
    }
}
