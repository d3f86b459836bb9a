import Foundation

/// Learned case routing (issue 4): a multinomial naive Bayes classifier over the knowledge base's analyser tokens, so
/// Chinese and English cases are routed alike. Labels are department ids. The model is a set of counts, so it can be
/// updated one case at a time (a case resolved or re-routed) as well as trained in one pass.
public struct RoutingModel: Sendable, Equatable {
    /// Per label: how many training cases, and how often each token occurred in them.
    public private(set) var caseCounts: [Int64: Int] = [:]
    public private(set) var tokenCounts: [Int64: [String: Int]] = [:]
    public private(set) var tokenTotals: [Int64: Int] = [:]
    public private(set) var vocabulary: [String: Int] = [:]
    /// Laplace smoothing.
    public var alpha: Double = 1

    public init() {}

    static let analyzer = TextAnalyzer()

    /// The features of a case's text: its index tokens (words, codes, CJK characters and bigrams).
    public static func features(_ text: String) -> [String] {
        analyzer.tokens(String(text.prefix(20_000)), mode: .index).filter { !SearchExpressions.stopWords.contains($0) }
    }

    public mutating func add(_ text: String, label: Int64) { update(Self.features(text), label: label, by: 1) }

    /// Takes a case back out (it was re-routed, or its text changed).
    public mutating func remove(_ text: String, label: Int64) { update(Self.features(text), label: label, by: -1) }

    mutating func update(_ tokens: [String], label: Int64, by delta: Int) {
        caseCounts[label, default: 0] += delta
        if caseCounts[label, default: 0] <= 0 {
            caseCounts[label] = nil
        }
        for t in tokens {
            tokenCounts[label, default: [:]][t, default: 0] += delta
            if tokenCounts[label]?[t] ?? 0 <= 0 { tokenCounts[label]?[t] = nil }
            tokenTotals[label, default: 0] += delta
            vocabulary[t, default: 0] += delta
            if vocabulary[t, default: 0] <= 0 { vocabulary[t] = nil }
        }
        if caseCounts[label] == nil {
            tokenCounts[label] = nil
            tokenTotals[label] = nil
        }
    }

    public var isEmpty: Bool { caseCounts.isEmpty }

    /// Labels with their posterior probability, most likely first. Empty when the model knows nothing.
    public func predict(_ text: String) -> [(label: Int64, probability: Double)] {
        predict(features: Self.features(text))
    }

    public func predict(features tokens: [String]) -> [(label: Int64, probability: Double)] {
        guard !caseCounts.isEmpty else { return [] }
        let totalCases = Double(caseCounts.values.reduce(0, +))
        let v = Double(max(1, vocabulary.count))
        var scores: [(Int64, Double)] = []
        for (label, n) in caseCounts {
            var logp = log(Double(n) / totalCases)
            let counts = tokenCounts[label] ?? [:]
            let denominator = log(Double(tokenTotals[label] ?? 0) + alpha * v)
            for t in tokens where vocabulary[t] != nil {
                logp += log(Double(counts[t] ?? 0) + alpha) - denominator
            }
            scores.append((label, logp))
        }
        // Softmax of the log scores, shifted by the largest for numerical stability.
        guard let top = scores.map(\.1).max() else { return [] }
        let exps = scores.map { ($0.0, exp($0.1 - top)) }
        let sum = exps.reduce(0) { $0 + $1.1 }
        return exps.map { (label: $0.0, probability: $0.1 / sum) }.sorted {
            $0.probability != $1.probability ? $0.probability > $1.probability : $0.label < $1.label
        }
    }
}

/// Cross-validated accuracy of the routing model on labelled cases.
public enum RoutingEvaluation {
    public struct Report: Sendable, Equatable {
        public var cases: Int
        public var correct: Int
        /// Per label: (cases, correctly predicted).
        public var perLabel: [Int64: (cases: Int, correct: Int)]
        public var accuracy: Double { cases == 0 ? 0 : Double(correct) / Double(cases) }

        public static func == (a: Report, b: Report) -> Bool {
            a.cases == b.cases && a.correct == b.correct
                && a.perLabel.mapValues { [$0.cases, $0.correct] } == b.perLabel.mapValues { [$0.cases, $0.correct] }
        }
    }

    /// k-fold cross-validation; case i is in fold i mod k, so the split is deterministic.
    public static func crossValidate(_ cases: [(text: String, label: Int64)], folds k: Int = 5) -> Report {
        let features = cases.map { RoutingModel.features($0.text) }
        var report = Report(cases: 0, correct: 0, perLabel: [:])
        guard cases.count >= 2 else { return report }
        let folds = min(k, cases.count)
        var full = RoutingModel()
        for (i, c) in cases.enumerated() { full.update(features[i], label: c.label, by: 1) }
        for fold in 0..<folds {
            var model = full
            for i in stride(from: fold, to: cases.count, by: folds) {
                model.update(features[i], label: cases[i].label, by: -1)
            }
            for i in stride(from: fold, to: cases.count, by: folds) {
                let predicted = model.predict(features: features[i]).first?.label
                let ok = predicted == cases[i].label
                report.cases += 1
                report.correct += ok ? 1 : 0
                let prev = report.perLabel[cases[i].label] ?? (0, 0)
                report.perLabel[cases[i].label] = (prev.cases + 1, prev.correct + (ok ? 1 : 0))
            }
        }
        return report
    }
}
