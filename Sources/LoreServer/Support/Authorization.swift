import LoreCore

extension SignedInContext {
    /// The role check a page makes before acting on a record type (API routes are gated by their ``RouteAccess``
    /// before the handler runs): the principal, or a 403.
    func authorize(_ action: Action, _ schema: EntitySchema) throws -> Principal {
        guard Permissions.allows(principal.role, action, on: schema) else {
            throw Problem.forbidden("Your role (\(principal.role.rawValue)) may not \(action.rawValue) \(schema.name).")
        }
        return principal
    }
}
