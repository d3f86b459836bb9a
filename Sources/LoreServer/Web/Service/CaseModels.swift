import LoreCore
import LoreStore

/// A case as a row of the case lists, and the head of its page.
struct CaseRowModel: Encodable {
    var id: Int64
    var href: String
    var reference: String
    var subject: String
    var status: String
    var statusCode: String
    var priority: String
    var priorityCode: String
    var tier: Int
    var department: String
    var assignee: String
    var channel: String
    /// The next SLA time due, "paused" or a dash.
    var due: String
    var overdue: Bool
    var opened: String
    /// Who the case is for: the account's and contact's names (never their ids).
    var customer: String?

    init(
        _ c: ServiceCase, _ t: Localizer, directory: CaseRepository.Directory, customers: CaseCustomers, now: String,
        offset: Int
    ) {
        customer = customers.label(c)
        let next = c.sla.nextDue
        (id, href, reference, subject) = (c.id, "/cases/\(c.id)", c.reference, c.subject)
        (status, statusCode) = (t("svc_status_\(c.status.rawValue)"), c.status.rawValue)
        (priority, priorityCode) = (t("svc_priority_\(c.priority.rawValue)"), c.priority.rawValue)
        tier = c.tier.rawValue
        department = directory.departmentName(c.departmentID) ?? t("svc_triage")
        assignee = directory.agentName(c.assigneeID) ?? t("svc_unassigned")
        channel = t("svc_channel_\(c.channel.rawValue)")
        due = next.map { TimeDisplay.short($0, offset: offset) } ?? (c.sla.isPaused ? t("svc_paused") : "—")
        overdue = next.map { $0 < now } ?? false
        opened = TimeDisplay.short(c.createdAt, offset: offset)
    }
}

/// What the signed-in user may do with the case now (each a button or form on the page).
struct CaseActionsModel: Encodable {
    var active: Bool
    var canWork: Bool
    var canResolve: Bool
    var canEscalate: Bool
    var canTake: Bool
    var canAssign: Bool
    var canReroute: Bool
    var canReopen: Bool
    var canClose: Bool
    var pending: Bool
    /// Whether the actions menu has anything in it.
    var hasActions: Bool

    init(_ c: ServiceCase, principal p: Principal) {
        let work = CasePolicy.canWork(c, principal: p)
        active = c.status.isActive
        canWork = work && active
        canResolve = work && active && (c.tier == .agent || CasePolicy.mayHandle(tier: c.tier, role: p.role))
        canEscalate = work && active && c.tier.next != nil
        canTake = work && active && c.assigneeID != p.userID && CasePolicy.mayHandle(tier: c.tier, role: p.role)
        canAssign = work && active && CasePolicy.canAssignOthers(p)
        canReroute = active && CasePolicy.canReroute(p)
        canReopen = work && c.status == .resolved
        canClose = work && c.status == .resolved
        pending = c.status == .pendingCustomer
        hasActions = canEscalate || canResolve || canAssign || canWork || canReroute
    }
}

/// One SLA clock: its due time, what is left of it, and met / breached once known.
struct SLALineModel: Encodable {
    var label: String
    var due: String
    var breached: Bool
    var state: String
    /// "2 h 15 min left", "35 min overdue", or nil once the clock stopped (met, breached, paused).
    var remaining: String?
    /// The countdown's colour: `ok`, `warn` (under an hour left), `danger` (overdue), `done`.
    var tone: String

    static func lines(_ c: ServiceCase, _ t: Localizer, now: String, offset: Int) -> [SLALineModel] {
        [
            (
                "svc_first_response", c.sla.firstResponseDue, c.sla.firstRespondedAt,
                c.sla.firstResponseBreached(now: now)
            ),
            ("svc_resolution_due", c.sla.resolutionDue, c.sla.resolvedAt, c.sla.resolutionBreached(now: now)),
        ].map { key, due, done, breached in
            let running = done == nil && !c.sla.isPaused
            let minutes = running ? Self.minutes(from: now, to: due) : nil
            return SLALineModel(
                label: t(key), due: TimeDisplay.short(due, offset: offset), breached: breached,
                state: breached
                    ? t(done == nil ? "svc_overdue" : "svc_breached")
                    : (done == nil ? t(c.sla.isPaused ? "svc_paused" : "svc_due") : t("svc_met")),
                remaining: minutes.map { Self.countdown($0, t) },
                tone: minutes.map { $0 < 0 ? "danger" : ($0 < 60 ? "warn" : "ok") } ?? "done")
        }
    }

    static func minutes(from now: String, to due: String) -> Int? {
        guard let a = Timestamp.parse(now), let b = Timestamp.parse(due) else { return nil }
        return Int((b - a) / 60_000)
    }

