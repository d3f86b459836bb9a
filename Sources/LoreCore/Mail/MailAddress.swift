import Foundation

/// A mailbox: `"Name" <user@example.com>`, `Name <user@example.com>`, a bare address, or the older
/// `user@example.com (Name)` with the name in an RFC 5322 comment. A header listing several (or a group,
/// `Team: a@x.org, b@y.org;`) gives its first mailbox.
public struct MailAddress: Sendable, Equatable {
    public var address: String
    public var name: String?

    public init(address: String, name: String?) {
        self.address = address
        self.name = name
    }

    /// The first mailbox of an address-list header, or nil when it has none with a usable address. Encoded words
    /// (RFC 2047) in the display name are decoded after the structure is read, so an encoded comma splits nothing.
    public static func parse(_ text: String) -> MailAddress? {
        for item in AddressLexer.mailboxes(text) {
            guard let address = normalized(item.address) else { continue }
            let name = (item.name ?? item.comment).map(MailHeaders.decodeWords)?.trimmingCharacters(in: .whitespaces)
            return MailAddress(address: address, name: (name?.isEmpty ?? true) ? nil : name)
        }
        return nil
    }

    /// `local@domain` lower-cased, with a non-empty local part and a dotted domain, or nil.
    static func normalized(_ raw: String) -> String? {
        let address = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
            !domain.contains(where: { $0.isWhitespace || $0 == "@" || $0 == "<" || $0 == ">" }),
            !local.contains(where: { $0 == "<" || $0 == ">" })
        else { return nil }
        // A quoted local part may hold spaces; an unquoted one may not.
        if !(local.hasPrefix("\"") && local.hasSuffix("\"")) && local.contains(where: \.isWhitespace) { return nil }
        return address
    }
}

/// Reads an address list character by character: quoted strings (with `\` escapes), nested comments, angle
/// brackets, commas between mailboxes, and the `display-name:` and `;` of groups.
enum AddressLexer {
    struct Item {
        var address: String
        var name: String?
        var comment: String?
    }

    static func mailboxes(_ text: String) -> [Item] {
        var items: [Item] = []
        var phrase = ""  // display name words, or a bare address
        var angle: String?  // the text inside < >, once seen
        var comment: String?  // the first comment, a legacy display name
        var chars = Array(text)[...]
        func finish() {
            let bare = phrase.trimmingCharacters(in: .whitespaces)
            if let angle {
                items.append(Item(address: angle, name: bare.isEmpty ? nil : bare, comment: comment))
            } else if !bare.isEmpty {
                items.append(Item(address: bare, name: nil, comment: comment))
            }
            (phrase, angle, comment) = ("", nil, nil)
        }
        while let c = chars.popFirst() {
            switch c {
            case "\"": phrase += "\"" + quoted(&chars) + "\""
            case "(":
                let text = self.comment(&chars)
                if comment == nil { comment = text.trimmingCharacters(in: .whitespaces) }
            case "<":
                angle = String(chars.prefix { $0 != ">" }).trimmingCharacters(in: .whitespaces)
                chars = chars.drop { $0 != ">" }.dropFirst()
                if angle?.hasPrefix("@") == true, let colon = angle?.firstIndex(of: ":") {
                    angle = angle.map { String($0[$0.index(after: colon)...]) }  // an obsolete source route
                }
            case ",", ";": finish()
            case ":" where angle == nil && !phrase.contains("@"): phrase = ""  // a group's name
            default: if angle == nil { phrase.append(c) }
            }
        }
        finish()
        return items.map { item in
            var item = item
            // A quoted display name loses its quotes; a quoted local part keeps them.
            if let n = item.name, n.hasPrefix("\""), n.hasSuffix("\""), n.count >= 2 {
                item.name = String(n.dropFirst().dropLast())
            }
            return item
        }
    }

    /// The rest of a quoted string, its escapes resolved.
    static func quoted(_ chars: inout ArraySlice<Character>) -> String {
        var out = ""
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.popFirst() {
                out.append(next)
            } else if c == "\"" {
                break
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The rest of a comment, nested comments included, escapes resolved.
    static func comment(_ chars: inout ArraySlice<Character>) -> String {
        var out = ""
        var depth = 1
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.popFirst() {
                out.append(next)
                continue
            }
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            out.append(c)
        }
        return out
    }
}
