/// A small CommonMark-like Markdown renderer that is safe by construction: every piece of text is HTML-escaped,
/// raw HTML in the source is shown as text, and links keep only http, https, mailto and relative targets.
///
/// Supported: ATX headings, paragraphs, hard line breaks, bullet and numbered lists, block quotes, fenced code,
/// horizontal rules, pipe tables, and inline code, strong, emphasis, links and bare URLs.
public enum Markdown {
    public static func html(_ source: String) -> String {
        var renderer = BlockRenderer(lines: normalizedLines(source))
        return renderer.render()
    }

    /// Plain text for snippets and search: Markdown syntax removed, one line per block.
    public static func plainText(_ source: String) -> String {
        var out: [String] = []
        var inFence = false
        for raw in normalizedLines(source) {
            let line = raw.trimmingLeadingSpaces()
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence {
                out.append(raw)
                continue
            }
            var text = Substring(line)
            while let f = text.first, "#>".contains(f) { text = text.dropFirst() }
            if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ") { text = text.dropFirst(2) }
            if text.allSatisfy({ "-|: ".contains($0) }) { continue }
            let cleaned = text.contains("|") ? String(text.map { $0 == "|" ? " " : $0 }) : String(text)
            out.append(InlineRenderer.plain(cleaned.trimmingLeadingSpaces()))
        }
        return out.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func normalizedLines(_ source: String) -> [String] {
        // "\r\n" is one Character in Swift, so splitting on newlines handles every line ending.
        let text = source.utf8.contains(0) ? source.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : source
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: some StringProtocol) -> String {
        // Byte by byte: the five ASCII characters never occur inside a multi-byte UTF-8 sequence, and a Character
        // loop would miss "<" when a combining mark follows it (one grapheme, "<\u{338}", is not equal to "<").
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return String(s)
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        for byte in s.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A link target that cannot run script: http(s), mailto, or a relative path/anchor. Anything else is dropped.
    static func safeURL(_ raw: String) -> String? {
        let url = raw.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }) else {
            return nil
        }
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return url }
        if let colon = url.firstIndex(of: ":") {
            // A colon before any slash, ? or # means a scheme (javascript:, data:, vbscript:, ...): refuse it.
            let before = url[..<colon]
            if !before.contains(where: { "/?#".contains($0) }) { return nil }
        }
        return url
    }
}

extension StringProtocol {
    func trimmingLeadingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }))
    }
}
