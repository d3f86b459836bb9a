import LoreCore

/// The home page (`home.mustache`): my tasks, my pipeline and accounts, recent activity and service alerts.
struct HomePageModel: Encodable {
    var welcome: String
    var tasks: [Task]
    var activity: [Activity]
    var openCount: Int
    var openAmount: String
    var accountCount: Int
    var taskCount: Int
    var overdueCount: Int
    var alerts: SectionModel<Alert>?

    var sections: Sections {
        Sections(noTasks: tasks.isEmpty, noActivity: activity.isEmpty, hasOverdue: overdueCount > 0)
    }

    /// What the page shows or hides as a whole, derived from the fields above.
    struct Sections: Encodable {
        var noTasks: Bool
        var noActivity: Bool
        var hasOverdue: Bool
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
