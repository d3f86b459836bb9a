import SQLKit

/// Canned replies (macros) that service managers keep, per department or for everyone.
struct M017CreateCaseMacros: Migration {
    let version = 17
    let name = "create_case_macros"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        try await db.create(table: "case_macros")
            .column("id", type: .bigint, .primaryKey)
            .text("title", notNull: true).text("body", notNull: true).ref("department_id", "departments")
            .ref("created_by", "users").text("created_at", notNull: true).text("updated_at", notNull: true)
            .run()
        try await db.create(index: "idx_case_macros_department_id").on("case_macros").column("department_id").run()
    }
}
