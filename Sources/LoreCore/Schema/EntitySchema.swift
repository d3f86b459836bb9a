/// Describes one kind of record: its table, fields, ownership and permissions.
/// The store, the JSON API, the OpenAPI document and the web forms are all driven by it.
public struct EntitySchema: Sendable {
    /// Table name and API collection key, e.g. `accounts`.
    public var name: String
    /// URL path segment, e.g. `product-categories`.
    public var path: String
    /// Singular type name for documents, e.g. `Account`.
    public var typeName: String
    public var fields: [FieldSchema]
    /// The field that names a record in lists, links and search.
    public var titleField: String
    /// Owned records carry owner and team and are filtered by ``AccessScope``.
    public var owned: Bool
    /// Extra user columns that also grant visibility (a task's assignee).
    public var visibleToUserColumns: [String]
    public var access: AccessRule
    /// Default list order.
    public var defaultSort: String
    public var defaultDescending: Bool

    public init(
        name: String, path: String? = nil, typeName: String, fields: [FieldSchema], titleField: String, owned: Bool,
        visibleToUserColumns: [String] = [], access: AccessRule, defaultSort: String = "id",
        defaultDescending: Bool = true
    ) {
        self.name = name
        self.path = path ?? name.replacingOccurrences(of: "_", with: "-")
        self.typeName = typeName
        self.fields = fields
        self.titleField = titleField
        self.owned = owned
        self.visibleToUserColumns = visibleToUserColumns
        self.access = access
        self.defaultSort = defaultSort
        self.defaultDescending = defaultDescending
    }

    public func field(_ name: String) -> FieldSchema? {
        fields.first { $0.name == name }
    }

    /// A field the code names as a constant (a programming error otherwise, like ``Catalog/subscript(_:)``); never
    /// call it with a name that came from a request.
    public func knownField(_ name: String) -> FieldSchema {
        guard let f = field(name) else { preconditionFailure("\(self.name) has no field \(name)") }
        return f
    }

    /// Columns of the entity's own table that carry field values.
    public var columnFields: [FieldSchema] { fields.filter(\.isColumn) }

    /// Names accepted for `sort`: sortable fields plus the bookkeeping columns.
    public var sortKeys: [String] {
        ["id", "created_at", "updated_at"] + fields.filter(\.sortable).map(\.name)
    }

    /// Columns every table has besides its fields.
    public static let systemColumns = ["id", "created_at", "updated_at", "created_by", "updated_by", "archived_at"]
    public static let ownershipColumns = ["owner_id", "team_id"]
}
