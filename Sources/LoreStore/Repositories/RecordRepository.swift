import LoreCore
import SQLKit

/// Stores and reads every entity in ``Catalog`` through one schema-driven implementation.
/// Reads are limited to what the principal may see; writes are validated, audited and atomic.
public struct RecordRepository: Sendable {
    public let database: any LoreDatabase

    public init(database: any LoreDatabase) {
        self.database = database
    }

    public func list(_ schema: EntitySchema, query: ListQuery, as principal: Principal) async throws -> RecordPage {
        try await database.read { db in try await Self.list(schema, query: query, scope: principal.scope, on: db) }
    }

    public func get(_ schema: EntitySchema, id: Int64, as principal: Principal) async throws -> Record {
        try await database.pointRead { db in
            guard let r = try await Self.fetch(schema, id: id, scope: principal.scope, on: db) else {
                throw StoreError.notFound(entity: schema.name, id: id)
            }
            return r
        }
    }

    /// Whether `principal` may change the record (it is within their ownership scope), beyond reading it.
    public func mayChange(_ schema: EntitySchema, id: Int64, as principal: Principal) async throws -> Bool {
        guard principal.scope != principal.ownership else { return true }
        return try await database.pointRead { db in
            try await Self.fetch(schema, id: id, scope: principal.ownership, on: db) != nil
        }
    }

    public func create(_ schema: EntitySchema, values: [String: FieldValue], as principal: Principal) async throws
        -> Record
    {
        try await database.write { db in try await Self.insert(schema, values: values, principal: principal, on: db) }
    }

    public func update(_ schema: EntitySchema, id: Int64, changes: [String: FieldValue], as principal: Principal)
        async throws
        -> Record
    {
        try await database.write { db in
            try await Self.update(schema, id: id, changes: changes, principal: principal, on: db)
        }
    }

    /// Archives (soft-deletes) a record, or brings it back with `archived: false`.
    public func setArchived(_ schema: EntitySchema, id: Int64, archived: Bool, as principal: Principal) async throws
        -> Record
    {
        try await database.write { db in
            try await Self.setArchived(schema, id: id, archived: archived, principal: principal, on: db)
        }
    }

    /// Deletes a record for good; refused with a conflict while other records refer to it.
    public func delete(_ schema: EntitySchema, id: Int64, as principal: Principal) async throws {
        let engine = database.engine
        try await database.write { db in
            try await Self.delete(schema, id: id, principal: principal, on: db)
            try await ArticleWrites.dropLinks(toDeleted: schema.name, id: id, engine: engine, on: db)
        }
    }

    /// Display titles of records by id, for links in lists and pages. Records the principal may not see are left out.
    public func titles(entity: String, ids: Set<Int64>, as principal: Principal) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            try await Self.titles(entity: entity, ids: ids, scope: principal.scope, on: db)
        }
    }
}
