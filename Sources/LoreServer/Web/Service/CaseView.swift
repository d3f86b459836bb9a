import LoreCore
import LoreStore

/// Cases as template models.
enum CaseView {
    static func row(_ c: ServiceCase, _ t: Localizer, directory: CaseRepository.Directory, now: String, offset: Int)
        -> [String: Any]
    {
        let next = c.sla.nextDue
        return [
            "id": c.id, "href": "/cases/\(c.id)", "reference": c.reference, "subject": c.subject,
            "status": t("svc.status.\(c.status.rawValue)"),
            "status_code": c.status.rawValue, "priority": t("svc.priority.\(c.priority.rawValue)"),
            "priority_code": c.priority.rawValue,
            "tier": c.tier.rawValue, "department": directory.departmentName(c.departmentID) ?? t("svc.triage"),
            "assignee": directory.agentName(c.assigneeID) ?? t("svc.unassigned"),
            "channel": t("svc.channel.\(c.channel.rawValue)"),
            "due": next.map { TimeDisplay.short($0, offset: offset) } ?? (c.sla.isPaused ? t("svc.paused") : "—"),
            "overdue": next.map { $0 < now } ?? false,
            "opened": TimeDisplay.short(c.createdAt, offset: offset),
        ]
    }

    /// The SLA line: due time, and met / breached once known.
    static func sla(_ c: ServiceCase, _ t: Localizer, now: String, offset: Int) -> [[String: Any]] {
        [
            (
                "svc.first_response", c.sla.firstResponseDue, c.sla.firstRespondedAt,
                c.sla.firstResponseBreached(now: now)
            ),
            ("svc.resolution_due", c.sla.resolutionDue, c.sla.resolvedAt, c.sla.resolutionBreached(now: now)),
        ].map { key, due, done, breached in
            [
                "label": t(key), "due": TimeDisplay.short(due, offset: offset), "breached": breached,
                "state": breached
                    ? t(done == nil ? "svc.overdue" : "svc.breached")
                    : (done == nil ? t(c.sla.isPaused ? "svc.paused" : "svc.due") : t("svc.met")),
            ]
        }
    }

    static func event(_ e: CaseEvent, _ t: Localizer, directory: CaseRepository.Directory, offset: Int) -> [String: Any]
    {
        var detail = e.detail ?? ""
        if e.kind == "created" { detail = t("svc.channel.\(detail)") }
        if e.kind == "status" { detail = t("svc.status.\(detail)") }
        if e.kind == "priority" { detail = t("svc.priority.\(detail)") }
        if e.kind == "solved_with" || e.kind == "solution_captured" {
            let parts = detail.split(separator: " ")
            let id = parts.last.map(String.init) ?? detail
            detail = parts.first == "case" ? CaseReference.format(Int64(id) ?? 0) : t("svc.kind.article") + " #" + id
        }
        if e.kind == "assigned" { detail = directory.agentName(Int64(detail)) ?? t("svc.unassigned") }
        if e.kind == "routed" {
            let parts = detail.split(separator: " ").map(String.init)
            if parts.count == 3 {
                let guess = directory.departmentName(Int64(parts[1])) ?? "—"
                detail =
                    t("svc.routing.\(parts[0])")
                    + (parts[2] == "-" ? "" : " · \(t("svc.predicted")) \(guess) (\(t("svc.confidence")) \(parts[2]))")
            }
        }
        let text = t.format("svc.event.\(e.kind)", ["d": detail])
        let who = directory.agentName(e.actorID) ?? ""
        return [
            "text": e.kind == "assigned" ? text + " → " + detail : text, "who": who,
            "at": TimeDisplay.short(e.createdAt, offset: offset),
        ]
    }
}
