import Foundation

/// One MIME entity: its headers (unfolded, names lower-cased) and its raw body bytes.
struct MIMEPart {
    var headers: [(name: String, value: String)] = []
    var body: ArraySlice<UInt8>

    init(_ raw: [UInt8]) { self.init(raw[...]) }

    init(_ raw: ArraySlice<UInt8>) {
        // Headers end at the first empty line (CRLF CRLF or LF LF).
        var i = raw.startIndex
        var lines: [ArraySlice<UInt8>] = []
        var bodyStart = raw.endIndex
        var lineStart = i
        while i < raw.endIndex {
            if raw[i] == 10 {
                var line = raw[lineStart..<i]
                if line.last == 13 { line = line.dropLast() }
                if line.isEmpty {
                    bodyStart = i + 1
                    break
                }
                lines.append(line)
                lineStart = i + 1
            }
            i += 1
        }
        if i >= raw.endIndex, lineStart < raw.endIndex { lines.append(raw[lineStart...]) }
        body = raw[min(bodyStart, raw.endIndex)...]
        for line in lines {
            let text = Charsets.decodeHeaderBytes(line)
            if let first = text.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + text.trimmingCharacters(in: .whitespaces)
            } else if let colon = text.firstIndex(of: ":") {
                headers.append(
                    (
                        text[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                        text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    ))
            }
        }
        // Without a single header line this is not a MIME entity: treat it all as body.
        if headers.isEmpty && lines.first.map({ !$0.contains(58) }) ?? true { body = raw }
    }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    var contentType: (value: String, parameters: [String: String]) {
        MailHeaders.valueAndParameters(header("content-type") ?? "text/plain")
    }

    /// The body with its transfer encoding undone.
    func decodedBody() -> [UInt8] {
        switch (header("content-transfer-encoding") ?? "").lowercased().trimmingCharacters(in: .whitespaces) {
        case "base64": return TransferEncoding.base64(body)
        case "quoted-printable": return TransferEncoding.quotedPrintable(body)
        default: return Array(body)
        }
    }

    func decodedText() -> String {
        Charsets.decode(decodedBody(), charset: contentType.parameters["charset"])
    }

    /// The parts of a multipart body between `--boundary` lines (preamble and epilogue dropped).
    func children(boundary: String) -> [MIMEPart] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [MIMEPart] = []
        var start: Int?
        var i = body.startIndex
        while i < body.endIndex {
            let lineEnd = body[i...].firstIndex(of: 10) ?? body.endIndex
            var line = body[i..<lineEnd]
            if line.last == 13 { line = line.dropLast() }
            if line.starts(with: delimiter) {
                if let s = start {
                    var end = i
                    // The line break before a delimiter belongs to the delimiter.
                    if end > s, body[end - 1] == 10 { end -= 1 }
                    if end > s, body[end - 1] == 13 { end -= 1 }
                    parts.append(MIMEPart(body[s..<max(s, end)]))
                }
                if line.dropFirst(delimiter.count).starts(with: [45, 45]) { return parts }
                start = lineEnd + 1
            }
            i = lineEnd + 1
        }
        if let s = start, s < body.endIndex { parts.append(MIMEPart(body[s...])) }
        return parts
    }
}

enum TransferEncoding {
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let clean = bytes.filter { !($0 == 10 || $0 == 13 || $0 == 32 || $0 == 9) }
        var text = String(decoding: clean, as: UTF8.self)
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { Array($0) } ?? Array(bytes)
    }

    /// Quoted-printable (RFC 2045 §6.7); with `underscoreIsSpace` the header "Q" variant (RFC 2047).
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 61 {  // "="
                if i + 1 < bytes.endIndex, bytes[i + 1] == 10 {  // soft line break (LF)
                    i += 2
                    continue
                }
                if i + 2 < bytes.endIndex, bytes[i + 1] == 13, bytes[i + 2] == 10 {  // soft line break (CRLF)
                    i += 3
                    continue
                }
                if i + 2 < bytes.endIndex, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(underscoreIsSpace && b == 95 ? 32 : b)
            i += 1
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}
