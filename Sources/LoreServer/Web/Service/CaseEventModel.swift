import LoreCore
import LoreStore

/// A case's history in words: each event's detail translated, ids turned into names.
extension CaseEventModel {
    init(_ e: CaseEvent, _ t: Localizer, directory: CaseRepository.Directory, offset: Int) {
        var detail = e.detail ?? ""
        if e.kind == "created" { detail = t("svc_channel_\(detail)") }
        if e.kind == "status" { detail = t("svc_status_\(detail)") }
        if e.kind == "priority" { detail = t("svc_priority_\(detail)") }
        if e.kind == "solved_with" || e.kind == "solution_captured" {
            let parts = detail.split(separator: " ")
            let id = parts.last.map(String.init) ?? detail
            detail = parts.first == "case" ? CaseReference.format(Int64(id) ?? 0) : t("svc_kind_article") + " #" + id
        }
        if e.kind == "assigned" { detail = directory.agentName(Int64(detail)) ?? t("svc_unassigned") }
        if e.kind == "routed" {
            let parts = detail.split(separator: " ").map(String.init)
            if parts.count == 3 {
                let guess = directory.departmentName(Int64(parts[1])) ?? "—"
                detail =
                    t("svc_routing_\(parts[0])")
                    + (parts[2] == "-" ? "" : " · \(t("svc_predicted")) \(guess) (\(t("svc_confidence")) \(parts[2]))")
            }
        }
        let text = t.format("svc_event_\(e.kind)", ["d": detail])
        let who = directory.agentName(e.actorID) ?? ""
        self.init(
            text: e.kind == "assigned" ? text + " → " + detail : text, who: who,
            at: TimeDisplay.short(e.createdAt, offset: offset))
    }
}
