import Foundation
import LoreCore
import SQLKit

/// Who changed what, written in the same transaction as the change itself.
public enum AuditLog {
    static func record(
        on db: any SQLDatabase, userID: Int64?, entity: String, entityID: Int64?, action: String, summary: String?,
        changes: [String: [FieldValue]], ip: String? = nil
    ) async throws {
        let json = changes.isEmpty ? nil : encode(changes)
        try await db.insert(into: "audit_log")
            .columns("at", "user_id", "entity", "entity_id", "action", "summary", "changes", "ip")
            .values(
                SQLBind(Timestamp.now()), SQLValues.expression(userID.map(FieldValue.int) ?? .null), SQLBind(entity),
                SQLValues.expression(entityID.map(FieldValue.int) ?? .null), SQLBind(action),
                SQLValues.expression(summary.map(FieldValue.string) ?? .null),
                SQLValues.expression(json.map(FieldValue.string) ?? .null),
                SQLValues.expression(ip.map(FieldValue.string) ?? .null)
            )
            .run()
    }

    /// Fields whose value differs, as `[old, new]`.
    static func diff(old: [String: FieldValue], new: [String: FieldValue]) -> [String: [FieldValue]] {
        var out: [String: [FieldValue]] = [:]
        for key in Set(old.keys).union(new.keys) {
            let a = old[key] ?? .null
            let b = new[key] ?? .null
            if a != b { out[key] = [a, b] }
        }
        return out
    }

    static func encode(_ changes: [String: [FieldValue]]) -> String {
        func json(_ v: FieldValue) -> JSONValue {
            switch v {
            case .null: .null
            case .string(let s): .string(s)
            case .int(let i): .int(i)
            case .double(let d): .double(d)
            case .bool(let b): .bool(b)
            case .ids(let ids): .array(ids.map(JSONValue.int))
            }
        }
        let object = JSONValue.object(changes.mapValues { .array($0.map(json)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(object), as: UTF8.self)) ?? "{}"
    }
}

/// One line of the audit log.
public struct AuditEntry: Sendable {
    public var id: Int64
    public var at: String
    public var userID: Int64?
    public var userName: String?
    public var entity: String
    public var entityID: Int64?
    public var action: String
    public var summary: String?
    public var changes: String?
    public var ip: String?
}
