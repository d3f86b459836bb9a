/// Renders Markdown blocks line by line; inline content goes through ``InlineRenderer``.
struct BlockRenderer {
    let lines: [String]
    var index = 0
    var out = ""

    init(lines: [String]) { self.lines = lines }

    mutating func render() -> String {
        while index < lines.count { block() }
        return out
    }

    private mutating func block() {
        let line = lines[index]
        let trimmed = line.trimmingLeadingSpaces()
        if trimmed.isEmpty {
            index += 1
        } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            fence(String(trimmed.prefix(3)), info: String(trimmed.dropFirst(3)))
        } else if let (level, text) = heading(trimmed) {
            out += "<h\(level)>\(InlineRenderer.html(text))</h\(level)>\n"
            index += 1
        } else if isRule(trimmed) {
            out += "<hr>\n"
            index += 1
        } else if trimmed.hasPrefix(">") {
            quote()
        } else if listMarker(trimmed) != nil {
            list()
        } else if isTableStart() {
            table()
        } else {
            paragraph()
        }
    }

    private func heading(_ s: String) -> (Int, String)? {
        let hashes = s.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = s.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingLeadingSpaces()
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    private func isRule(_ s: String) -> Bool {
        let chars = s.filter { $0 != " " }
        guard chars.count >= 3, let f = chars.first, "-*_".contains(f) else { return false }
        return chars.allSatisfy { $0 == f }
    }

    /// `- `, `* `, `+ ` or `1. ` / `1) `: returns whether ordered and the text after the marker.
    func listMarker(_ s: String) -> (ordered: Bool, text: String)? {
        if let f = s.first, "-*+".contains(f), s.dropFirst().first == " " { return (false, String(s.dropFirst(2))) }
        let digits = s.prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard (1...9).contains(digits.count) else { return nil }
        let rest = s.dropFirst(digits.count)
        guard let m = rest.first, m == "." || m == ")", rest.dropFirst().first == " " else { return nil }
        return (true, String(rest.dropFirst(2)))
    }

    private mutating func fence(_ marker: String, info: String) {
        index += 1
        var code: [String] = []
        while index < lines.count, !lines[index].trimmingLeadingSpaces().hasPrefix(marker) {
            code.append(lines[index])
            index += 1
        }
        index += 1  // the closing fence (or the end of the text)
        let language = info.trimmingCharacters(in: .whitespaces).prefix(while: {
            $0.isLetter || $0.isNumber || $0 == "-"
        })
        let cls = language.isEmpty ? "" : " class=\"language-\(Markdown.escape(language))\""
        out += "<pre><code\(cls)>\(Markdown.escape(code.joined(separator: "\n")))</code></pre>\n"
    }

    private mutating func quote() {
        var inner: [String] = []
        while index < lines.count {
            let t = lines[index].trimmingLeadingSpaces()
            guard t.hasPrefix(">") else { break }
            inner.append(String(t.dropFirst().drop(while: { $0 == " " })))
            index += 1
        }
        var nested = BlockRenderer(lines: inner)
        out += "<blockquote>\n\(nested.render())</blockquote>\n"
    }

    private mutating func list() {
        let ordered = listMarker(lines[index].trimmingLeadingSpaces())?.ordered ?? false
        var items: [[String]] = []
        while index < lines.count {
            let line = lines[index]
            let t = line.trimmingLeadingSpaces()
            let indent = line.count - t.count
            if indent < 2, let m = listMarker(t), m.ordered == ordered {
                items.append([m.text])
            } else if t.isEmpty {
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                let nextTrim = next.trimmingLeadingSpaces()
                let continues =
                    (next.count - nextTrim.count >= 2 && !nextTrim.isEmpty) || listMarker(nextTrim)?.ordered == ordered
                if !continues { break }
                items[items.count - 1].append("")
            } else if indent >= 2 || !(listMarker(t) != nil || t.hasPrefix(">") || t.hasPrefix("#")) {
                items[items.count - 1].append(indent >= 2 ? String(line.dropFirst(min(indent, 4))) : t)
            } else {
                break
            }
            index += 1
        }
        let tag = ordered ? "ol" : "ul"
        out += "<\(tag)>\n"
        for item in items {
            if item.count == 1 {
                out += "<li>\(InlineRenderer.html(item[0]))</li>\n"
            } else {
                var nested = BlockRenderer(lines: item)
                out += "<li>\(nested.render())</li>\n"
            }
        }
        out += "</\(tag)>\n"
    }

    private func isTableStart() -> Bool {
        guard index + 1 < lines.count, lines[index].contains("|") else { return false }
        let sep = lines[index + 1].trimmingCharacters(in: .whitespaces)
        return sep.contains("-") && sep.allSatisfy { "|-: ".contains($0) }
    }

    private static func cells(_ line: String) -> [String] {
        var t = line.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|") { t.removeLast() }
        return t.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private mutating func table() {
        let header = Self.cells(lines[index])
        index += 2
        out +=
            "<table>\n<thead><tr>" + header.map { "<th>\(InlineRenderer.html($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        while index < lines.count, lines[index].contains("|"), !lines[index].trimmingLeadingSpaces().isEmpty {
            var row = Self.cells(lines[index])
            row += Array(repeating: "", count: max(0, header.count - row.count))
            out += "<tr>" + row.prefix(header.count).map { "<td>\(InlineRenderer.html($0))</td>" }.joined() + "</tr>\n"
            index += 1
        }
        out += "</tbody>\n</table>\n"
    }

    private mutating func paragraph() {
        var parts: [String] = []
        while index < lines.count {
            let line = lines[index]
            let t = line.trimmingLeadingSpaces()
            if t.isEmpty || t.hasPrefix("```") || t.hasPrefix("~~~") || heading(t) != nil || t.hasPrefix(">")
                || isRule(t)
            {
                break
            }
            if !parts.isEmpty, listMarker(t) != nil { break }
            // Two trailing spaces or a backslash make a hard line break.
            let hard = line.hasSuffix("  ") || line.hasSuffix("\\")
            var text = t.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") { text.removeLast() }
            parts.append(InlineRenderer.html(text) + (hard ? "<br>" : ""))
            index += 1
        }
        out += "<p>\(parts.joined(separator: "\n"))</p>\n"
    }
}
