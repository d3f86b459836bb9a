import LoreCore
import SQLKit

/// Checks that need the database: references exist and are visible, unique keys are free, trees have no cycles.
enum RecordChecks {
    static func verify(
        _ schema: EntitySchema, values: [String: FieldValue], id: Int64?, principal: Principal, on db: any SQLDatabase,
        onlyFields: Set<String>? = nil
    ) async throws {
        var errors = ConsistencyRules.check(entity: schema.name, values: values)
        for field in schema.fields {
            if let only = onlyFields, !only.contains(field.name) { continue }
            guard let value = values[field.name], !value.isNull, let target = field.kind.referencedEntity else {
                continue
            }
            let ids = field.isColumn ? (value.int.map { [$0] } ?? []) : value.ids
            if ids.isEmpty { continue }
            let found = try await visibleIDs(entity: target, ids: ids, principal: principal, on: db)
            if let missing = ids.first(where: { !found.contains($0) }) {
                errors.append(
                    FieldError(
                        field: field.name, code: "invalid_reference",
                        message: "no \(target) record \(missing) that you may see"))
            } else if field.isColumn, target == schema.name, let id,
                try await createsCycle(schema, field: field.name, id: id, parent: ids[0], on: db)
            {
                errors.append(
                    FieldError(
                        field: field.name, code: "invalid_reference", message: "would make a record its own ancestor"))
            }
        }
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
        for field in schema.fields where field.unique {
            if let only = onlyFields, !only.contains(field.name) { continue }
            guard let value = values[field.name], !value.isNull else { continue }
            var select = db.select().column("id").from(schema.name).where(
                SQLColumn(field.name), .equal, SQLValues.expression(value))
            if let id { select = select.where("id", .notEqual, SQLBind(id)) }
            if try await select.first() != nil {
                throw StoreError.duplicate(
                    field: field.name, message: "\(field.name) '\(value.string ?? "")' is already used")
            }
        }
    }

    static func visibleIDs(entity: String, ids: [Int64], principal: Principal, on db: any SQLDatabase) async throws
        -> Set<Int64>
    {
        var select = db.select().column("id").from(entity).where("id", .in, SQLBind.group(ids))
        if entity == "users" {
            select = select.where("active", .equal, SQLBind(true))
        } else if let schema = Catalog.entity(entity),
            let predicate = ScopeFilter.predicate(principal.scope, schema: schema)
        {
            select = select.where(predicate)
        }
        return Set(try await select.all().map { try $0.decode(column: "id", as: Int64.self) })
    }

    /// Walks up from `parent`; a cycle exists if the walk reaches `id`.
    static func createsCycle(_ schema: EntitySchema, field: String, id: Int64, parent: Int64, on db: any SQLDatabase)
        async throws -> Bool
    {
        var current: Int64? = parent
        var steps = 0
        while let c = current, steps < 1000 {
            if c == id { return true }
            let row = try await db.select().column(field).from(schema.name).where("id", .equal, SQLBind(c)).first()
            current = try row.flatMap { try SQLValues.optionalInt($0, field) }
            steps += 1
        }
        return false
    }

    /// The owner to record: an active user, and that user's team (or the fallback when they have none).
    static func owner(_ userID: Int64, fallbackTeam: Int64?, on db: any SQLDatabase) async throws -> (Int64?, Int64?) {
        guard
            let row = try await db.select().columns("id", "team_id").from("users")
                .where("id", .equal, SQLBind(userID)).where("active", .equal, SQLBind(true)).first()
        else {
            throw StoreError.invalid(
                ValidationFailure([
                    FieldError(field: "owner_id", code: "invalid_reference", message: "no active user \(userID)")
                ]))
        }
        return (userID, try SQLValues.optionalInt(row, "team_id") ?? fallbackTeam)
    }
}
