import LoreCore

/// OpenAPI schemas and operations of the service-desk routes.
enum ServiceSchemas {
    typealias S = OpenAPISchemas

    static var all: [String: JSONValue] {
        let int = JSONValue.object(["type": .string("integer")])
        let num = JSONValue.object(["type": .string("number")])
        let str = JSONValue.object(["type": .string("string")])
        let bool = JSONValue.object(["type": .string("boolean")])
        let nstr = S.nullable("string", nullable: true)
        let nint = S.nullable("integer", nullable: true)
        let nnum = S.nullable("number", nullable: true)
        func choice(_ values: [String]) -> JSONValue {
            .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
        }
        func array(_ item: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": item]) }
        func obj(_ props: [String: JSONValue]) -> JSONValue { S.object(props, required: Array(props.keys)) }
        let sla = obj([
            "first_response_due": str, "resolution_due": str, "first_responded_at": nstr, "resolved_at": nstr,
            "first_response_breached": bool,
            "resolution_breached": bool, "paused_at": nstr, "minutes_waited_on_customer": int,
        ])
        var caseProps: [String: JSONValue] = [
            "id": int, "reference": str, "subject": str, "description": str, "account_id": nint, "contact_id": nint,
            "product_id": nint,
            "channel": choice(CaseChannel.allCases.map(\.rawValue)),
            "priority": choice(CasePriority.allCases.map(\.rawValue)),
            "status": choice(CaseStatus.allCases.map(\.rawValue)), "department_id": nint, "assignee_id": nint,
            "tier": .object(["type": .string("integer"), "minimum": .int(1), "maximum": .int(3)]),
            "routing": obj([
                "source": choice(["manual", "model", "triage", "rerouted"]), "predicted_department_id": nint,
                "confidence": nnum,
            ]),
            "sla": sla, "escalation_count": int, "resolution": nstr, "resolved_by": nint, "created_at": str,
            "updated_at": str, "created_by": nint,
        ]
        let serviceCase = obj(caseProps)
        caseProps["messages"] = array(
            obj([
                "id": int, "kind": choice(["reply", "note", "customer"]), "body": str, "author_id": nint,
                "from_address": nstr, "created_at": str,
            ]))
        caseProps["events"] = array(obj(["kind": str, "detail": nstr, "actor_id": nint, "created_at": str]))
        caseProps["solutions"] = array(obj(["kind": choice(["article", "case"]), "target_id": int]))
        caseProps["captured_article_id"] = nint
        let nid = S.idInput(nullable: true)
        let input: [String: JSONValue] = [
            "subject": S.text(CaseInput.maximumSubjectLength, multiLine: false, required: true),
            "description": S.text(CaseInput.maximumDescriptionLength), "account_id": nid, "contact_id": nid,
            "product_id": nid,
            "channel": choice(CaseChannel.allCases.map(\.rawValue)),
            "priority": choice(CasePriority.allCases.map(\.rawValue)),
            "department_id": nid, "assignee_id": nid,
        ]
        let target = obj(["first_response_minutes": int, "resolution_minutes": int])
        let minutes = JSONValue.object(["type": .string("integer"), "minimum": .int(1), "maximum": .int(525_600)])
        let targetInput = S.object(
            ["first_response_minutes": minutes, "resolution_minutes": minutes],
            required: ["first_response_minutes", "resolution_minutes"])
        let slaInput = S.object(
            Dictionary(uniqueKeysWithValues: CasePriority.allCases.map { ($0.rawValue, targetInput) }), required: [])
        let longText = S.text(CaseInput.maximumDescriptionLength, required: true)
        let survey = obj(["case_reference": str, "subject": str, "score": nint, "expired": bool])
        // Exactly one of the two: an article or a past case.
        var solvedWith = S.object(["article_id": S.idInput(), "case_id": S.idInput()], required: [])
        if case .object(var o) = solvedWith {
            o["oneOf"] = .array([
                .object(["required": .array([.string("article_id")])]),
                .object(["required": .array([.string("case_id")])]),
            ])
            solvedWith = .object(o)
        }
        return [
            "Case": serviceCase, "CaseDetail": obj(caseProps),
            "CaseList": obj(["data": array(S.ref("Case")), "total": int]),
            "CaseCreate": S.object(input, required: ["subject"]),
            "CaseMessageCreate": S.object(["kind": choice(["reply", "note"]), "body": longText], required: ["body"]),
            "CaseAssign": S.object(
                [
                    "case_ids": .object([
                        "type": .string("array"), "items": S.idInput(), "minItems": .int(1), "maxItems": .int(500),
                    ]),
                    "assignee_id": nid,
                ], required: ["case_ids", "assignee_id"]),
            "CaseAssignResult": obj(["data": array(S.ref("Case"))]),
            "CaseStatusChange": S.object(["status": choice(["open", "pending_customer"])], required: ["status"]),
            "CasePriorityChange": S.object(
                ["priority": choice(CasePriority.allCases.map(\.rawValue))], required: ["priority"]),
            "CaseReroute": S.object(["department_id": S.idInput()], required: ["department_id"]),
            "CaseEscalate": S.object(["reason": S.text(5_000, required: true)], required: ["reason"]),
            "CaseResolve": S.object(["resolution": longText], required: ["resolution"]),
            "CaseResolution": obj(["case": S.ref("Case"), "captured_article_id": nint, "csat_link": nstr]),
            "CaseSolvedWith": solvedWith,
            "CaseSuggestions": obj([
                "data": array(
                    obj([
                        "kind": choice(["article", "candidate", "case"]), "id": int, "title": str, "match": num,
                        "score": num,
                        "freshness_badge": nstr, "solved_count": int, "used": bool,
                    ]))
            ]),
            "CaseIntakeResult": obj(["case": S.ref("Case"), "created": bool, "contact_id": nint]),
            "CaseQueues": obj([
                "data": array(
                    obj(["department_id": nint, "department_name": nstr, "tier": int, "active": int, "overdue": int]))
            ]),
            "RoutingEvaluation": obj([
                "cases": int, "accuracy": num, "folds": int, "threshold": num,
                "departments": array(
                    obj(["department_id": int, "name": str, "cases": int, "correct": int, "accuracy": num])),
            ]),
            "CaseMacro": obj([
                "id": int, "title": str, "body": str, "department_id": nint, "updated_at": str,
            ]),
            "CaseMacroList": obj(["data": array(S.ref("CaseMacro"))]),
            "CaseMacroInput": S.object(
                [
                    "title": S.text(CaseMacro.maximumTitleLength, multiLine: false, required: true),
                    "body": S.text(CaseMacro.maximumBodyLength, required: true),
                    "department_id": S.idInput(nullable: true, description: "null: every department"),
                ], required: ["title", "body"]),
            "ServiceSettings": obj([
                "sla": .object(["type": .string("object"), "additionalProperties": target]), "routing_threshold": num,
            ]),
            "ServiceSettingsUpdate": S.object(
                [
                    "sla": slaInput,
                    "routing_threshold": .object(["type": .string("number"), "minimum": .int(0), "maximum": .int(1)]),
                ],
                required: []),
            "LoopFigures": obj([
                "bucket": choice(["day", "month"]),
                "data": array(
                    obj([
                        "period": str, "escalations": int, "solutions_captured": int, "reuses": int,
                        "solved_without_escalation": int,
                        "resolved": int,
                    ])),
            ]),
            "AlertList": obj([
                "data": array(
                    obj([
                        "id": int, "account_id": int, "account_name": str, "case_id": nint, "kind": str, "score": nint,
                        "comment": nstr,
                        "created_at": str,
                    ]))
            ]),
            "Survey": survey,
            "SurveyAnswer": S.object(
                [
                    "score": .object(["type": .string("integer"), "minimum": .int(1), "maximum": .int(5)]),
                    "comment": S.text(5_000, nullable: true),
                ],
                required: ["score"]),
        ]
    }

    static var operations: [OpenAPIDocument.Op] {
        let c = "/api/v1/cases"
        let act: [(Int, String?)] = [(403, nil), (404, nil), (409, nil), (415, nil), (422, nil)]
        return [
            (
                "get", c,
                "List cases: all you can see, or a queue (department and tier, mine, triage) ordered by SLA due time",
                nil,
                [(200, "CaseList")],
                [
                    .choice("queue", ["all", "mine", "triage", "department"], "department needs department_id"),
                    .id("department_id"),
                    .int("tier", 1...3), .choice("status", CaseStatus.allCases.map(\.rawValue)),
                    .choice("priority", CasePriority.allCases.map(\.rawValue)), .id("account_id"), .bool("unassigned"),
                    .bool("breached"),
                    .int("limit", 1...100), .int("offset", 0...10_000),
                ]
            ),
            (
                "post", c, "Open a case (routed when no department is given)", "CaseCreate",
                [(201, "Case")] + act + [(413, nil)], []
            ),
            ("get", c + "/queues", "Active and overdue cases per department and tier", nil, [(200, "CaseQueues")], []),
            (
                "get", c + "/{id}", "A case with its thread, history and solutions", nil,
                [(200, "CaseDetail"), (404, nil)], []
            ),
            (
                "post", c + "/{id}/messages", "Reply to the customer or add an internal note", "CaseMessageCreate",
                [(201, "Case")] + act, []
            ),
            (
                "post", c + "/assign", "Assign cases (bulk; null unassigns)", "CaseAssign",
                [(200, "CaseAssignResult")] + act, []
            ),
            ("post", c + "/{id}/status", "Set open or pending customer", "CaseStatusChange", [(200, "Case")] + act, []),
            (
                "post", c + "/{id}/priority", "Change priority (due times follow)", "CasePriorityChange",
                [(200, "Case")] + act, []
            ),
            (
                "post", c + "/{id}/reroute", "Move to another department (managers; trains routing)", "CaseReroute",
                [(200, "Case")] + act, []
            ),
            (
                "post", c + "/{id}/escalate", "Escalate to the next tier with a reason", "CaseEscalate",
                [(200, "Case")] + act, []
            ),
            (
                "post", c + "/{id}/resolve",
                "Resolve; an escalated case's resolution becomes a candidate solution article", "CaseResolve",
                [(200, "CaseResolution")] + act, []
            ),
            ("post", c + "/{id}/reopen", "Reopen a resolved case", nil, [(200, "Case")] + act, []),
            ("post", c + "/{id}/close", "Close a resolved case", nil, [(200, "Case")] + act, []),
            (
                "get", c + "/{id}/suggestions",
                "Ranked articles, candidate solutions and solved cases similar to this case", nil,
                [(200, "CaseSuggestions"), (403, nil), (404, nil)], [.int("limit", 1...20)]
            ),
            (
                "post", c + "/{id}/solved-with", "This solved it: record the article or past case and count the reuse",
                "CaseSolvedWith",
                [(201, "Case")] + act, []
            ),
            (
                "post", c + "/intake",
                "Take in a raw RFC 5322 e-mail (body: message/rfc822): a new case, or added to the case its subject quotes",
                nil,
                [(201, "CaseIntakeResult"), (200, "CaseIntakeResult"), (403, nil), (413, nil), (415, nil), (422, nil)],
                [.choice("priority", CasePriority.allCases.map(\.rawValue))]
            ),
            (
                "get", "/api/v1/routing/evaluation",
                "Cross-validated routing accuracy per department on the stored cases", nil,
                [(200, "RoutingEvaluation"), (403, nil), (422, nil)], [.int("folds", 2...20)]
            ),
            (
                "get", "/api/v1/service/settings", "SLA targets per priority and the routing threshold", nil,
                [(200, "ServiceSettings")],
                []
            ),
            (
                "put", "/api/v1/service/settings", "Change SLA targets and the routing threshold (managers)",
                "ServiceSettingsUpdate",
                [(200, "ServiceSettings")] + act, []
            ),
            (
                "get", "/api/v1/service/loop",
                "The escalation loop over time: escalations, solutions captured, reuses, cases solved without escalation",
                nil, [(200, "LoopFigures")],
                [
                    .date("from", "default: twelve months before to"), .date("to", "default: today"),
                    .choice("bucket", ["day", "month"], "day covers at most 92 days"),
                ]
            ),
            ("get", "/api/v1/alerts", "Open account alerts (low satisfaction scores)", nil, [(200, "AlertList")], []),
            (
                "post", "/api/v1/alerts/{id}/acknowledge", "Acknowledge an alert", nil,
                [(204, nil), (403, nil), (404, nil)], []
            ),
            (
                "get", "/api/v1/csat/{token}", "A satisfaction survey (no login: the token is the credential)", nil,
                [(200, "Survey"), (404, nil)], []
            ),
            (
                "post", "/api/v1/csat/{token}", "Answer a satisfaction survey (1–5 and a comment)", "SurveyAnswer",
                [(200, "Survey"), (404, nil), (409, nil), (415, nil), (422, nil)], []
            ),
            (
                "get", "/api/v1/service/macros", "Canned replies for your department and shared ones", nil,
                [(200, "CaseMacroList"), (403, nil)], []
            ),
            (
                "post", "/api/v1/service/macros",
                "Add a canned reply; placeholders {customer} {contact} {case} {subject} {agent} (managers)",
                "CaseMacroInput", [(201, "CaseMacro")] + act, []
            ),
            (
                "put", "/api/v1/service/macros/{id}", "Change a canned reply (managers)", "CaseMacroInput",
                [(200, "CaseMacro")] + act, []
            ),
            (
                "delete", "/api/v1/service/macros/{id}", "Delete a canned reply (managers)", nil,
                [(204, nil), (403, nil), (404, nil)], []
            ),
        ]
    }
}