    /// "2 h 15 min left" / "35 min overdue" (and the Chinese).
    static func countdown(_ minutes: Int, _ t: Localizer) -> String {
        let m = abs(minutes)
        let span =
            m >= 1_440
            ? t.format("svc_span_days", ["d": String(m / 1_440), "h": String(m % 1_440 / 60)])
            : (m >= 60
                ? t.format("svc_span_hours", ["h": String(m / 60), "m": String(m % 60)])
                : t.format("svc_span_minutes", ["m": String(m)]))
        return t.format(minutes < 0 ? "svc_overdue_by" : "svc_left", ["span": span])
    }
}

/// One entry of a case's conversation.
struct CaseMessageModel: Encodable {
    var body: String
    var kind: String
    var `internal`: Bool
    var customer: Bool
    var who: String
    var at: String

    init(_ m: CaseMessage, _ t: Localizer, directory: CaseRepository.Directory, offset: Int) {
        (body, kind, `internal`, customer) = (m.body, m.kind.rawValue, m.kind == .note, m.kind == .customer)
        who =
            m.kind == .customer ? (m.fromAddress ?? t("svc_from_customer")) : (directory.agentName(m.authorID) ?? "—")
        at = TimeDisplay.short(m.createdAt, offset: offset)
    }
}

/// A suggested answer: an article or a solved case, and the form that records it as the solution.
struct SuggestionModel: Encodable {
    var kind: String
    var kindCode: String
    var title: String
    var id: Int64
    var href: String
    var match: String
    var solved: String
    var used: Bool
    /// The form field naming it, and where the form posts (the case being worked on, not the suggestion).
    var field: String
    var solvedAction: String
    var canUse: Bool
    /// The start of the answer it offers, and the whole of it for "insert into reply".
    var preview: String
    var answer: String

    init(_ s: CaseRepository.Suggestion, caseID: Int64, _ t: Localizer, canUse: Bool) {
        (kind, kindCode, title, id) = (t("svc_kind_\(s.kind.rawValue)"), s.kind.rawValue, s.title, s.id)
        href = s.kind == .case ? "/cases/\(s.id)" : "/kb/articles/\(s.id)"
        match = "\(Int((s.match * 100).rounded()))%"
        solved = t.format("svc_solved_count", ["n": String(s.solvedCount)])
        (used, field) = (s.used, s.kind == .case ? "case_id" : "article_id")
        solvedAction = "/cases/\(caseID)/solved"
        self.canUse = canUse
        let answer = s.answer.trimmingCharacters(in: .whitespacesAndNewlines)
        (preview, self.answer) = (answer.count > 220 ? String(answer.prefix(217)) + "…" : answer, answer)
    }
}

/// One line of a case's history.
struct CaseEventModel: Encodable {
    var text: String
    var who: String
    var at: String
}

/// The case page's own fields, beside the case's row (``CaseRowModel``) and actions (``CaseActionsModel``).
struct CasePageModel: Encodable {
    var description: String?
    var sla: [SLALineModel]
    var routing: String
    var prediction: String?
    var resolution: String?
    var agents: [OptionModel]
    var departments: [OptionModel]
    var priorities: [OptionModel]
    var messages: [CaseMessageModel]
    var events: [CaseEventModel]
    var captured: LinkModel?
    var suggestions: [SuggestionModel]
    var account: LinkModel?
    var contact: LinkModel?
    var product: LinkModel?
    /// The customer's other open cases.
    var otherCases: [CaseRowModel] = []
    /// Canned replies, filled in for this case, to insert into the reply.
    var macros: SectionModel<MacroOption>?

    struct MacroOption: Encodable {
        var title: String
        var text: String
    }

    /// What the page shows or hides as a whole, derived from the fields above.
    struct Sections: Encodable {
        /// The summary card shows only what there is: a case may be opened with a subject alone.
        var hasSummary: Bool
        var noSuggestions: Bool
        var noMessages: Bool
        /// A fresh install has no departments yet: nothing to move a case to.
        var canMoveDepartment: Bool
    }

    var sections: Sections {
        Sections(
            hasSummary: description != nil || resolution != nil || captured != nil, noSuggestions: suggestions.isEmpty,
            noMessages: messages.isEmpty, canMoveDepartment: !departments.isEmpty)
    }
}

/// The names of the accounts and contacts of some cases, loaded in two queries (as the viewer may see them).
struct CaseCustomers {
    var accounts: [Int64: String] = [:]
    var contacts: [Int64: String] = [:]

    static func load(_ cases: [ServiceCase], records: RecordRepository, as p: Principal) async throws -> CaseCustomers {
        CaseCustomers(
            accounts: try await records.titles(entity: "accounts", ids: Set(cases.compactMap(\.accountID)), as: p),
            contacts: try await records.titles(entity: "contacts", ids: Set(cases.compactMap(\.contactID)), as: p))
    }

    /// "Account · Contact", either alone, or nil when the case names neither (or the viewer may see neither).
    func label(_ c: ServiceCase) -> String? {
        let names = [c.accountID.flatMap { accounts[$0] }, c.contactID.flatMap { contacts[$0] }].compactMap { $0 }
        return names.isEmpty ? nil : names.joined(separator: " · ")
    }
}
