import Foundation
import Hummingbird

/// One API operation as registered: what the OpenAPI coverage test and the access-matrix test read.
struct RegisteredRoute: Sendable {
    var method: String
    var path: String
    var access: RouteAccess
}

/// Records every API route as it is registered, so tests can check the OpenAPI document covers them all and that
/// each role gets what the route's ``RouteAccess`` says.
final class RouteRegistry: @unchecked Sendable {
    // @unchecked: `routes` is only touched under `lock`.
    private let lock = NSLock()
    private var routes: [RegisteredRoute] = []

    func add(_ method: HTTPRequest.Method, _ path: String, access: RouteAccess) {
        lock.withLock { routes.append(RegisteredRoute(method: method.rawValue, path: path, access: access)) }
    }

    var all: [RegisteredRoute] { lock.withLock { routes } }
}

/// Registers API routes written in OpenAPI style (`/accounts/{id}`) on a router group and in the registry, each
/// behind its access gate.
struct APIRouter {
    let group: RouterGroup<AppRequestContext>
    let registry: RouteRegistry
    /// The prefix the group is mounted at, e.g. `/api/v1`.
    let prefix: String

    /// A route for signed-in users: the gate (401, then 403 for a role outside `access`) and the query rules (400)
    /// run before the handler, which receives a ``SignedInContext``.
    func on(
        _ method: HTTPRequest.Method, _ path: String, access: RouteAccess,
        use handler: @escaping @Sendable (Request, SignedInContext) async throws -> Response
    ) {
        register(method, path, access: access) { request, context in
            try await handler(request, try SignedInContext(context: context))
        }
    }

    /// A route open to anyone (the OpenAPI document; a survey link carries its own token).
    func open(
        _ method: HTTPRequest.Method, _ path: String,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        register(method, path, access: .anyone, handler)
    }

    private func register(
        _ method: HTTPRequest.Method, _ path: String, access: RouteAccess,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        registry.add(method, prefix + path, access: access)
        let query = QueryRules(
            OpenAPIDocument.operationsByKey["\(method.rawValue.lowercased()) \(prefix + path)"]?.query ?? [])
        group.on(RouterPath(Self.routerPath(path)), method: method) { request, context in
            try access.check(context)
            if let problem = query.problem(in: request.query) { throw Problem.badRequest(problem) }
            return try await handler(request, context)
        }
    }

    static func routerPath(_ path: String) -> String {
        path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
    }
}
