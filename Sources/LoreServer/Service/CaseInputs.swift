import LoreCore

// The JSON bodies the case routes accept, each stated once: the decoder reads them (naming every bad field), and
// `OpenAPIInputTests` checks the document's request schemas against them.

/// `POST /cases`. Ids may be null (the same as absent).
struct NewCaseBody: JSONInput {
    var subject: String
    var description: String?
    var accountID: RecordID??
    var contactID: RecordID??
    var productID: RecordID??
    var channel: CaseChannel?
    var priority: CasePriority?
    var departmentID: RecordID??
    var assigneeID: RecordID??

    func validate(_ check: inout FieldChecks) {
        check.text(subject, "subject", maxLength: CaseInput.maximumSubjectLength, multiLine: false, required: true)
        check.text(description, "description", maxLength: CaseInput.maximumDescriptionLength)
    }

    var caseInput: CaseInput {
        CaseInput(
            subject: subject, description: description ?? "", accountID: accountID??.value,
            contactID: contactID??.value, productID: productID??.value, channel: channel ?? .web,
            priority: priority ?? .normal, departmentID: departmentID??.value, assigneeID: assigneeID??.value)
    }
}

/// `POST /cases/{id}/messages`.
struct CaseMessageBody: JSONInput {
    var kind: CaseMessage.Kind?
    var body: String

    func validate(_ check: inout FieldChecks) {
        check.text(body, "body", maxLength: CaseInput.maximumDescriptionLength, required: true)
    }
}

/// `POST /cases/assign`: `assignee_id` is required, and null unassigns.
struct CaseAssignmentBody: JSONInput {
    static var unknownFieldHint: String? { "send case_ids and assignee_id (null to unassign)" }
    var caseIDs: [RecordID]
    var assigneeID: RecordID??

    func validate(_ check: inout FieldChecks) {
        if assigneeID == nil { check.fail("assignee_id", "required", "is required (null to unassign)") }
    }
}

/// `POST /cases/{id}/status`.
struct CaseStatusBody: JSONInput { var status: CaseStatus }

/// `POST /cases/{id}/priority`.
struct CasePriorityBody: JSONInput { var priority: CasePriority }

/// `POST /cases/{id}/reroute`.
struct CaseRerouteBody: JSONInput { var departmentID: RecordID }

/// `POST /cases/{id}/escalate`.
struct CaseEscalationBody: JSONInput {
    var reason: String
    func validate(_ check: inout FieldChecks) {
        check.text(reason, "reason", maxLength: FormLimits.longComment, required: true)
    }
}

/// `POST /cases/{id}/resolve`.
struct CaseResolutionBody: JSONInput {
    var resolution: String
    func validate(_ check: inout FieldChecks) {
        check.text(resolution, "resolution", maxLength: CaseInput.maximumDescriptionLength, required: true)
    }
}

/// `POST /cases/{id}/solved-with`: the article or the past case that solved it.
struct SolvedWithBody: JSONInput {
    var articleID: RecordID?
    var caseID: RecordID?
}

/// `POST /csat/{token}`.
struct SurveyAnswerBody: JSONInput {
    var score: Int
    var comment: String??
    func validate(_ check: inout FieldChecks) {
        check.range(score, "score", 1...5)
        check.text(comment ?? nil, "comment", maxLength: FormLimits.longComment)
    }
}

/// `PUT /service/settings`: `{"sla": {"urgent": {"first_response_minutes": 15, "resolution_minutes": 240}, ...},
/// "routing_threshold": 0.6}`, either or both.
struct ServiceSettingsInput: JSONInput {
    static var unknownFieldHint: String? { "send sla and/or routing_threshold" }

    struct Target: Decodable {
        var firstResponseMinutes: Int64
        var resolutionMinutes: Int64
    }
    var sla: [String: Target]?
    var routingThreshold: Double?

    func validate(_ check: inout FieldChecks) {
        for key in (sla ?? [:]).keys.sorted() where CasePriority(rawValue: key) == nil {
            check.fail("sla.\(key)", "invalid_choice", "unknown priority; use low, normal, high, urgent")
        }
    }

    var targets: [CasePriority: SLATarget]? {
        sla.map { sla in
            Dictionary(
                uniqueKeysWithValues: sla.compactMap { key, t in
                    CasePriority(rawValue: key).map {
                        (
                            $0,
                            SLATarget(
                                firstResponseMinutes: Int(clamping: t.firstResponseMinutes),
                                resolutionMinutes: Int(clamping: t.resolutionMinutes))
                        )
                    }
                })
        }
    }
}
