/// Inline Markdown: `code`, **strong**, *emphasis*, [links](url), <autolinks> and bare http(s) URLs.
/// Everything else is escaped text, so `<script>` in an article shows as text.
enum InlineRenderer {
    static func html(_ text: String) -> String {
        render(Array(text), plain: false)
    }

    static func plain(_ text: String) -> String {
        render(Array(text), plain: true)
    }

    private static func render(_ c: [Character], plain: Bool) -> String {
        var out = ""
        var i = 0
        var pending = ""  // literal text not yet escaped
        func flush() {
            out += plain ? pending : Markdown.escape(pending)
            pending = ""
        }
        while i < c.count {
            let ch = c[i]
            if ch == "\\", i + 1 < c.count, c[i + 1].isPunctuation || c[i + 1].isSymbol {
                pending.append(c[i + 1])
                i += 2
            } else if ch == "`", let end = find(c, "`", from: i + 1) {
                flush()
                let code = String(c[(i + 1)..<end])
                out += plain ? code : "<code>\(Markdown.escape(code))</code>"
                i = end + 1
            } else if (ch == "*" || ch == "_"), i + 1 < c.count, c[i + 1] == ch, let end = findPair(c, ch, from: i + 2),
                end > i + 2
            {
                flush()
                let inner = render(Array(c[(i + 2)..<end]), plain: plain)
                out += plain ? inner : "<strong>\(inner)</strong>"
                i = end + 2
            } else if ch == "*" || (ch == "_" && (i == 0 || !c[i - 1].isLetter)), i + 1 < c.count, c[i + 1] != " ",
                let end = find(c, ch, from: i + 1), end > i + 1, c[end - 1] != " "
            {
                flush()
                let inner = render(Array(c[(i + 1)..<end]), plain: plain)
                out += plain ? inner : "<em>\(inner)</em>"
                i = end + 1
            } else if ch == "[", let (label, url, next) = link(c, at: i) {
                flush()
                let inner = render(label, plain: plain)
                out += plain ? inner : Markdown.safeURL(url).map { anchor($0, inner) } ?? inner
                i = next
            } else if ch == "<", let end = find(c, ">", from: i + 1), let safe = autolink(String(c[(i + 1)..<end])) {
                flush()
                out += plain ? safe : anchor(safe, Markdown.escape(safe))
                i = end + 1
            } else if ch == "h", !plain, let (url, next) = bareURL(c, at: i) {
                flush()
                out += anchor(url, Markdown.escape(url))
                i = next
            } else {
                pending.append(ch)
                i += 1
            }
        }
        flush()
        return out
    }

    /// A link to a checked URL; `inner` is already HTML.
    private static func anchor(_ url: String, _ inner: String) -> String {
        "<a href=\"\(Markdown.escape(url))\" rel=\"nofollow noopener\">\(inner)</a>"
    }

    private static func find(_ c: [Character], _ target: Character, from start: Int) -> Int? {
        var i = start
        while i < c.count {
            if c[i] == target { return i }
            i += 1
        }
        return nil
    }

    private static func findPair(_ c: [Character], _ target: Character, from start: Int) -> Int? {
        var i = start
        while i + 1 < c.count {
            if c[i] == target && c[i + 1] == target { return i }
            i += 1
        }
        return nil
    }

    /// `[label](url)`: the label, the target and the index after the closing parenthesis.
    private static func link(_ c: [Character], at start: Int) -> ([Character], String, Int)? {
        var depth = 0
        var i = start
        var close: Int?
        while i < c.count {
            if c[i] == "[" { depth += 1 }
            if c[i] == "]" {
                depth -= 1
                if depth == 0 {
                    close = i
                    break
                }
            }
            i += 1
        }
        guard let close, close + 1 < c.count, c[close + 1] == "(", let (target, end) = destination(c, from: close + 2)
        else { return nil }
        return (Array(c[(start + 1)..<close]), target, end + 1)
    }

    /// A link destination as CommonMark reads it: `<…>`, or text whose parentheses balance (so a URL such as
    /// `…/Swift_(programming_language)` keeps its `)`), with `\(` and `\)` escapes; an optional title follows.
    /// Returns the destination and the index of the closing parenthesis.
    private static func destination(_ c: [Character], from start: Int) -> (String, Int)? {
        var i = start
        while i < c.count, c[i] == " " { i += 1 }
        var target = ""
        if i < c.count, c[i] == "<" {
            guard let end = find(c, ">", from: i + 1) else { return nil }
            target = String(c[(i + 1)..<end])
            i = end + 1
        } else {
            var depth = 0
            while i < c.count, !c[i].isWhitespace {
                if c[i] == "\\", i + 1 < c.count, c[i + 1] == "(" || c[i + 1] == ")" {
                    target.append(c[i + 1])
                    i += 2
                    continue
                }
                if c[i] == "(" { depth += 1 }
                if c[i] == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                target.append(c[i])
                i += 1
            }
        }
        // Skip a title ("…", '…' or (…)) up to the closing parenthesis.
        guard let end = find(c, ")", from: i) else { return nil }
        return (target.trimmingCharacters(in: .whitespaces), end)
    }

    private static func autolink(_ s: String) -> String? {
        let lower = s.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else {
            return nil
        }
        return Markdown.safeURL(s)
    }

    private static func bareURL(_ c: [Character], at start: Int) -> (String, Int)? {
        guard start == 0 || !(c[start - 1].isLetter || c[start - 1].isNumber) else { return nil }
        let prefix = String(c[start..<min(c.count, start + 8)]).lowercased()
        guard prefix.hasPrefix("http://") || prefix.hasPrefix("https://") else { return nil }
        var end = start
        while end < c.count, !c[end].isWhitespace, c[end] != "<", c[end] != ">", c[end] != "\"" { end += 1 }
        // Trailing punctuation ends the sentence, not the URL; a `)` does only when it closes nothing in the URL.
        while end > start {
            let last = c[end - 1]
            if ".,;:!?".contains(last) {
                end -= 1
            } else if last == ")"
                && c[start..<end].filter({ $0 == ")" }).count > c[start..<end].filter({ $0 == "(" }).count
            {
                end -= 1
            } else {
                break
            }
        }
        let url = String(c[start..<end])
        guard url.count > 8, let safe = Markdown.safeURL(url) else { return nil }
        return (safe, end)
    }
}
