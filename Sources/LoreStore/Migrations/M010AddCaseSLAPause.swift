import LoreCore
import SQLKit

/// The SLA clock stops while a case waits on the customer: when it stopped, and how long earlier waits lasted
/// (already added to the due times, and kept so that a priority change can recompute them).
struct M010AddCaseSLAPause: Migration {
    let version = 10
    let name = "add_case_sla_pause"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.alter(table: "cases").column("sla_paused_at", type: .text).run()
        try await db.alter(table: "cases").column("sla_paused_ms", type: .bigint, .notNull, .default(0)).run()
        // Cases already waiting stop their clock from now on.
        try await db.update("cases").set("sla_paused_at", to: SQLBind(Timestamp.now())).set(
            "next_due", to: SQLLiteral.null
        )
        .where("status", .equal, SQLBind("pending_customer")).run()
    }
}
