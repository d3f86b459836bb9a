import Hummingbird
import LoreCore

/// Who may call an API route: checked before the handler runs (401 without a principal, 403 for a role outside it),
/// documented in the OpenAPI document, and read by the access-matrix test, so the rule is stated once per route.
/// Row-level rules (scopes, article audiences, a case's department) apply inside the handler on top of this.
enum RouteAccess: Sendable {
    /// No sign-in needed (the OpenAPI document; a survey link carries its own token).
    case anyone
    /// Any signed-in user, portal customers included.
    case signedIn
    /// Any member of staff: every role but `customer`.
    case staff
    /// These roles only (administrators pass every gate).
    case roles(Set<Role>)
    /// The roles an entity's ``AccessRule`` allows the action to.
    case entity(EntitySchema, Action)
    /// The roles every one of these rules allows (a lead conversion updates a lead and creates an account and deal).
    case all([RouteAccess])

    /// Whether a signed-in user with `role` passes the gate.
    func allows(_ role: Role) -> Bool {
        switch self {
        case .anyone, .signedIn: true
        case .staff: role.isStaff
        case .roles(let roles): role == .admin || roles.contains(role)
        case .entity(let schema, let action): Permissions.allows(role, action, on: schema)
        case .all(let rules): rules.allSatisfy { $0.allows(role) }
        }
    }

    /// Administrators only.
    static let admins = RouteAccess.roles([.admin])
    /// Managers (and administrators): the audit log.
    static let managers = RouteAccess.roles([.admin, .manager])
    /// Knowledge reviewers: approving and rejecting articles and proposals, the review queue.
    static let reviewers = RouteAccess.roles(ArticlePolicy.reviewerRoles)
    /// The roles that work service cases (e-mail intake).
    static let serviceDesk = RouteAccess.roles(CasePolicy.serviceRoles)
    /// Those who configure the service desk: SLA targets, routing, re-routing, acknowledging alerts.
    static let serviceManagers = RouteAccess.roles(CasePolicy.configureRoles)
    /// Routing accuracy figures.
    static let routingFigures = RouteAccess.roles(CasePolicy.figureRoles)

    var requiresSignIn: Bool {
        if case .anyone = self { return false }
        return true
    }

    /// The roles that pass, in declaration order, for the OpenAPI document and the 403 message.
    var allowedRoles: [Role] { Role.allCases.filter(allows) }

    /// Throws the problem a caller outside the gate gets.
    func check(_ context: AppRequestContext) throws {
        guard requiresSignIn else { return }
        let principal = try context.requirePrincipal()
        guard allows(principal.role) else {
            if case .entity(let schema, let action) = self {
                throw Problem.forbidden(
                    "Your role (\(principal.role.rawValue)) may not \(action.rawValue) \(schema.name).")
            }
            let roles = allowedRoles.map(\.rawValue).joined(separator: ", ")
            throw Problem.forbidden("Your role (\(principal.role.rawValue)) may not do this; it is for: \(roles).")
        }
    }
}
