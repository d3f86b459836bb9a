import Foundation

/// Header helpers: RFC 2047 encoded words, `value; name=param` syntax, message ids.
enum MailHeaders {
    /// Decodes `=?charset?B|Q?text?=` words; whitespace between two encoded words is dropped, as the RFC says.
    static func decodeWords(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var out = ""
        var rest = Substring(text)
        var lastWasEncoded = false
        var pendingSpace = ""
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            let pieces = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard pieces.count == 4, pieces[3].hasPrefix("="), let enc = pieces[1].first.map({ $0.lowercased() }),
                enc == "b" || enc == "q"
            else {
                out += pendingSpace + between + "=?"
                pendingSpace = ""
                rest = afterStart
                lastWasEncoded = false
                continue
            }
            if !(lastWasEncoded && between.allSatisfy(\.isWhitespace)) { out += pendingSpace + between }
            let charset = String(pieces[0].split(separator: "*").first ?? "")
            let payload = Array(pieces[2].utf8)[...]
            let bytes =
                enc == "b"
                ? TransferEncoding.base64(payload) : TransferEncoding.quotedPrintable(payload, underscoreIsSpace: true)
            out += Charsets.decode(bytes, charset: charset)
            pendingSpace = ""
            lastWasEncoded = true
            rest = pieces[3].dropFirst()
        }
        return out + pendingSpace + rest
    }

    /// `text/plain; charset="gbk"` → ("text/plain", ["charset": "gbk"]). Values are unquoted; names lower-cased.
    static func valueAndParameters(_ header: String) -> (value: String, parameters: [String: String]) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for ch in header {
            if ch == "\"" { quoted.toggle() }
            if ch == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        var params: [String: String] = [:]
        for p in parts.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            let name = p[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var value = p[p.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            params[name] = value
        }
        return (parts[0].trimmingCharacters(in: .whitespaces).lowercased(), params)
    }

    /// `<abc@host>` → `abc@host`.
    static func angleID(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
    }
}

/// Byte → text for the charsets mail arrives in.
enum Charsets {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "utf-8").lowercased().trimmingCharacters(in: .whitespaces)
        if let encoding = encoding(name), let s = String(data: Data(bytes), encoding: encoding) { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Raw 8-bit header bytes: UTF-8 when valid, else GB18030 (the usual culprit), else Latin-1.
    static func decodeHeaderBytes(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 128 }) { return String(decoding: bytes, as: UTF8.self) }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        if let s = String(data: Data(bytes), encoding: gb18030) { return s }
        return String(data: Data(bytes), encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
    }

    // Foundation's CFString encodings by number: these are the CoreFoundation constants, stable across platforms.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    static let big5 = String.Encoding(rawValue: 0x8000_0A03)

    static func encoding(_ name: String) -> String.Encoding? {
        switch name {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii": .utf8
        case "iso-8859-1", "latin1", "iso8859-1": .isoLatin1
        case "windows-1252", "cp1252": .windowsCP1252
        // GB2312 and GBK are subsets of GB18030, so one decoder reads all three.
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn": gb18030
        case "big5", "big5-hkscs": big5
        case "utf-16": .utf16
        default: nil
        }
    }
}

/// Just enough HTML-to-text for mail that has no plain part: drops tags, scripts and styles, decodes common entities.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var out = ""
        var i = html.startIndex
        var skipUntil: String?
        while i < html.endIndex {
            if html[i] == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                if let s = skipUntil {
                    if tag.hasPrefix("/" + s) { skipUntil = nil }
                } else if name == "script" || name == "style" {
                    skipUntil = name
                } else if ["br", "p", "div", "li", "tr", "h1", "h2", "h3"].contains(name)
                    || ["/p", "/div"].contains(tag)
                {
                    out += "\n"
                }
                i = html.index(after: close)
                continue
            }
            if skipUntil == nil { out.append(html[i]) }
            i = html.index(after: i)
        }
        for (entity, char) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
        ] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }
}
