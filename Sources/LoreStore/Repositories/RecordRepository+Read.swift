import LoreCore
import SQLKit

extension RecordRepository {
    static func selectColumns(_ schema: EntitySchema) -> [String] {
        EntitySchema.systemColumns + (schema.owned ? EntitySchema.ownershipColumns : [])
            + schema.columnFields.map(\.name)
    }

    static func list(_ schema: EntitySchema, query: ListQuery, scope: AccessScope, on db: any SQLDatabase) async throws
        -> RecordPage
    {
        let sortKey = query.sort ?? schema.defaultSort
        guard schema.sortKeys.contains(sortKey) else {
            throw StoreError.badRequest(
                "cannot sort by '\(sortKey)'; use one of \(schema.sortKeys.joined(separator: ", "))")
        }
        let descending = query.descending ?? (query.sort == nil ? schema.defaultDescending : false)
        let limit = min(max(query.limit, 1), ListQuery.maximumLimit)
        var select = db.select().column(ColumnLists.expression(schema)).from(schema.name)
        if let predicate = ScopeFilter.predicate(scope, schema: schema) { select = select.where(predicate) }
        switch query.archived {
        case .exclude: select = select.where("archived_at", .is, SQLLiteral.null)
        case .only: select = select.where("archived_at", .isNot, SQLLiteral.null)
        case .include: break
        }
        for (name, value) in query.filters.sorted(by: { $0.key < $1.key }) {
            select =
                value.isNull
                ? select.where(SQLColumn(name), .is, SQLLiteral.null)
                : select.where(SQLColumn(name), .equal, SQLValues.expression(value))
        }
        if let owner = query.ownerID, schema.owned { select = select.where("owner_id", .equal, SQLBind(owner)) }
        if let text = query.text { select = matching(text, schema: schema, select) }
        if let token = query.cursor {
            select = try await after(token, sortKey: sortKey, descending: descending, schema: schema, select, on: db)
        }
        let direction: SQLDirection = descending ? .descending : .ascending
        select = select.orderBy(sortKey, direction)
        if sortKey != "id" { select = select.orderBy("id", direction) }
        let rows = try await select.limit(limit + 1).all()
        var records = try rows.prefix(limit).map { try decodeRecord(schema, $0) }
        try await loadReferenceSets(schema, into: &records, on: db)
        var next: String?
        if rows.count > limit, let last = records.last { next = Cursor.encode(id: last.id) }
        return RecordPage(records: records, nextCursor: next)
    }

    /// Free text: any searchable field containing it (case-insensitive).
    static func matching(_ raw: String, schema: EntitySchema, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let searchable = schema.fields.filter(\.searchable)
        guard !text.isEmpty, !searchable.isEmpty else { return select }
        let pattern = SQLValues.likePattern(String(text.prefix(200)))
        let parts: [any SQLExpression] = searchable.map {
            SQLQueryString("lower(\(ident: $0.name)) LIKE \(bind: pattern) ESCAPE '\\'")
        }
        return select.where(SQLGroupExpression(SQLList(parts, separator: SQLRaw(" OR "))))
    }

    /// The page after the cursor's record, by the sort key and then id.
    static func after(
        _ token: String, sortKey: String, descending: Bool, schema: EntitySchema, _ select: SQLSelectBuilder,
        on db: any SQLDatabase
    ) async throws -> SQLSelectBuilder {
        guard let id = Cursor.decode(token) else {
            throw StoreError.badRequest("cursor must be the next_cursor of a previous page")
        }
        let op: SQLBinaryOperator = descending ? .lessThan : .greaterThan
        if sortKey == "id" { return select.where(SQLColumn("id"), op, SQLBind(id)) }
        // The position is the cursor record's own sort value; a record that is gone cannot be continued from.
        let position = SQLQueryString("(SELECT \(ident: sortKey) FROM \(ident: schema.name) WHERE id = \(bind: id))")
        guard try await db.select().column("id").from(schema.name).where("id", .equal, SQLBind(id)).first() != nil
        else {
            throw StoreError.notFound(entity: schema.name, id: id)
        }
        return select.where(group: { g in
            g.where(SQLColumn(sortKey), op, position)
                .orWhere(group: {
                    $0.where(SQLColumn(sortKey), .equal, position).where(SQLColumn("id"), op, SQLBind(id))
                })
        })
    }

