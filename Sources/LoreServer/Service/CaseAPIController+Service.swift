import Hummingbird
import LoreCore
import LoreStore

/// Routing figures and settings, the loop figures, account alerts, and the public satisfaction survey.
extension CaseAPIController {
    func registerService(on api: APIRouter) {
        api.on(.get, "/routing/evaluation", access: .routingFigures, use: routingEvaluation)
        api.on(.get, "/service/settings", access: .staff, use: settings)
        api.on(.put, "/service/settings", access: .serviceManagers, use: updateSettings)
        api.on(.get, "/service/loop", access: .staff, use: loop)
        api.on(.get, "/alerts", access: .staff, use: alerts)
        api.on(.post, "/alerts/{id}/acknowledge", access: .serviceManagers, use: acknowledgeAlert)
        // The survey needs no login: the token in the link is the credential.
        api.open(.get, "/csat/{token}", use: survey)
        api.open(.post, "/csat/{token}", use: answerSurvey)
    }

    @Sendable func routingEvaluation(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        var folds = 5
        if let s = request.query.get("folds") {
            guard let v = Int(s), (2...20).contains(v) else {
                throw Problem.badRequest("folds must be between 2 and 20")
            }
            folds = v
        }
        return try JSONIO.response(RoutingReportBody(try await cases.routingEvaluation(folds: folds, as: p)))
    }

    @Sendable func settings(_ request: Request, context: SignedInContext) async throws -> Response {
        _ = context.principal
        return try JSONIO.response(
            ServiceSettingsBody(try await cases.slaTargets(), threshold: try await cases.routingThreshold()))
    }

    @Sendable func updateSettings(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let input = try await JSONIO.input(ServiceSettingsInput.self, request, context: context)
        if let targets = input.targets { try await cases.setSLATargets(targets, as: p) }
        if let threshold = input.routingThreshold { try await cases.setRoutingThreshold(threshold, as: p) }
        return try JSONIO.response(
            ServiceSettingsBody(try await cases.slaTargets(), threshold: try await cases.routingThreshold()))
    }

    @Sendable func loop(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let (from, to, bucket) = try LoopQuery.parse(request.query)
        let periods = try await cases.loopFigures(from: from, to: to, bucket: bucket, as: p)
        return try JSONIO.response(
            .object(["bucket": .string(bucket.rawValue), "data": .array(periods.map(LoopQuery.encode))]))
    }

    @Sendable func alerts(_ request: Request, context: SignedInContext) async throws -> Response {
        try JSONIO.response(ListBody(data: try await cases.openAlerts(as: context.principal)))
    }

    @Sendable func acknowledgeAlert(_ request: Request, context: SignedInContext) async throws -> Response {
        try await cases.acknowledgeAlert(
            id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return JSONIO.noContent()
    }

    @Sendable func survey(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONIO.response(SurveyBody(try await cases.survey(token: try Self.token(context))))
    }

    @Sendable func answerSurvey(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try Self.token(context)
        let answer = try await JSONIO.input(SurveyAnswerBody.self, request, context: context)
        return try JSONIO.response(
            SurveyBody(try await cases.answerSurvey(token: token, score: answer.score, comment: answer.comment ?? nil)))
    }

    static func token(_ context: some RequestContext) throws -> String {
        guard let t = context.parameters.get("token"), (10...200).contains(t.count) else {
            throw StoreError.notFound(entity: "csat_requests", id: 0)
        }
        return t
    }
}
