import Foundation
import LoreCore

/// Generates benchmark articles and queries from ``CorpusVocabulary``.
struct KnowledgeCorpus {
    var rng: SeededRandom
    let vocabulary: CorpusVocabulary
    static let codes = (0..<2_000).map { i in
        i % 3 == 0 ? "E\(1000 + i)" : (i % 3 == 1 ? "HY-G\(100 + i)" : "ACC-\(i)F")
    }

    init(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        vocabulary = CorpusVocabulary(rng: &rng)
        self.rng = rng
    }

    /// Text of `count` words (Chinese words are written without spaces, as Chinese is), with an occasional code.
    mutating func text(words count: Int, chinese: Bool) -> String {
        var out = ""
        for i in 0..<count {
            // Mixed-language text: a Chinese article has some English words and vice versa.
            let zh = rng.chance(0.9) ? chinese : !chinese
            let w = rng.chance(0.01) ? rng.pick(Self.codes) : vocabulary.word(chinese: zh, rng: &rng)
            if i > 0 && (!zh || !chinese) { out += " " }
            out += w
            if chinese && zh && rng.chance(0.08) { out += "，" } else if !chinese && rng.chance(0.07) { out += "." }
        }
        return out
    }

    mutating func article() -> (title: String, body: String, language: ArticleLanguage, type: ArticleType) {
        let zh = rng.chance(0.5)
        let title = text(words: Int.random(in: 3...8, using: &rng), chinese: zh)
        let body = text(words: Int.random(in: 60...160, using: &rng), chinese: zh)
        return (title, body, zh ? .zh : .en, rng.pick(ArticleType.allCases))
    }

    /// A query of one to three words, drawn like the corpus but skipping the most common ranks (people do not search
    /// for "the"), half Chinese and half English, with a few codes.
    mutating func query() -> String {
        let zh = rng.chance(0.5)
        if rng.chance(0.05) { return rng.pick(Self.codes) }
        var words: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            var w = ""
            repeat {
                w = vocabulary.word(chinese: zh, rng: &rng)
            } while (zh ? vocabulary.chinese.prefix(10) : vocabulary.english.prefix(40)).contains(w)
            words.append(w)
        }
        return words.joined(separator: " ")
    }
}
