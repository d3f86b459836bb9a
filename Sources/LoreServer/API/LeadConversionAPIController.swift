import Hummingbird
import LoreCore
import LoreStore

/// `POST /leads/{id}/convert`: a lead becomes an account, a contact and (optionally) an opportunity.
struct LeadConversionAPIController {
    let services: AppServices

    func register(on api: APIRouter) {
        let access = RouteAccess.all([
            .entity(Catalog["leads"], .update), .entity(Catalog["accounts"], .create),
            .entity(Catalog["opportunities"], .create),
        ])
        api.on(.post, "/leads/{id}/convert", access: access, use: convert)
    }

    @Sendable func convert(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let input = try await JSONIO.object(request, context: context)
        let conversion = try LeadConversionParser.parse(input)
        let result = try await services.leads.convert(
            leadID: try context.parameters.require("id", as: RecordID.self), request: conversion, as: p)
        return try JSONIO.response(
            .object([
                "lead": RecordJSON.encode(result.lead, schema: Catalog["leads"]),
                "account": RecordJSON.encode(result.account, schema: Catalog["accounts"]),
                "contact": RecordJSON.encode(result.contact, schema: Catalog["contacts"]),
                "opportunity": result.opportunity.map { RecordJSON.encode($0, schema: Catalog["opportunities"]) }
                    ?? .null,
            ]), status: .created, headers: [.location: "/api/v1/accounts/\(result.account.id)"])
    }
}
