import Foundation
import LoreCore

/// What a list request asks for.
public struct ListQuery: Sendable {
    public enum ArchiveFilter: String, Sendable {
        case exclude, include, only
    }

    public var filters: [String: FieldValue] = [:]
    public var text: String?
    public var sort: String?
    public var descending: Bool?
    public var limit: Int = 50
    public var cursor: String?
    public var archived: ArchiveFilter = .exclude
    public var ownerID: Int64?

    public init() {}

    public static let maximumLimit = 200
}

/// One page of a list, with the cursor for the next page if there is one.
public struct RecordPage: Sendable {
    public var records: [Record]
    public var nextCursor: String?
}

/// Keyset cursor: the sort value and id of the last row of a page, base64url-encoded.
struct Cursor: Equatable {
    var value: FieldValue
    var id: Int64

    func encode() -> String {
        let v: String =
            switch value {
            case .string(let s): "s" + s
            case .int(let i): "i" + String(i)
            case .double(let d): "d" + String(d)
            case .bool(let b): "b" + (b ? "1" : "0")
            default: "n"
            }
        let raw = "\(id)|" + v
        return Data(raw.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Cursor? {
        var b64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard text.count < 4096, let data = Data(base64Encoded: b64), let raw = String(data: data, encoding: .utf8),
            let bar = raw.firstIndex(of: "|"), let id = Int64(raw[..<bar])
        else { return nil }
        let rest = raw[raw.index(after: bar)...]
        guard let tag = rest.first else { return nil }
        let body = String(rest.dropFirst())
        let value: FieldValue
        switch tag {
        case "s": value = .string(body)
        case "i": guard let i = Int64(body) else { return nil }; value = .int(i)
        case "d": guard let d = Double(body) else { return nil }; value = .double(d)
        case "b": value = .bool(body == "1")
        default: return nil
        }
        return Cursor(value: value, id: id)
    }
}