    static func fetch(_ schema: EntitySchema, id: Int64, scope: AccessScope, on db: any SQLDatabase) async throws
        -> Record?
    {
        // The hottest query in Lore (every GET of a record): written as plain text to skip the builder's work.
        let query: SQLQueryString
        if let predicate = ScopeFilter.predicate(scope, schema: schema) {
            query =
                "SELECT \(ColumnLists.expression(schema)) FROM \(ident: schema.name) WHERE id = \(bind: id) AND \(predicate)"
        } else {
            query = "SELECT \(ColumnLists.expression(schema)) FROM \(ident: schema.name) WHERE id = \(bind: id)"
        }
        guard let row = try await db.raw(query).first() else { return nil }
        var records = [try decodeRecord(schema, row)]
        try await loadReferenceSets(schema, into: &records, on: db)
        return records[0]
    }

    static func decodeRecord(_ schema: EntitySchema, _ row: any SQLRow) throws -> Record {
        var values: [String: FieldValue] = [:]
        for field in schema.columnFields {
            values[field.name] = try SQLValues.decode(row, column: field.name, kind: field.kind)
        }
        return Record(
            entity: schema.name, id: try row.decode(column: "id", as: Int64.self), values: values,
            ownerID: schema.owned ? try SQLValues.optionalInt(row, "owner_id") : nil,
            teamID: schema.owned ? try SQLValues.optionalInt(row, "team_id") : nil,
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            createdBy: try SQLValues.optionalInt(row, "created_by"),
            updatedBy: try SQLValues.optionalInt(row, "updated_by"),
            archivedAt: try SQLValues.optionalString(row, "archived_at"))
    }

    static func loadReferenceSets(_ schema: EntitySchema, into records: inout [Record], on db: any SQLDatabase)
        async throws
    {
        let setFields = schema.fields.filter { !$0.isColumn }
        guard !setFields.isEmpty, !records.isEmpty else { return }
        let ids = records.map(\.id)
        for field in setFields {
            let rows = try await db.select().columns("record_id", "member_id").from(SQLValues.joinTable(schema, field))
                .where("record_id", .in, SQLBind.group(ids)).orderBy("member_id").all()
            var members: [Int64: [Int64]] = [:]
            for row in rows {
                members[try row.decode(column: "record_id", as: Int64.self), default: []]
                    .append(try row.decode(column: "member_id", as: Int64.self))
            }
            for i in records.indices { records[i].values[field.name] = .ids(members[records[i].id] ?? []) }
        }
    }

    static func titles(entity: String, ids: Set<Int64>, scope: AccessScope, on db: any SQLDatabase) async throws
        -> [Int64: String]
    {
        let idList = Array(ids)
        if entity == "users" {
            let rows = try await db.select().columns("id", "name").from("users").where("id", .in, SQLBind.group(idList))
                .all()
            return try Dictionary(
                uniqueKeysWithValues: rows.map {
                    (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self))
                })
        }
        guard let schema = Catalog.entity(entity) else { return [:] }
        var select = db.select().columns("id", schema.titleField).from(schema.name).where(
            "id", .in, SQLBind.group(idList))
        if let predicate = ScopeFilter.predicate(scope, schema: schema) { select = select.where(predicate) }
        var out: [Int64: String] = [:]
        for row in try await select.all() {
            let id = try row.decode(column: "id", as: Int64.self)
            out[id] =
                schema.titleField == "id"
                ? "#\(id)" : (try SQLValues.optionalString(row, schema.titleField) ?? "#\(id)")
        }
        return out
    }
}
