import LoreCore
import LoreStore

/// The body of a lead conversion: all fields optional.
enum LeadConversionParser {
    static let fields = [
        "account_id", "create_opportunity", "opportunity_name", "stage_id", "amount", "expected_close_date",
    ]

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
            errors += error.errors.map {
                $0.field == "name" ? FieldError(field: "opportunity_name", code: $0.code, message: $0.message) : $0
            }
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
        default:
            errors.append(
                FieldError(field: "create_opportunity", code: "invalid_type", message: "must be true or false"))
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return r
    }
}
