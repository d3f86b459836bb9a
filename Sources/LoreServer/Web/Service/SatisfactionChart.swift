import Foundation
import LoreCore
import LoreStore

/// Customer satisfaction by month as a small SVG bar chart (scores 1–5), drawn on the server.
enum SatisfactionChart {
    static func svg(_ months: [CaseRepository.SatisfactionMonth], label: String) -> String {
        let (width, height, left, bottom, top) = (360.0, 140.0, 24.0, 20.0, 8.0)
        let plotH = height - bottom - top
        let slot = (width - left) / Double(max(months.count, 1))
        let barW = min(28, slot * 0.6)
        var out =
            "<svg class=\"chart chart-small\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(LoopChart.escape(label))\">"
        for score in 1...5 {
            let y = top + plotH - Double(score) / 5 * plotH
            out +=
                "<line x1=\"\(left)\" x2=\"\(width)\" y1=\"\(LoopChart.fmt(y))\" y2=\"\(LoopChart.fmt(y))\" stroke=\"#e1e6eb\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(LoopChart.fmt(y + 4))\" text-anchor=\"end\">\(score)</text>"
        }
        for (i, m) in months.enumerated() {
            let x = left + Double(i) * slot + (slot - barW) / 2
            if let average = m.average {
                let h = average / 5 * plotH
                // Below 3 of 5 the bar turns red: the level at which a low score raises an account alert.
                let colour = average < 3 ? "#c0392b" : (average < 4 ? "#d9a21b" : "#2e7d4f")
                out +=
                    "<rect x=\"\(LoopChart.fmt(x))\" y=\"\(LoopChart.fmt(top + plotH - h))\" width=\"\(LoopChart.fmt(barW))\" height=\"\(LoopChart.fmt(h))\" fill=\"\(colour)\">"
                out += "<title>\(m.month): \(String(format: "%.1f", average)) (\(m.answered))</title></rect>"
            }
            out +=
                "<text x=\"\(LoopChart.fmt(x + barW / 2))\" y=\"\(LoopChart.fmt(height - 5))\" text-anchor=\"middle\">\(m.month.suffix(2))</text>"
        }
        return out + "</svg>"
    }
}
