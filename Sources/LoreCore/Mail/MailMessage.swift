import Foundation

/// An e-mail as the service desk needs it: who sent it, the subject, threading ids and the readable text.
public struct MailMessage: Sendable, Equatable {
    public var fromAddress: String
    public var fromName: String?
    public var subject: String
    public var messageID: String?
    public var inReplyTo: String?
    public var date: String?
    /// The text/plain part (or text/html reduced to text), decoded to Unicode.
    public var text: String
    /// File names of attachments (their content is not kept yet).
    public var attachments: [String]
}

public enum MailParseError: Error, Sendable, Equatable {
    case empty
    case noHeaders
    case missingFrom
    case tooLarge(Int)
}

/// Parses RFC 5322 messages with MIME (RFC 2045–2047): multipart bodies, quoted-printable and base64 transfer
/// encodings, encoded-word headers, and the charsets Chinese mail uses (UTF-8, GBK/GB2312/GB18030, Big5), besides
/// Latin-1 and Windows-1252. Unknown charsets fall back to UTF-8 with replacement characters, never an error.
public enum MailParser {
    public static let maximumBytes = 10 * 1024 * 1024

    public static func parse(_ raw: [UInt8]) throws -> MailMessage {
        guard !raw.isEmpty else { throw MailParseError.empty }
        guard raw.count <= maximumBytes else { throw MailParseError.tooLarge(raw.count) }
        let part = MIMEPart(raw)
        guard !part.headers.isEmpty else { throw MailParseError.noHeaders }
        // The author; failing a usable From, who sent it (Sender), who wants the answer (Reply-To), or the envelope.
        let candidates = ["from", "sender", "reply-to", "return-path"].compactMap { part.header($0) }
        guard let from = candidates.lazy.compactMap(MailAddress.parse).first else { throw MailParseError.missingFrom }
        var texts: [String] = []
        var htmls: [String] = []
        var attachments: [String] = []
        collect(part, texts: &texts, htmls: &htmls, attachments: &attachments, depth: 0)
        let text = texts.isEmpty ? htmls.map(HTMLText.plain).joined(separator: "\n\n") : texts.joined(separator: "\n\n")
        return MailMessage(
            fromAddress: from.address, fromName: from.name,
            subject: part.header("subject").map(MailHeaders.decodeWords)?.trimmingCharacters(
                in: .whitespacesAndNewlines) ?? "",
            messageID: part.header("message-id").map(MailHeaders.angleID),
            inReplyTo: part.header("in-reply-to").map(MailHeaders.angleID),
            date: part.header("date"), text: text.trimmingCharacters(in: .whitespacesAndNewlines),
            attachments: attachments)
    }

    /// Walks the MIME tree: inline text parts are the message, the rest are attachments. Nesting is bounded.
    static func collect(
        _ part: MIMEPart, texts: inout [String], htmls: inout [String], attachments: inout [String], depth: Int
    ) {
        let type = part.contentType
        if type.value.hasPrefix("multipart/"), depth < 10, let boundary = type.parameters["boundary"] {
            let children = part.children(boundary: boundary)
            // In multipart/alternative the parts say the same thing: keep the plain one when there is one.
            if type.value == "multipart/alternative",
                let plain = children.last(where: { $0.contentType.value == "text/plain" })
            {
                collect(plain, texts: &texts, htmls: &htmls, attachments: &attachments, depth: depth + 1)
                return
            }
            for child in children {
                collect(child, texts: &texts, htmls: &htmls, attachments: &attachments, depth: depth + 1)
            }
            return
        }
        let disposition = MailHeaders.valueAndParameters(part.header("content-disposition") ?? "")
        let filename = disposition.parameters["filename"] ?? type.parameters["name"]
        if disposition.value == "attachment" || (filename != nil && !type.value.hasPrefix("text/")) {
            attachments.append(MailHeaders.decodeWords(filename ?? "attachment"))
            return
        }
        switch type.value {
        case "text/plain", "": texts.append(part.decodedText())
        case "text/html": htmls.append(part.decodedText())
        case "message/rfc822":
            collect(
                MIMEPart(part.decodedBody()), texts: &texts, htmls: &htmls, attachments: &attachments, depth: depth + 1)
        default: attachments.append(MailHeaders.decodeWords(filename ?? type.value))
        }
    }
}
