import LoreCore
import SQLKit

/// What to create when a lead is converted.
public struct LeadConversionRequest: Sendable {
    /// Attach to this existing account instead of creating one from the lead's company.
    public var existingAccountID: Int64?
    public var createOpportunity: Bool = true
    public var opportunityName: String?
    public var stageID: Int64?
    public var amount: Int64?
    public var expectedCloseDate: String?

    public init() {}
}

public struct LeadConversionResult: Sendable {
    public var lead: Record
    public var account: Record
    public var contact: Record
    public var opportunity: Record?
}

/// Converts a lead into an account, a contact and (optionally) an opportunity in one transaction:
/// either everything is created and the lead is marked converted, or nothing changes.
public struct LeadConversion: Sendable {
    public let database: any LoreDatabase
    public init(database: any LoreDatabase) { self.database = database }

    public func convert(leadID: Int64, request: LeadConversionRequest, as principal: Principal) async throws
        -> LeadConversionResult
    {
        try await database.write { db in
            let leads = Catalog["leads"]
            guard let lead = try await RecordRepository.fetch(leads, id: leadID, scope: principal.scope, on: db) else {
                throw StoreError.notFound(entity: "leads", id: leadID)
            }
            if lead["status"].string == "converted" || lead.archivedAt != nil {
                throw StoreError.conflict(field: "status", message: "this lead is already converted or archived")
            }
            let leadName = lead["name"].string ?? "#\(leadID)"
            let account = try await Self.account(
                for: lead, named: leadName, request: request, principal: principal, on: db)
            var contactValues: [String: FieldValue] = ["name": .string(leadName), "account_id": .int(account.id)]
            for f in ["title", "email", "phone"] where !lead[f].isNull { contactValues[f] = lead[f] }
            let contact = try await RecordRepository.insert(
                Catalog["contacts"], values: contactValues, principal: principal, on: db)
            let opportunity =
                request.createOpportunity
                ? try await Self.opportunity(
                    for: lead, named: leadName, account: account, contact: contact, request: request,
                    principal: principal, on: db) : nil
            var changes: [String: FieldValue] = [
                "status": .string("converted"), "converted_account_id": .int(account.id),
                "converted_contact_id": .int(contact.id),
                "converted_at": .string(Timestamp.now()),
            ]
            if let opportunity { changes["converted_opportunity_id"] = .int(opportunity.id) }
            let updated = try await RecordRepository.update(
                leads, id: leadID, changes: changes, principal: principal, on: db)
            try await AuditLog.record(
                on: db, userID: principal.userID, entity: "leads", entityID: leadID, action: "convert",
                summary: leadName, changes: [:])
            return LeadConversionResult(lead: updated, account: account, contact: contact, opportunity: opportunity)
        }
    }

    /// The account the lead becomes: an existing one the principal may see, or a new one from the lead's company (or
    /// the person, when there is no company).
    static func account(
        for lead: Record, named leadName: String, request: LeadConversionRequest, principal: Principal,
        on db: any SQLDatabase
    ) async throws -> Record {
        if let existing = request.existingAccountID {
            guard
                let a = try await RecordRepository.fetch(
                    Catalog["accounts"], id: existing, scope: principal.scope, on: db)
            else {
                throw StoreError.invalid(
                    ValidationFailure([
                        FieldError(
                            field: "account_id", code: "invalid_reference",
                            message: "no account \(existing) that you may see")
                    ]))
            }
            return a
        }
        let company = lead["company"].string
        var values: [String: FieldValue] = [
            "name": .string(company ?? leadName), "kind": .string(company == nil ? "individual" : "company"),
        ]
        for f in ["industry", "region"] where !lead[f].isNull { values[f] = lead[f] }
        if company == nil {
            for f in ["email", "phone"] where !lead[f].isNull { values[f] = lead[f] }
        }
        return try await RecordRepository.insert(Catalog["accounts"], values: values, principal: principal, on: db)
    }

    /// The opportunity, in the stage asked for or the pipeline's first open stage.
    static func opportunity(
        for lead: Record, named leadName: String, account: Record, contact: Record, request: LeadConversionRequest,
        principal: Principal,
        on db: any SQLDatabase
    ) async throws -> Record {
        let stageID: Int64
        if let s = request.stageID {
            stageID = s
        } else {
            guard
                let row = try await db.select().column("id").from("pipeline_stages").where(
                    "outcome", .equal, SQLBind("open")
                )
                .where("archived_at", .is, SQLLiteral.null).orderBy("position").first()
            else { throw StoreError.conflict(field: "stage_id", message: "the pipeline has no open stage") }
            stageID = try row.decode(column: "id", as: Int64.self)
        }
        var values: [String: FieldValue] = [
            "name": .string(request.opportunityName ?? "\(account["name"].string ?? leadName) – \(leadName)"),
            "account_id": .int(account.id), "contact_id": .int(contact.id), "stage_id": .int(stageID),
        ]
        if let amount = request.amount ?? lead["estimated_value"].int { values["amount"] = .int(amount) }
        if let d = request.expectedCloseDate { values["expected_close_date"] = .string(d) }
        if let source = lead["source"].string { values["lead_source"] = .string(source) }
        return try await RecordRepository.insert(Catalog["opportunities"], values: values, principal: principal, on: db)
    }
}
