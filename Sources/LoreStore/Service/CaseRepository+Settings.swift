import LoreCore
import SQLKit

/// SLA targets per priority and the routing confidence threshold.
extension CaseRepository {
    public func slaTargets() async throws -> [CasePriority: SLATarget] {
        try await database.read { db in try await Self.slaTargets(on: db) }
    }

    static func slaTargets(on db: any SQLDatabase) async throws -> [CasePriority: SLATarget] {
        var out = SLATarget.defaults
        for r in try await db.select().columns("priority", "first_response_minutes", "resolution_minutes").from(
            "sla_targets"
        ).all() {
            guard let p = CasePriority(rawValue: try r.decode(column: "priority", as: String.self)) else { continue }
            out[p] = SLATarget(
                firstResponseMinutes: try r.decode(column: "first_response_minutes", as: Int.self),
                resolutionMinutes: try r.decode(column: "resolution_minutes", as: Int.self))
        }
        return out
    }

    /// Replaces the targets (for cases opened from now on; open cases keep their due times).
    public func setSLATargets(_ targets: [CasePriority: SLATarget], as p: Principal) async throws {
        guard CasePolicy.canConfigure(p) else {
            throw AccessRefusal.forbidden("only managers and administrators set SLA targets")
        }
        let errors = targets.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap {
            $0.value.validate(priority: $0.key)
        }
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
        try await database.write { db in
            for (priority, t) in targets {
                try await db.delete(from: "sla_targets").where("priority", .equal, SQLBind(priority.rawValue)).run()
                try await db.insert(into: "sla_targets").columns(
                    "priority", "first_response_minutes", "resolution_minutes", "updated_at", "updated_by"
                )
                .values(
                    SQLBind(priority.rawValue), SQLBind(t.firstResponseMinutes), SQLBind(t.resolutionMinutes),
                    SQLBind(Timestamp.now()),
                    SQLBind(p.userID)
                )
                .run()
            }
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "sla_targets", entityID: nil, action: "update",
                summary: "SLA targets", changes: [:])
        }
    }

    /// Below this confidence a predicted department is not trusted and the case goes to triage.
    public func routingThreshold() async throws -> Double {
        try await database.read { db in try await Self.routingThreshold(on: db) }
    }

    static func routingThreshold(on db: any SQLDatabase) async throws -> Double {
        let row = try await db.select().column("value").from("service_settings").where(
            "key", .equal, SQLBind("routing_threshold")
        ).first()
        return Double(try row?.decode(column: "value", as: String.self) ?? "") ?? 0.6
    }

    public func setRoutingThreshold(_ value: Double, as p: Principal) async throws {
        guard CasePolicy.canConfigure(p) else {
            throw AccessRefusal.forbidden("only managers and administrators change routing settings")
        }
        guard value.isFinite, (0...1).contains(value) else {
            throw Self.invalid("routing_threshold", "out_of_range", "must be from 0 to 1")
        }
        try await database.write { db in
            try await db.update("service_settings").where("key", .equal, SQLBind("routing_threshold")).set(
                "value", to: SQLBind(String(value))
            ).run()
            try await AuditLog.record(
                on: db, userID: p.userID, entity: "service_settings", entityID: nil, action: "update",
                summary: "routing threshold \(value)",
                changes: [:])
        }
    }
}
