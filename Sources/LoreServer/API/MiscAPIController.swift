import Hummingbird
import LoreCore
import LoreStore

/// Search, the audit log and lead conversion.
struct MiscAPIController {
    let services: AppServices

    func register(on api: APIRouter) {
        api.on(.get, "/search", access: .staff) { request, context in
            let p = context.principal
            let q = request.query.get("q") ?? ""
            guard !q.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem.badRequest("q is required") }
            let hits = try await services.search.search(q, as: p)
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
        api.on(.get, "/audit-log", access: .managers) { request, context in
            _ = context.principal
            let params = request.query
            func int(_ key: String) throws -> Int64? {
                guard let s = params.get(key) else { return nil }
                guard let v = Int64(s) else { throw Problem.badRequest("\(key) must be a number") }
                return v
            }
            let entries = try await services.audit.list(
                entity: params.get("entity"), entityID: try int("entity_id"), userID: try int("user_id"), before: try int("before"),
                limit: Int(try int("limit") ?? 50))
            return try JSONIO.response(.object(["data": .array(entries.map(Self.json))]))
        }
        api.on(
            .post, "/leads/{id}/convert",
            access: .all([.entity(Catalog["leads"], .update), .entity(Catalog["accounts"], .create), .entity(Catalog["opportunities"], .create)])
        ) { request, context in
            let p = context.principal
            let input = try await JSONIO.object(request, context: context)
            let conversion = try LeadConversionParser.parse(input)
            let result = try await services.leads.convert(leadID: try context.parameters.require("id", as: RecordID.self), request: conversion, as: p)
            return try JSONIO.response(
                .object([
                    "lead": RecordJSON.encode(result.lead, schema: Catalog["leads"]),
                    "account": RecordJSON.encode(result.account, schema: Catalog["accounts"]),
                    "contact": RecordJSON.encode(result.contact, schema: Catalog["contacts"]),
                    "opportunity": result.opportunity.map { RecordJSON.encode($0, schema: Catalog["opportunities"]) } ?? .null,
                ]), status: .created)
        }
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

/// The body of a lead conversion: all fields optional.
enum LeadConversionParser {
    static let fields = ["account_id", "create_opportunity", "opportunity_name", "stage_id", "amount", "expected_close_date"]

    static func parse(_ input: [String: JSONValue], fromForm: Bool = false) throws -> LeadConversionRequest {
        var errors: [FieldError] = []
        for key in input.keys.sorted() where !fields.contains(key) {
            errors.append(FieldError(field: key, code: "unknown_field", message: "is not a field of LeadConversion"))
        }
        var r = LeadConversionRequest()
        // Reuse the opportunity schema's rules for the fields that become opportunity fields.
        let opp = Catalog["opportunities"]
        var oppInput: [String: JSONValue] = [:]
        if let v = input["opportunity_name"] { oppInput["name"] = v }
        for k in ["stage_id", "amount", "expected_close_date"] { if let v = input[k] { oppInput[k] = v } }
        do {
            let values = try RecordValidator(schema: opp, fromForm: fromForm).validate(oppInput, mode: .update)
            r.opportunityName = values["name"]?.string
            r.stageID = values["stage_id"]?.int
            r.amount = values["amount"]?.int
            r.expectedCloseDate = values["expected_close_date"]?.string
        } catch {
            errors += error.errors.map { $0.field == "name" ? FieldError(field: "opportunity_name", code: $0.code, message: $0.message) : $0 }
        }
        switch input["account_id"] {
        case nil, .null?: break
        case .int(let i)? where i > 0: r.existingAccountID = i
        case .string(let s)? where fromForm && s.isEmpty: break
        case .string(let s)? where fromForm && Int64(s) != nil: r.existingAccountID = Int64(s)
        default: errors.append(FieldError(field: "account_id", code: "invalid_type", message: "must be an account id"))
        }
        switch input["create_opportunity"] {
        case nil: r.createOpportunity = !fromForm
        case .bool(let b)?: r.createOpportunity = b
        case .string(let s)? where fromForm: r.createOpportunity = s == "on" || s == "true"
        default: errors.append(FieldError(field: "create_opportunity", code: "invalid_type", message: "must be true or false"))
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return r
    }
}
