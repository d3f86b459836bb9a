import LoreCore
import SQLKit

extension RecordRepository {
    static func insert(
        _ schema: EntitySchema, values input: [String: FieldValue], principal: Principal, on db: any SQLDatabase
    )
        async throws -> Record
    {
        var values = input
        let ownerID = values.removeValue(forKey: "owner_id")?.int ?? principal.userID
        try await RecordHooks.beforeSave(schema, values: &values, existing: nil, principal: principal, on: db)
        try await RecordChecks.verify(schema, values: values, id: nil, principal: principal, on: db)
        let now = Timestamp.now()
        var columns = ["created_at", "updated_at", "created_by", "updated_by"]
        var exprs: [any SQLExpression] = [
            SQLBind(now), SQLBind(now), SQLBind(principal.userID), SQLBind(principal.userID),
        ]
        if schema.owned {
            var (owner, team) = try await RecordChecks.owner(ownerID, fallbackTeam: principal.teamID, on: db)
            if let inherited = try await RecordHooks.inheritedOwnership(schema, values: values, on: db) {
                (owner, team) = inherited
            }
            columns += ["owner_id", "team_id"]
            exprs += [
                SQLValues.expression(owner.map(FieldValue.int) ?? .null),
                SQLValues.expression(team.map(FieldValue.int) ?? .null),
            ]
        }
        for field in schema.columnFields {
            guard let v = values[field.name] else { continue }
            columns.append(field.name)
            exprs.append(SQLValues.expression(v))
        }
        let row = try await mapConstraintErrors {
            try await db.insert(into: schema.name).columns(columns).values(exprs).returning("id").first()
        }
        guard let id = try row?.decode(column: "id", as: Int64.self) else {
            throw StoreError.conflict(field: nil, message: "insert failed")
        }
        try await writeReferenceSets(schema, id: id, values: values, on: db)
        guard let record = try await fetch(schema, id: id, scope: .all, on: db) else {
            throw StoreError.notFound(entity: schema.name, id: id)
        }
        try await RecordHooks.afterSave(schema, record: record, previous: nil, on: db)
        try await AuditLog.record(
            on: db, userID: principal.userID, entity: schema.name, entityID: id, action: "create",
            summary: record.title(in: schema), changes: AuditLog.diff(old: [:], new: record.values))
        return record
    }

    static func update(
        _ schema: EntitySchema, id: Int64, changes input: [String: FieldValue], principal: Principal,
        on db: any SQLDatabase
    )
        async throws -> Record
    {
        let existing = try await fetchToChange(schema, id: id, principal: principal, on: db)
        var changes = input
        let newOwner = changes.removeValue(forKey: "owner_id")?.int
        var merged = existing.values
        for (k, v) in changes { merged[k] = v }
        try await RecordHooks.beforeSave(schema, values: &merged, existing: existing, principal: principal, on: db)
        let touched = merged.filter { existing.values[$0.key] != $0.value }
        try await RecordChecks.verify(
            schema, values: merged, id: id, principal: principal, on: db, onlyFields: Set(touched.keys))
        var sets: [(String, any SQLExpression)] = [
            ("updated_at", SQLBind(Timestamp.now())), ("updated_by", SQLBind(principal.userID)),
        ]
        if schema.owned, let newOwner, newOwner != existing.ownerID {
            let (owner, team) = try await RecordChecks.owner(newOwner, fallbackTeam: nil, on: db)
            sets += [
                ("owner_id", SQLBind(owner)), ("team_id", SQLValues.expression(team.map(FieldValue.int) ?? .null)),
            ]
        }
        for field in schema.columnFields {
            guard let v = touched[field.name] else { continue }
            sets.append((field.name, SQLValues.expression(v)))
        }
        var builder = db.update(schema.name).where("id", .equal, SQLBind(id))
        for (column, value) in sets { builder = builder.set(SQLColumn(column), to: value) }
        try await mapConstraintErrors { try await builder.run() }
        try await writeReferenceSets(schema, id: id, values: touched, on: db)
        guard let record = try await fetch(schema, id: id, scope: .all, on: db) else {
            throw StoreError.notFound(entity: schema.name, id: id)
        }
        try await RecordHooks.afterSave(schema, record: record, previous: existing, on: db)
        var diff = AuditLog.diff(old: existing.values, new: record.values)
        if record.ownerID != existing.ownerID {
            diff["owner_id"] = [
                existing.ownerID.map(FieldValue.int) ?? .null, record.ownerID.map(FieldValue.int) ?? .null,
            ]
        }
        if !diff.isEmpty {
            try await AuditLog.record(
                on: db, userID: principal.userID, entity: schema.name, entityID: id, action: "update",
                summary: record.title(in: schema), changes: diff)
        }
        return record
    }

