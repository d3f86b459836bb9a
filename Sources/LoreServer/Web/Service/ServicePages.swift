import Hummingbird
import LoreCore
import LoreStore

/// The escalation loop and routing figures, service settings, alerts, and the customer's satisfaction survey.
struct ServicePages {
    let services: AppServices
    var cases: CaseRepository { services.cases }

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/service/loop") { request, context in try await loop(request, context) }
        router.get("/service/settings") { _, context in try await settings(context, flash: nil) }
        router.post("/service/settings") { request, context in try await saveSettings(request, context) }
        router.post("/alerts/:id/acknowledge", use: acknowledgeAlert)
        registerMacros(on: router)
    }

    @Sendable func acknowledgeAlert(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        _ = try await FormData.parse(request, context: context)
        try await cases.acknowledgeAlert(id: try context.parameters.require("id", as: RecordID.self), as: p)
        return PageRenderer.redirect("/")
    }

    /// The customer's satisfaction survey: reached from a link in an e-mail, without signing in.
    func registerSurvey(on router: RouterGroup<AppRequestContext>) {
        router.get("/csat/:token") { _, context in try await survey(context, answered: false) }
        router.post("/csat/:token") { request, context in try await answer(request, context) }
    }

    func loop(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let (from, to, bucket) = try PageQuery.parse { try LoopQuery.parse(request.query) }
        let periods = try await cases.loopFigures(from: from, to: to, bucket: bucket, as: p)
        var data: [String: Any] = [
            "from": from, "to": to, "month": bucket == .month,
            "chart": LoopChart.svg(periods, labels: LoopChart.labels(t)),
            "legend": LoopChart.series.enumerated().map { ["label": t($0.element.key), "n": $0.offset] },
            "rows": periods.reversed().map { r in
                [
                    "period": r.period, "escalations": r.escalations, "captured": r.solutionsCaptured,
                    "reuses": r.reuses,
                    "direct": r.solvedWithoutEscalation, "resolved": r.resolved,
                ] as [String: Any]
            },
        ]
        if CasePolicy.canConfigure(p) || p.role == .seniorAgent {
            let r = try await cases.routingEvaluation(as: p)
            data["routing"] = [
                "cases": r.cases, "accuracy": Self.percent(r.accuracy),
                "threshold": String(format: "%.2f", r.threshold),
                "departments": r.departments.map {
                    [
                        "name": $0.name, "cases": $0.cases,
                        "accuracy": Self.percent($0.cases == 0 ? 0 : Double($0.correct) / Double($0.cases)),
                    ]
                },
            ]
        } else {
            data["routing"] = false
        }
        return try services.pages.render("service_loop", title: t("svc_loop"), data: data, context: context)
    }

    static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }

    func settings(_ context: SignedInContext, flash: String?, isError: Bool = false) async throws -> Response {
        let p = context.principal
        guard CasePolicy.canConfigure(p) else { throw WebError(status: .forbidden, messageKey: "msg_forbidden") }
        let t = context.localizer
        let targets = try await cases.slaTargets()
        let data: [String: Any] = [
            "targets": CasePriority.allCases.reversed().map { pr in
                let v = targets[pr] ?? SLATarget.defaultTarget(for: pr)
                return [
                    "code": pr.rawValue, "label": t("svc_priority_\(pr.rawValue)"), "first": v.firstResponseMinutes,
                    "resolve": v.resolutionMinutes,
                ] as [String: Any]
            },
            "threshold": String(try await cases.routingThreshold()),
        ]
        return try services.pages.render(
            "service_settings", title: t("svc_settings"), data: data, context: context, flash: flash,
            flashIsError: isError)
    }

    func saveSettings(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        var targets: [CasePriority: SLATarget] = [:]
        for pr in CasePriority.allCases {
            targets[pr] = SLATarget(
                firstResponseMinutes: Int(form["\(pr.rawValue)_first"] ?? "") ?? 0,
                resolutionMinutes: Int(form["\(pr.rawValue)_resolve"] ?? "") ?? 0)
        }
        do {
            try await cases.setSLATargets(targets, as: p)
            try await cases.setRoutingThreshold(Double(form["threshold"] ?? "") ?? -1, as: p)
        } catch let e where !(e is WebError) && Problem.from(e) != nil {
            return try await settings(context, flash: CasePages.message(e, context.localizer), isError: true)
        }
        return try await settings(context, flash: context.localizer("svc_saved"))
    }

    func survey(_ context: AppRequestContext, answered: Bool, flash: String? = nil, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let t = context.localizer
        let token = context.parameters.get("token") ?? ""
        let s: CaseRepository.Survey
        do {
            s = try await cases.survey(token: token)
        } catch StoreError.notFound {
            throw WebError(status: .notFound, messageKey: "msg_not_found")
        }
        let data: [String: Any] = [
            "question": t.format("svc_csat_question", ["ref": s.caseReference]), "subject": s.subject, "token": token,
            "open": s.score == nil && !s.expired, "answered": answered, "done": s.score != nil && !answered,
            "expired": s.expired && s.score == nil,
            "scale": (1...5).map {
                ["n": $0, "label": $0 == 1 ? t("svc_csat_bad") : ($0 == 5 ? t("svc_csat_good") : "")]
            },
        ]
        return try services.pages.render(
            "csat", title: t("svc_csat_title"), data: data, context: context, status: status, flash: flash,
            flashIsError: flash != nil)
    }

    /// The link's token is the credential, so it also serves as the form's CSRF token.
    func answer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let form = try await FormData.parse(request, context: context, expectedCSRF: token)
        do {
            _ = try await cases.answerSurvey(
                token: token, score: Int(form["score"] ?? "") ?? 0, comment: form["comment"])
        } catch StoreError.notFound {
            throw WebError(status: .notFound, messageKey: "msg_not_found")
        } catch let e where !(e is WebError) && Problem.from(e) != nil {
            // The page explains the refusal (already answered, expired, no score) and its status says so too.
            let status = Problem.from(e)?.status ?? .unprocessableContent
            return try await survey(
                context, answered: false, flash: CasePages.message(e, context.localizer), status: status)
        }
        return try await survey(context, answered: true)
    }
}
