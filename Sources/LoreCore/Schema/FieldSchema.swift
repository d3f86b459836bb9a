/// One field of an entity.
public struct FieldSchema: Sendable {
    public var name: String
    public var kind: FieldKind
    public var required: Bool
    /// A unique key: a second record with the same value is a conflict (409).
    public var unique: Bool
    /// Can be used as an equality filter in list queries (`?field=value`).
    public var filterable: Bool
    /// Included in the list's free-text `q` search.
    public var searchable: Bool
    /// Shown as a column on list pages.
    public var listed: Bool
    /// Computed by Lore; clients may read but not write it.
    public var readOnly: Bool

    public init(
        _ name: String, _ kind: FieldKind, required: Bool = false, unique: Bool = false, filterable: Bool = false,
        searchable: Bool = false, listed: Bool = false, readOnly: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.unique = unique
        self.filterable = filterable
        self.searchable = searchable
        self.listed = listed
        self.readOnly = readOnly
    }

    /// Sorting is offered on required scalar fields, so keyset cursors never meet NULLs.
    public var sortable: Bool {
        guard required, !readOnly else { return false }
        switch kind {
        case .longText, .referenceSet: return false
        default: return true
        }
    }

    /// Stored in the entity's own table (reference sets live in join tables).
    public var isColumn: Bool {
        if case .referenceSet = kind { return false }
        return true
    }
}
