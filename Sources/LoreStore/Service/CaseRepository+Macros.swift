import LoreCore
import SQLKit

/// Canned replies: those who configure the desk keep them (a manager for their department, or for everyone when
/// they see every department); everyone who works cases uses the ones meant for their department and the shared ones.
extension CaseRepository {
    public func macros(as p: Principal) async throws -> [CaseMacro] {
        guard CasePolicy.serviceRoles.contains(p.role) else { return [] }
        return try await database.read { db in
            var select = db.select().columns("id", "title", "body", "department_id", "updated_at").from("case_macros")
            if !CasePolicy.seesAll(p) {
                let department = p.departmentID ?? 0
                select = select.where { w in
                    w.where("department_id", .is, SQLLiteral.null).orWhere("department_id", .equal, SQLBind(department))
                }
            }
            return try await select.orderBy("title").orderBy("id").all().map(Self.macro)
        }
    }

    public func createMacro(title: String, body: String, departmentID: Int64?, as p: Principal) async throws
        -> CaseMacro
    {
        let department = try Self.macroDepartment(departmentID, for: p)
        try Self.checkMacro(title: title, body: body)
        return try await database.write { db in
            try await Self.checkDepartment(department, on: db)
            let now = Timestamp.now()
            let row = try await db.insert(into: "case_macros")
                .columns("title", "body", "department_id", "created_by", "created_at", "updated_at")
                .values(
                    SQLBind(title), SQLBind(body), ArticleWrites.optional(department), SQLBind(p.userID), SQLBind(now),
                    SQLBind(now)
                )
                .returning("id").first()
            let id = try row.orMissing("the new macro's id").decode(column: "id", as: Int64.self)
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "case_macros", entityID: id, action: "create", summary: title,
                changes: [:])
            return CaseMacro(id: id, title: title, body: body, departmentID: department, updatedAt: now)
        }
    }

    public func updateMacro(id: Int64, title: String, body: String, departmentID: Int64?, as p: Principal)
        async throws -> CaseMacro
    {
        let department = try Self.macroDepartment(departmentID, for: p)
        try Self.checkMacro(title: title, body: body)
        return try await database.write { db in
            _ = try await Self.macroToChange(id, as: p, on: db)
            try await Self.checkDepartment(department, on: db)
            let now = Timestamp.now()
            try await db.update("case_macros").set("title", to: SQLBind(title)).set("body", to: SQLBind(body))
                .set("department_id", to: ArticleWrites.optional(department)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "case_macros", entityID: id, action: "update", summary: title,
                changes: [:])
            return CaseMacro(id: id, title: title, body: body, departmentID: department, updatedAt: now)
        }
    }

    public func deleteMacro(id: Int64, as p: Principal) async throws {
        guard CasePolicy.canConfigure(p) else { throw AccessRefusal.forbidden("only managers keep canned replies") }
        try await database.write { db in
            let old = try await Self.macroToChange(id, as: p, on: db)
            try await db.delete(from: "case_macros").where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "case_macros", entityID: id, action: "delete", summary: old.title,
                changes: [:])
        }
    }

    /// A manager of one department keeps that department's macros (a new one goes to their department); a manager
    /// who sees every department, or an admin, chooses (nil: shared).
    static func macroDepartment(_ requested: Int64?, for p: Principal) throws -> Int64? {
        guard CasePolicy.canConfigure(p) else { throw AccessRefusal.forbidden("only managers keep canned replies") }
        if CasePolicy.seesAll(p) { return requested }
        guard requested == nil || requested == p.departmentID else {
            throw invalid("department_id", "forbidden", "you keep the canned replies of your own department")
        }
        return p.departmentID
    }

    static func checkMacro(title: String, body: String) throws {
        let problems = CaseMacro.problems(title: title, body: body)
        if !problems.isEmpty { throw StoreError.invalid(ValidationFailure(problems)) }
    }

    static func checkDepartment(_ id: Int64?, on db: any SQLDatabase) async throws {
        guard let id else { return }
        guard try await departmentExists(id, on: db) else {
            throw invalid("department_id", "invalid_reference", "no departments with id \(id)")
        }
    }

    /// The macro, if `p` may change it (404 otherwise, as for any record out of reach).
    static func macroToChange(_ id: Int64, as p: Principal, on db: any SQLDatabase) async throws -> CaseMacro {
        guard
            let row = try await db.select().columns("id", "title", "body", "department_id", "updated_at")
                .from("case_macros").where("id", .equal, SQLBind(id)).first()
        else { throw StoreError.notFound(entity: "case_macros", id: id) }
        let m = try macro(row)
        guard CasePolicy.seesAll(p) || (m.departmentID != nil && m.departmentID == p.departmentID) else {
            throw StoreError.notFound(entity: "case_macros", id: id)
        }
        return m
    }

    static func macro(_ row: any SQLRow) throws -> CaseMacro {
        CaseMacro(
            id: try row.decode(column: "id", as: Int64.self), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            departmentID: try row.decode(column: "department_id", as: Int64?.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }
}
