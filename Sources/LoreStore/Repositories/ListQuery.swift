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

/// Keyset cursor: the id of the last record of a page (as Stripe's `starting_after`). The next page starts after that
/// record's position in the list's order, read from the record itself, so any cursor is either a record id or refused,
/// and a cursor carries no state a client could forge into a query of another type.
enum Cursor {
    static func encode(id: Int64) -> String { String(id) }

    /// The id, or nil when the text is not a positive whole number.
    static func decode(_ text: String) -> Int64? {
        guard text.count <= 19, let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
