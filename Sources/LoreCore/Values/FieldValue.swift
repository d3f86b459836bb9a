/// A stored field value, in the shape the database holds it.
public enum FieldValue: Sendable, Equatable, Hashable {
    case null
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    /// The members of a reference set.
    case ids([Int64])

    public var isNull: Bool { self == .null }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var int: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    public var double: Double? {
        switch self {
        case .double(let d): d
        case .int(let i): Double(i)
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var ids: [Int64] {
        if case .ids(let ids) = self { return ids }
        return []
    }
}

/// A stored record of any entity: its id, field values and bookkeeping.
public struct Record: Sendable, Equatable {
    public var entity: String
    public var id: Int64
    public var values: [String: FieldValue]
    public var ownerID: Int64?
    public var teamID: Int64?
    public var createdAt: String
    public var updatedAt: String
    public var createdBy: Int64?
    public var updatedBy: Int64?
    public var archivedAt: String?

    public init(
        entity: String, id: Int64, values: [String: FieldValue], ownerID: Int64? = nil, teamID: Int64? = nil,
        createdAt: String,
        updatedAt: String, createdBy: Int64? = nil, updatedBy: Int64? = nil, archivedAt: String? = nil
    ) {
        self.entity = entity
        self.id = id
        self.values = values
        self.ownerID = ownerID
        self.teamID = teamID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.updatedBy = updatedBy
        self.archivedAt = archivedAt
    }

    public subscript(field: String) -> FieldValue {
        values[field] ?? .null
    }

    /// The display title: the entity's title field, or `#id`.
    public func title(in schema: EntitySchema) -> String {
        if let s = values[schema.titleField]?.string, !s.isEmpty { return s }
        return "#\(id)"
    }
}
