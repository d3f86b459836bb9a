import Hummingbird
import Synchronization

/// The registered API path templates and their methods, matched as the router matches: a literal segment beats a
/// parameter (`/articles/export` before `/articles/{id}`).
final class APIPathIndex: Sendable {
    let registry: RouteRegistry
    private let templates = Mutex<[(segments: [Substring], methods: [String])]?>(nil)

    init(registry: RouteRegistry) { self.registry = registry }

    func methods(forPath path: String) -> [String]? {
        let all = templates.withLock { cached in
            if let cached { return cached }
            var byPath: [String: [String]] = [:]
            for r in registry.all { byPath[r.path, default: []].append(r.method) }
            let built = byPath.map { (segments: $0.key.split(separator: "/"), methods: Self.ordered($0.value)) }
            cached = built
            return built
        }
        let segments = path.split(separator: "/")
        var best: (parameters: Int, methods: [String])?
        for t in all where t.segments.count == segments.count {
            guard zip(t.segments, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) else { continue }
            let parameters = t.segments.filter { $0.hasPrefix("{") }.count
            if best.map({ parameters < $0.parameters }) ?? true { best = (parameters, t.methods) }
        }
        return best?.methods
    }

    static func ordered(_ methods: [String]) -> [String] {
        let order = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        return methods.sorted { (order.firstIndex(of: $0) ?? 9, $0) < (order.firstIndex(of: $1) ?? 9, $1) }
    }
}
