import Hummingbird
import LoreCore
import LoreStore

/// `GET /search` (records of every type the principal may read, cases and articles; ``GlobalSearch``) and
/// `GET /audit-log` (who changed what).
struct SearchAPIController {
    let services: AppServices

    func register(on api: APIRouter) {
        api.on(.get, "/search", access: .staff, use: search)
        api.on(.get, "/audit-log", access: .managers, use: auditLog)
    }

    @Sendable func search(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let q = request.query.get("q") ?? ""
        guard !q.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem.badRequest("q is required") }
        let hits = try await GlobalSearch(services: services).hits(q, as: p, limitPerType: 10)
        return try JSONIO.response(
            .object([
                "data": .array(
                    hits.map {
                        .object([
                            "entity": .string($0.entity), "id": .int($0.id), "title": .string($0.title),
                            "matched_field": .string($0.matchedField), "matched_text": .string($0.matchedText),
                        ])
                    })
            ]))
    }

    @Sendable func auditLog(_ request: Request, context: SignedInContext) async throws -> Response {
        _ = context.principal
        let params = request.query
        func int(_ key: String) throws -> Int64? {
            guard let s = params.get(key) else { return nil }
            guard let v = Int64(s) else { throw Problem.badRequest("\(key) must be a number") }
            return v
        }
        let entries = try await services.audit.list(
            entity: params.get("entity"), entityID: try int("entity_id"), userID: try int("user_id"),
            before: try int("before"),
            limit: Int(try int("limit") ?? 50))
        return try JSONIO.response(.object(["data": .array(entries.map(Self.json))]))
    }

    static func json(_ e: AuditEntry) -> JSONValue {
        .object([
            "id": .int(e.id), "at": .string(e.at), "user_id": e.userID.map(JSONValue.int) ?? .null,
            "user_name": e.userName.map(JSONValue.string) ?? .null, "entity": .string(e.entity),
            "entity_id": e.entityID.map(JSONValue.int) ?? .null, "action": .string(e.action),
            "summary": e.summary.map(JSONValue.string) ?? .null, "changes": e.changes.map(JSONValue.string) ?? .null,
        ])
    }
}
