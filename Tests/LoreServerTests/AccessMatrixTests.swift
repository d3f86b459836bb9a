import Foundation
import HTTPTypes
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// The access matrix: every registered API route × every role (and an anonymous caller), with the outcome its
/// ``RouteAccess`` promises. The table is generated from the route registry and the schemas' access rules, kept in
/// `docs/ACCESS.md` (a new route without a row there fails), and every cell is requested on both engines.
@Suite struct AccessMatrixTests {
    enum Outcome: String {
        case allowed = "✓"
        case forbidden = "403"
        case unauthenticated = "401"
    }

    /// Columns: anonymous first, then every role.
    static let callers: [Role?] = [nil] + Role.allCases.map { Optional($0) }

    static func outcome(_ access: RouteAccess, for role: Role?) -> Outcome {
        guard let role else { return access.requiresSignIn ? .unauthenticated : .allowed }
        return access.allows(role) ? .allowed : .forbidden
    }

    /// The table as Markdown, one row per route, sorted by path then method.
    static func markdown(_ routes: [RegisteredRoute]) -> String {
        let header = ["method", "path"] + callers.map { $0?.rawValue ?? "anonymous" }
        var lines = [
            "# API access matrix", "",
            "Generated from the route registry and the schemas' access rules by `AccessMatrixTests` (run it with",
            "`LORE_WRITE_ACCESS_MATRIX=1` after adding a route). ✓ = the role passes the route's gate (row-level rules —",
            "scopes, article audiences, a case's department — still apply: a record outside them is 404); 403 = refused",
            "for the role; 401 = sign-in needed. Every cell is requested on SQLite and PostgreSQL by the test.", "",
            "| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count),
        ]
        let sorted = routes.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
        for r in sorted {
            let cells = callers.map { outcome(r.access, for: $0).rawValue }
            lines.append("| \(r.method) | `\(r.path)` | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var documentURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs/ACCESS.md")
    }

    @Test func theDocumentedMatrixHasARowForEveryRoute() async throws {
        try await TestApp.with(.sqlite) { app in
            let generated = Self.markdown(app.routes.all)
            if ProcessInfo.processInfo.environment["LORE_WRITE_ACCESS_MATRIX"] == "1" {
                try generated.write(to: Self.documentURL, atomically: true, encoding: .utf8)
            }
            let committed = (try? String(contentsOf: Self.documentURL, encoding: .utf8)) ?? ""
            #expect(
                committed == generated, "docs/ACCESS.md is out of date: run the test with LORE_WRITE_ACCESS_MATRIX=1")
        }
    }

    /// A concrete URL for a route: ids that exist nowhere, so an allowed role reaches the handler (404 or 422) and
    /// nothing changes, while a refused one is stopped at the gate.
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: "{id}", with: "987654").replacingOccurrences(of: "{number}", with: "1")
            .replacingOccurrences(of: "{token}", with: "not-a-real-survey-token")
    }

    @Test(arguments: TestDatabase.engines)
    func everyRoleGetsWhatEachRouteDeclares(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let f = app.fixtures
            let customer = try await f.customer(
                app.database, email: "portal@customer.test", tier: "gold", industry: nil)
            let customerToken = try await ApiTokenRepository(database: app.database).create(
                userID: customer.userID, name: "matrix"
            ).1
            let byRole: [Role: Principal] = [
                .admin: f.admin, .manager: f.manager, .knowledgeManager: f.knowledgeManager,
                .seniorAgent: f.seniorAgent, .agent: f.agent,
                .salesRep: f.rep,
            ]
            #expect(Set(byRole.keys).union([.customer]) == Set(Role.allCases), "a role has no fixture user")
            var checked = 0
            for route in app.routes.all {
                for caller in Self.callers {
                    let expected = Self.outcome(route.access, for: caller)
                    var headers: HTTPFields = [:]
                    var principal: Principal?
                    if caller == .customer {
                        headers[.authorization] = "Bearer " + customerToken
                    } else if let caller {
                        principal = byRole[caller]
                    }
                    let method = HTTPRequest.Method(route.method) ?? .get
                    let body: JSONValue? = [.post, .put, .patch].contains(method) ? .object([:]) : nil
                    let (status, _) = try await app.api(
                        method, Self.concrete(route.path), as: principal, json: body, headers: headers, validate: false)
                    let label = "\(route.method) \(route.path) as \(caller?.rawValue ?? "anonymous"): \(status.code)"
                    switch expected {
                    case .unauthenticated: #expect(status == .unauthorized, "\(label), expected 401")
                    case .forbidden: #expect(status == .forbidden, "\(label), expected 403")
                    case .allowed:
                        #expect(
                            status != .unauthorized && status != .forbidden && status.code < 500,
                            "\(label), expected to pass")
                    }
                    checked += 1
                }
            }
            #expect(checked == app.routes.all.count * Self.callers.count)
        }
    }

    /// The defect that let a portal customer list every member of staff (e-mails, roles, last sign-in) and read the
    /// service desk's settings and figures: each answers 403 with real ids too.
    @Test(arguments: TestDatabase.engines)
    func portalCustomersCannotReadStaffData(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let customer = try await app.fixtures.customer(
                app.database, email: "c@customer.test", tier: nil, industry: nil)
            let token = try await ApiTokenRepository(database: app.database).create(userID: customer.userID, name: "t")
                .1
            let bearer: HTTPFields = [.authorization: "Bearer " + token]
            for path in [
                "/api/v1/users", "/api/v1/users/\(app.fixtures.agent.userID)", "/api/v1/service/settings",
                "/api/v1/service/loop?from=2026-01-01&to=2026-12-31", "/api/v1/alerts", "/api/v1/search?q=agent",
            ] {
                let (status, problem) = try await app.api(.get, path, as: nil, headers: bearer)
                #expect(status == .forbidden, "\(path)")
                #expect(!String(describing: problem).contains("agent@lore.test"), "\(path) leaks a staff e-mail")
            }
            #expect(try await app.api(.get, "/api/v1/me", as: nil, headers: bearer).0 == .ok)
        }
    }
}
