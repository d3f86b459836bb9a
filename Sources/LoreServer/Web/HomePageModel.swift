import LoreCore

/// The home page (`home.mustache`): what this person does first each morning. Each section is present only for the
/// roles it applies to (``HomeRole``), so no page shows a figure that cannot apply (an agent's empty pipeline).
struct HomePageModel: Encodable {
    var welcome: String
    var myCases: MyCases?
    var queues: Queues?
    var satisfaction: Satisfaction?
    var alerts: SectionModel<Alert>?
    var pipeline: Pipeline?
    var knowledge: Knowledge?
    var system: System?
    var tasks: Tasks
    var activity: SectionModel<Activity>?

    /// An agent's open cases, the most urgent first.
    struct MyCases: Encodable {
        var rows: [CaseRowModel]
        var count: Int
        /// Cases whose next SLA time falls within the next two hours, and those already past it (nil: none, so the
        /// template's section hides; Mustache shows a 0).
        var dueSoon: Int?
        var overdue: Int?
        var empty: Bool

        init(rows: [CaseRowModel], count: Int, dueSoon: Int, overdue: Int) {
            (self.rows, self.count, empty) = (rows, count, rows.isEmpty)
            (self.dueSoon, self.overdue) = (dueSoon > 0 ? dueSoon : nil, overdue > 0 ? overdue : nil)
        }
    }

    /// The service queues the viewer may see, with their size and what is overdue.
    struct Queues: Encodable {
        struct Item: Encodable {
            var label: String
            var href: String
            var count: Int
            var overdue: Int?
        }
        var items: [Item]
        var overdue: Int?
        var active: Int
    }

    /// Customer satisfaction over the last months: a chart and the latest figures.
    struct Satisfaction: Encodable {
        var chart: String
        var average: String
        /// How many answers the average rests on, in words.
        var detail: String
    }

    /// A salesperson's pipeline, accounts and the accounts that went quiet.
    struct Pipeline: Encodable {
        var openCount: Int
        var openAmount: String
        var accountCount: Int
        var quiet: [LinkModel]
    }

    /// Articles waiting for this person: to review, to re-verify, or their own drafts.
    struct Knowledge: Encodable {
        var reviewCount: Int?
        var review: [ArticleSummaryModel]
        var staleCount: Int?
        var stale: [ArticleSummaryModel]
        var drafts: [ArticleSummaryModel]
    }

    /// An administrator's view of the installation.
    struct System: Encodable {
        struct Count: Encodable {
            var label: String
            var count: Int
        }
        struct SignIn: Encodable {
            var name: String
            var role: String
            var when: String
        }
        var engine: String
        /// How long the database took to answer a trivial query just now.
        var response: String
        var users: Int
        var byRole: [Count]
        var signIns: [SignIn]
    }

    /// My open tasks, soonest due first.
    struct Tasks: Encodable {
        var items: [Task]
        var count: Int
        var overdue: Int?
        var empty: Bool

        init(items: [Task], count: Int, overdue: Int) {
            (self.items, self.count, self.overdue, empty) = (items, count, overdue > 0 ? overdue : nil, items.isEmpty)
        }
    }

    /// One of my open tasks, with the account and opportunity it is about.
    struct Task: Encodable {
        var href: String
        var title: String
        var due: String?
        var overdue: Bool
        var priority: String
        var priorityLabel: String
        var related: [RecordCellModel]
    }

    /// One recent interaction.
    struct Activity: Encodable {
        var href: String
        var subject: String
        var kind: String
        var kindLabel: String
        var when: String
        var owner: String
        var account: RecordCellModel
    }

    /// A customer who rated the service badly, until someone acknowledges it.
    struct Alert: Encodable {
        var id: Int64
        var account: String
        var accountHref: String
        var caseHref: String?
        var `case`: String
        var text: String
        var comment: String
        var when: String
        var canAck: Bool
    }
}

/// Which home a role gets.
enum HomeRole {
    case agent, serviceLead, manager, sales, knowledge, admin

    init(_ role: Role) {
        switch role {
        case .agent: self = .agent
        case .seniorAgent: self = .serviceLead
        case .manager: self = .manager
        case .knowledgeManager: self = .knowledge
        case .admin: self = .admin
        case .salesRep, .customer: self = .sales
        }
    }

    var showsMyCases: Bool { self == .agent || self == .serviceLead }
    var showsQueues: Bool { self == .serviceLead || self == .manager }
    var showsSatisfaction: Bool { self == .manager }
    var showsAlerts: Bool { self == .serviceLead || self == .manager }
    var showsPipeline: Bool { self == .sales || self == .manager }
    var showsActivity: Bool { self == .sales || self == .manager }
    var showsKnowledge: Bool { self == .agent || self == .serviceLead || self == .knowledge }
}
