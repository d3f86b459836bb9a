import Hummingbird
import LoreCore

/// The staff's pages (cases, records, the pipeline, search, service settings) refuse a portal customer with a
/// translated "forbidden" page, rather than showing them a staff form that fails when they use it.
struct StaffOnlyMiddleware: RouterMiddleware {
    typealias Context = SignedInContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard context.principal.role.isStaff else {
            throw WebError(status: .forbidden, messageKey: "msg_forbidden")
        }
        return try await next(request, context)
    }
}
