import LoreCore
import LoreStore

/// The escalation loop as a grouped bar chart, drawn as SVG on the server.
enum LoopChart {
    static let series: [(key: String, value: @Sendable (CaseRepository.LoopPeriod) -> Int)] = [
        ("svc_escalations", { $0.escalations }), ("svc_solutions_captured", { $0.solutionsCaptured }),
        ("svc_reuses", { $0.reuses }),
        ("svc_solved_direct", { $0.solvedWithoutEscalation }),
    ]
    static let colors = ["#7b61c9", "#d9a21b", "#2e7d4f", "#1f5f8b"]

    static func labels(_ t: Localizer) -> [String] { series.map { t($0.key) } }

    static func svg(_ periods: [CaseRepository.LoopPeriod], labels: [String]) -> String {
        let width = 760.0
        let height = 240.0
        let left = 36.0
        let bottom = 24.0
        let top = 10.0
        let plotH = height - bottom - top
        let maxValue = max(1, periods.flatMap { p in series.map { $0.value(p) } }.max() ?? 1)
        let step = Double(niceStep(maxValue))
        let ceiling = (Double(maxValue) / step).rounded(.up) * step
        let groupW = (width - left) / Double(max(periods.count, 1))
        let barW = max(1.5, min(14, (groupW - 6) / Double(series.count)))
        var out =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(labels.joined(separator: ", ")))\">"
        var y = 0.0
        while y <= ceiling {
            let py = top + plotH - y / ceiling * plotH
            out += "<line x1=\"\(left)\" x2=\"\(width)\" y1=\"\(fmt(py))\" y2=\"\(fmt(py))\" stroke=\"#e1e6eb\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(fmt(py + 4))\" text-anchor=\"end\">\(Int(y))</text>"
            y += step
        }
        let labelEvery = max(1, periods.count / 12)
        for (i, p) in periods.enumerated() {
            let gx = left + Double(i) * groupW + (groupW - barW * Double(series.count)) / 2
            for (s, entry) in series.enumerated() {
                let v = Double(entry.value(p))
                guard v > 0 else { continue }
                let h = v / ceiling * plotH
                out +=
                    "<rect x=\"\(fmt(gx + Double(s) * barW))\" y=\"\(fmt(top + plotH - h))\" width=\"\(fmt(barW - 1))\" height=\"\(fmt(h))\" fill=\"\(colors[s])\">"
                out += "<title>\(escape(p.period)) · \(escape(labels[s])): \(Int(v))</title></rect>"
            }
            if i % labelEvery == 0 {
                out +=
                    "<text x=\"\(fmt(left + (Double(i) + 0.5) * groupW))\" y=\"\(fmt(height - 6))\" text-anchor=\"middle\">\(escape(String(p.period.suffix(5))))</text>"
            }
        }
        return out + "</svg>"
    }

    static func niceStep(_ maxValue: Int) -> Int {
        for s in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000] where maxValue / s <= 5 { return s }
        return max(1, maxValue / 5)
    }

    static func fmt(_ v: Double) -> String {
        String(Int((v * 10).rounded()) / 10)
            + (Int((v * 10).rounded()) % 10 == 0 ? "" : ".\(abs(Int((v * 10).rounded()) % 10))")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: "\"", with: "&quot;")
    }
}
