/// Who may see and do what with cases. Pure rules; the store applies the same visibility in SQL (`CaseFilters`).
public enum CasePolicy {
    /// Roles that work cases. Sales reps may open cases for their customers and follow them, but not work queues.
    public static let serviceRoles: Set<Role> = [.admin, .manager, .seniorAgent, .agent, .knowledgeManager]

    /// Admins and managers without a department see every case; everyone else their department's cases, the
    /// triage queue (no department yet), and cases assigned to or opened by them.
    public static func canRead(_ c: ServiceCase, principal p: Principal) -> Bool {
        guard p.role.isStaff else { return false }
        if seesAll(p) { return true }
        if c.assigneeID == p.userID || c.createdBy == p.userID { return true }
        guard serviceRoles.contains(p.role) else { return false }
        return c.departmentID == nil || c.departmentID == p.departmentID
    }

    public static func seesAll(_ p: Principal) -> Bool {
        p.role == .admin || (p.role == .manager && p.departmentID == nil)
    }

    public static func canCreate(_ p: Principal) -> Bool { p.role.isStaff }

    /// Replies, notes, status changes and resolving: service staff who can see the case.
    public static func canWork(_ c: ServiceCase, principal p: Principal) -> Bool {
        canRead(c, principal: p) && (serviceRoles.contains(p.role) || c.assigneeID == p.userID)
    }

    /// Assigning to someone else, re-routing, changing priority: managers and senior agents. Anyone who works
    /// cases may take one for themselves.
    public static func canAssignOthers(_ p: Principal) -> Bool {
        [.admin, .manager, .seniorAgent].contains(p.role)
    }

    /// Moving a case to another department trains the routing model, so it is a manager's call.
    public static func canReroute(_ p: Principal) -> Bool { [.admin, .manager].contains(p.role) }

    /// Who may handle (be assigned) a case at a tier: tier 2 and 3 need a senior agent, a manager or an admin.
    public static func mayHandle(tier: CaseTier, role: Role) -> Bool {
        switch tier {
        case .agent: return serviceRoles.contains(role)
        case .senior, .expert: return [.admin, .manager, .seniorAgent].contains(role)
        }
    }

    /// Routing settings and SLA targets: admins and managers.
    public static func canConfigure(_ p: Principal) -> Bool { configureRoles.contains(p.role) }

    public static let configureRoles: Set<Role> = [.admin, .manager]

    /// Routing accuracy and account alerts: those who configure the desk, and senior agents.
    public static let figureRoles: Set<Role> = configureRoles.union([.seniorAgent])
}
