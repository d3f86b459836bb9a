import Hummingbird
import Logging
import LoreCore
import LoreStore

/// Turns every error into the right response for its caller: an RFC 9457 problem under `/api/`,
/// a sign-in redirect or a friendly page elsewhere. Unexpected errors are logged and shown without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer
    /// The API's paths and their methods: an existing path called with another method is a 405, not the router's 404.
    let apiPaths: APIPathIndex

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let path = request.uri.path
            if path.hasPrefix("/api/") || path == "/health" || path == "/metrics" {
                // The router's own 404 (no route for the method); a handler's "no such record" is a Problem.
                if let h = error as? HTTPError, h.status == .notFound, let methods = apiPaths.methods(forPath: path) {
                    let allow = methods.joined(separator: ", ")
                    let problem = Problem(
                        status: .methodNotAllowed, title: "Method not allowed", detail: "\(path) answers \(allow).",
                        headers: [.allow: allow])
                    return try problem.response(from: request, context: context)
                }
                return try problem(for: error, context: context).response(from: request, context: context)
            }
            return try page(for: error, request: request, context: context)
        }
    }

    func problem(for error: any Error, context: Context) -> Problem {
        if let problem = Problem.from(error) {
            if problem.status == .serviceUnavailable {
                context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
            }
            return problem
        }
        if let e = error as? WebError {
            return Problem(status: e.status, title: e.status.reasonPhrase, detail: context.localizer(e.messageKey))
        }
        context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
        return Problem(
            status: .internalServerError, title: "Internal server error",
            detail: "The error has been logged (request \(context.id)).")
    }

    func page(for error: any Error, request: Request, context: Context) throws -> Response {
        let (status, key): (HTTPResponse.Status, String)
        switch error {
        case let e as WebError: (status, key) = (e.status, e.messageKey)
        case let p as Problem where p.status == .unauthorized:
            let path = request.uri.path
            let target =
                path == "/"
                ? ""
                : "?next="
                    + (path.addingPercentEncoding(
                        withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? "")
            return PageRenderer.redirect("/login" + target)
        default:
            let p = problem(for: error, context: context)
            status = p.status
            key =
                switch p.status {
                case .forbidden: "msg_forbidden"
                case .notFound: "msg_not_found"
                case .conflict: "msg_conflict"
                default: "msg_error"
                }
        }
        return try pages.render(
            "error", title: "\(status.code)",
            data: ["status": status.code, "message": context.localizer(key), "request_id": context.id],
            context: context, status: status)
    }
}
