import Foundation
import Hummingbird

/// Records every API route as it is registered, so tests can check the OpenAPI document covers them all.
final class RouteRegistry: @unchecked Sendable {
    // @unchecked: `routes` is only touched under `lock`.
    private let lock = NSLock()
    private var routes: [(method: String, path: String)] = []

    func add(_ method: HTTPRequest.Method, _ path: String) {
        lock.withLock { routes.append((method.rawValue, path)) }
    }

    var all: [(method: String, path: String)] { lock.withLock { routes } }
}

/// Registers API routes written in OpenAPI style (`/accounts/{id}`) on a router group and in the registry.
struct APIRouter {
    let group: RouterGroup<AppRequestContext>
    let registry: RouteRegistry
    /// The prefix the group is mounted at, e.g. `/api/v1`.
    let prefix: String

    func on(
        _ method: HTTPRequest.Method, _ path: String,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        registry.add(method, prefix + path)
        let hbPath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
        group.on(RouterPath(hbPath), method: method, use: handler)
    }
}
