/// Markdown files with YAML-style front matter, as used by the knowledge-base import and export:
///
///     ---
///     title: 如何申请退款
///     type: faq
///     tags: [退款, billing]
///     ---
///     Body in Markdown…
///
/// Only the subset Lore writes is read: `key: value` lines, `[a, b]` lists and quoted strings.
public enum FrontMatter {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public enum Value: Sendable, Equatable {
        case string(String)
        case list([String])
    }

    public static func parse(_ text: String) throws -> (fields: [String: Value], body: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw ParseError(line: 1, message: "the file must start with a --- line opening the front matter")
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw ParseError(line: lines.count, message: "the front matter is not closed with a --- line")
        }
        var fields: [String: Value] = [:]
        for i in 1..<end {
            let line = lines[i]
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw ParseError(line: i + 1, message: "expected key: value")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else {
                throw ParseError(line: i + 1, message: "bad key \(key)")
            }
            guard fields[key] == nil else { throw ParseError(line: i + 1, message: "\(key) appears twice") }
            let raw = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if raw.hasPrefix("[") {
                guard raw.hasSuffix("]") else { throw ParseError(line: i + 1, message: "a list must end with ]") }
                let inner = raw.dropFirst().dropLast()
                fields[key] = .list(
                    try inner.split(separator: ",").map {
                        try unquote(String($0).trimmingCharacters(in: .whitespaces), line: i + 1)
                    }.filter {
                        !$0.isEmpty
                    })
            } else {
                fields[key] = .string(try unquote(raw, line: i + 1))
            }
        }
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .newlines)
        return (fields, body)
    }

    static func unquote(_ s: String, line: Int) throws -> String {
        guard let first = s.first, first == "\"" || first == "'" else { return s }
        guard s.count >= 2, s.last == first else { throw ParseError(line: line, message: "unterminated quoted string") }
        let inner = String(s.dropFirst().dropLast())
        return first == "\""
            ? inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            : inner.replacingOccurrences(of: "''", with: "'")
    }

    /// Writes front matter and body; values that could be misread are quoted.
    public static func render(_ fields: [(String, Value)], body: String) -> String {
        var out = "---\n"
        for (k, v) in fields {
            switch v {
            case .string(let s): out += "\(k): \(quote(s))\n"
            case .list(let items): out += "\(k): [\(items.map(quote).joined(separator: ", "))]\n"
            }
        }
        return out + "---\n" + body + "\n"
    }

    static func quote(_ s: String) -> String {
        let risky = s.isEmpty || s.contains(where: { ":,[]#\"'\n".contains($0) }) || s.first == " " || s.last == " "
        guard risky else { return s }
        return "\""
            + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
            + "\""
    }
}
