import LoreCore
import SQLKit

/// Derived fields that Lore keeps consistent on every write, whichever client made it.
enum RecordHooks {
    static func beforeSave(
        _ schema: EntitySchema, values: inout [String: FieldValue], existing: Record?, principal: Principal,
        on db: any SQLDatabase
    ) async throws {
        switch schema.name {
        case "opportunities":
            guard let stageID = values["stage_id"]?.int, stageID != existing?["stage_id"].int || existing == nil else {
                return
            }
            guard
                let stage = try await db.select().columns("probability", "outcome").from("pipeline_stages")
                    .where("id", .equal, SQLBind(stageID)).first()
            else { return }  // RecordChecks reports the bad reference.
            values["probability"] = .int(try stage.decode(column: "probability", as: Int64.self))
            let open = try stage.decode(column: "outcome", as: String.self) == "open"
            if open {
                values["closed_at"] = .null
            } else if existing?["closed_at"].isNull ?? true {
                values["closed_at"] = .string(Timestamp.now())
            }
        case "order_lines":
            let quantity = values["quantity"]?.int ?? 0
            let unitPrice = values["unit_price"]?.int ?? 0
            let discount = values["discount_pct"]?.double ?? 0
            values["line_total"] = .int(Int64((Double(quantity * unitPrice) * (1 - discount / 100)).rounded()))
            if (values["line_date"] ?? .null).isNull, let orderID = values["order_id"]?.int,
                let order = try await db.select().column("order_date").from("orders").where(
                    "id", .equal, SQLBind(orderID)
                ).first()
            {
                values["line_date"] = .string(try order.decode(column: "order_date", as: String.self))
            }
        case "orders":
            if existing == nil { values["total"] = .int(0) }
        default:
            break
        }
    }

    /// Child records that take their owner and team from their parent (an order line from its order).
    static func inheritedOwnership(_ schema: EntitySchema, values: [String: FieldValue], on db: any SQLDatabase)
        async throws
        -> (Int64?, Int64?)?
    {
        guard schema.name == "order_lines", let orderID = values["order_id"]?.int,
            let row = try await db.select().columns("owner_id", "team_id").from("orders").where(
                "id", .equal, SQLBind(orderID)
            ).first()
        else { return nil }
        return (try SQLValues.optionalInt(row, "owner_id"), try SQLValues.optionalInt(row, "team_id"))
    }

    static func afterSave(_ schema: EntitySchema, record: Record, previous: Record?, on db: any SQLDatabase)
        async throws
    {
        guard schema.name == "order_lines" else { return }
        var orders: Set<Int64> = []
        if let o = record["order_id"].int { orders.insert(o) }
        if let o = previous?["order_id"].int { orders.insert(o) }
        for o in orders { try await recomputeOrderTotal(o, on: db) }
    }

    static func afterDelete(_ schema: EntitySchema, record: Record, on db: any SQLDatabase) async throws {
        if schema.name == "order_lines", let o = record["order_id"].int { try await recomputeOrderTotal(o, on: db) }
    }

    static func recomputeOrderTotal(_ orderID: Int64, on db: any SQLDatabase) async throws {
        try await db.update("orders").where("id", .equal, SQLBind(orderID))
            .set(
                "total",
                to: SQLRaw(
                    "(SELECT COALESCE(SUM(line_total), 0) FROM order_lines WHERE order_id = orders.id AND archived_at IS NULL)"
                )
            )
            .run()
    }
}
