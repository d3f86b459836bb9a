import LoreCore

/// A record's page (`detail.mustache`): its fields, related lists, interaction timeline and history.
struct RecordPageModel: Encodable {
    var entityLabel: String
    var entityPlural: String
    var path: String
    var id: Int64
    var recordTitle: String
    var fields: [RecordCellModel]
    var owner: String
    var createdAt: String
    var updatedAt: String
    var archived: Bool
    var canEdit: Bool
    var canArchive: Bool
    /// A lead that may be converted: the conversion page.
    var convertHref: String?
    var related: [RelatedList]
    /// Accounts, contacts and opportunities: their interactions, and the form that logs a new one.
    var timeline: [TimelineItem]?
    var logForm: LogForm?
    var history: SectionModel<HistoryItem>?

    /// A list of records that refer to this one (an account's contacts, an order's lines).
    struct RelatedList: Encodable {
        struct Item: Encodable {
            var href: String
            var title: String
            var cells: [RecordCellModel]
        }
        var title: String
        var count: Int
        var more: Bool
        var allHref: String
        var newHref: String?
        var items: [Item]
    }

    struct TimelineItem: Encodable {
        var href: String
        var kind: String
        var kindLabel: String
        var direction: String
        var subject: String
        var body: String?
        var when: String
        var datetime: String
        var owner: String
        var contact: RecordCellModel
        var account: RecordCellModel
    }

    /// The quick "log interaction" form under a timeline, pre-linked to this record (and its account).
    struct LogForm: Encodable {
        struct Hidden: Encodable {
            var name: String
            var value: String
        }
        var links: [Hidden]
        var returnTo: String
        var now: String
        var kinds: [OptionModel]
        var directions: [OptionModel]
        var tzLabel: String
    }

    struct HistoryItem: Encodable {
        var at: String
        var who: String
        var action: String
        var changes: String
    }
}