    static func setArchived(
        _ schema: EntitySchema, id: Int64, archived: Bool, principal: Principal, on db: any SQLDatabase
    ) async throws
        -> Record
    {
        let existing = try await fetchToChange(schema, id: id, principal: principal, on: db)
        let now = Timestamp.now()
        try await db.update(schema.name).where("id", .equal, SQLBind(id))
            .set(
                "archived_at", to: archived ? SQLBind(existing.archivedAt ?? now) as any SQLExpression : SQLLiteral.null
            )
            .set("updated_at", to: SQLBind(now)).set("updated_by", to: SQLBind(principal.userID))
            .run()
        try await AuditLog.record(
            on: db, userID: principal.userID, entity: schema.name, entityID: id,
            action: archived ? "archive" : "restore",
            summary: existing.title(in: schema), changes: [:])
        guard let record = try await fetch(schema, id: id, scope: .all, on: db) else {
            throw StoreError.notFound(entity: schema.name, id: id)
        }
        return record
    }

    static func delete(_ schema: EntitySchema, id: Int64, principal: Principal, on db: any SQLDatabase) async throws {
        let existing = try await fetchToChange(schema, id: id, principal: principal, on: db)
        try await mapConstraintErrors(referenced: true) {
            try await db.delete(from: schema.name).where("id", .equal, SQLBind(id)).run()
        }
        try await RecordHooks.afterDelete(schema, record: existing, on: db)
        try await AuditLog.record(
            on: db, userID: principal.userID, entity: schema.name, entityID: id, action: "delete",
            summary: existing.title(in: schema), changes: AuditLog.diff(old: existing.values, new: [:]))
    }

    static func writeReferenceSets(
        _ schema: EntitySchema, id: Int64, values: [String: FieldValue], on db: any SQLDatabase
    ) async throws {
        for field in schema.fields where !field.isColumn {
            guard let v = values[field.name] else { continue }
            let table = SQLValues.joinTable(schema, field)
            try await db.delete(from: table).where("record_id", .equal, SQLBind(id)).run()
            for member in v.ids {
                try await db.insert(into: table).columns("record_id", "member_id").values(SQLBind(id), SQLBind(member))
                    .run()
            }
        }
    }

    /// Turns the engines' constraint violations into store errors: unique keys → conflict, foreign keys → conflict on delete.
    static func mapConstraintErrors<T>(referenced: Bool = false, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as StoreError {
            throw error
        } catch {
            let text = String(reflecting: error)
            if text.contains("UNIQUE constraint") || text.contains("23505") || text.contains("unique_violation") {
                throw StoreError.conflict(field: nil, message: "a record with the same unique key already exists")
            }
            if text.contains("FOREIGN KEY constraint") || text.contains("23503")
                || text.contains("foreign_key_violation")
            {
                throw StoreError.conflict(
                    field: nil,
                    message: referenced
                        ? "other records still refer to this one; archive it instead"
                        : "a referenced record does not exist")
            }
            throw error
        }
    }

    /// The record `principal` may change: within their ownership scope. One they can only read (a customer of a case
    /// they work) is a 403; one they cannot see at all, a 404.
    static func fetchToChange(_ schema: EntitySchema, id: Int64, principal: Principal, on db: any SQLDatabase)
        async throws -> Record
    {
        if let record = try await fetch(schema, id: id, scope: principal.ownership, on: db) { return record }
        guard try await fetch(schema, id: id, scope: principal.scope, on: db) != nil else {
            throw StoreError.notFound(entity: schema.name, id: id)
        }
        throw AccessRefusal.forbidden(
            "You can read this \(schema.typeName) because of a case you work on, but only its owners can change it.")
    }
}
