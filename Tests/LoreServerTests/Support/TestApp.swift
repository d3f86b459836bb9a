import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import LoreCore
import LoreStore
import LoreTestSupport
import NIOCore
import Prometheus
import Testing

@testable import LoreServer

/// A running Lore application on a fresh database, with a signed-in API token for every fixture user.
struct TestApp: Sendable {
    let client: any TestClientProtocol
    let database: any LoreDatabase
    let fixtures: Fixtures
    let tokens: [Int64: String]
    let routes: RouteRegistry

    /// The served document: it states each route's access, so it is built from the app's route registry.
    let openAPI: JSONValue
    static let password = "correct horse battery"

    func token(_ p: Principal) -> String { tokens[p.userID]! }

    /// Runs `body` against the app on `engine`.
    static func with(_ engine: Engine, _ body: @Sendable @escaping (TestApp) async throws -> Void) async throws {
        try await TestDatabase.with(engine) { db in
            let hash = try await PasswordHasher(cost: 4).hash(password)
            let fixtures = try await Fixtures.make(db, passwordHash: hash)
            var tokens: [Int64: String] = [:]
            for p in [
                fixtures.admin, fixtures.manager, fixtures.rep, fixtures.repTeammate, fixtures.otherRep, fixtures.agent,
                fixtures.seniorAgent,
                fixtures.knowledgeManager, fixtures.serviceManager,
            ] {
                tokens[p.userID] = try await ApiTokenRepository(database: db).create(userID: p.userID, name: "test").1
            }
            var config = AppConfig()
            config.bcryptCost = 4
            let (router, routes) = try await buildRouter(
                database: db, config: config, metrics: PrometheusCollectorRegistry())
            var logger = Logger(label: "lore.test")
            logger.logLevel = .warning
            let app = Application(router: router, logger: logger)
            let captured = tokens
            try await app.test(.router) { client in
                try await body(
                    TestApp(
                        client: client, database: db, fixtures: fixtures, tokens: captured, routes: routes,
                        openAPI: OpenAPIDocument.build(routes: routes.all)))
            }
        }
    }

    /// Calls the JSON API as `principal` (or anonymously) and checks the response against the OpenAPI document.
    @discardableResult
    func api(
        _ method: HTTPRequest.Method, _ path: String, as principal: Principal?, json: JSONValue? = nil,
        rawBody: [UInt8]? = nil,
        headers extra: HTTPFields = [:], validate: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (HTTPResponse.Status, JSONValue) {
        var headers = extra
        if let principal { headers[.authorization] = "Bearer " + token(principal) }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = headers[.contentType] ?? "application/json"
            body = ByteBuffer(bytes: try JSONEncoder().encode(json))
        } else if let rawBody {
            headers[.contentType] = headers[.contentType] ?? "application/json"
            body = ByteBuffer(bytes: rawBody)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            let data = Data(response.body.readableBytesView)
            let value =
                data.isEmpty
                ? JSONValue.null
                : (try? JSONDecoder().decode(JSONValue.self, from: data))
                    ?? .string(String(decoding: data, as: UTF8.self))
            if validate {
                let problems = SchemaValidator(document: openAPI).check(
                    method: method.rawValue, path: path, status: Int(response.status.code), body: value)
                #expect(
                    problems.isEmpty, "response does not match OpenAPI: \(problems)", sourceLocation: sourceLocation)
                if response.status.code >= 400 {
                    #expect(
                        response.headers[.contentType] == "application/problem+json", "\(path)",
                        sourceLocation: sourceLocation)
                }
                // Creating any resource says where it is (issue 18).
                if response.status == .created {
                    #expect(
                        response.headers[.location]?.hasPrefix("/api/v1/") == true,
                        "\(method) \(path): 201 without Location",
                        sourceLocation: sourceLocation)
                }
            }
            return (response.status, value)
        }
    }

    /// Fetches a page with a browser session cookie.
    func page(_ path: String, cookie: String?, headers extra: HTTPFields = [:]) async throws -> (
        HTTPResponse.Status, String, HTTPFields
    ) {
        var headers = extra
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .get, headers: headers) { r in
            (r.status, String(buffer: r.body), r.headers)
        }
    }

    /// Posts a form with a session cookie.
    func post(_ path: String, form: [(String, String)], cookie: String?) async throws -> (
        HTTPResponse.Status, String, HTTPFields
    ) {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
        let body = form.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            r in
            (r.status, String(buffer: r.body), r.headers)
        }
    }

    /// Signs in through the login form and returns the session cookie and the session's CSRF token.
    func signIn(_ principal: Principal) async throws -> (cookie: String, csrf: String) {
        let (_, html, headers) = try await page("/login", cookie: nil)
        let loginCSRF = Self.hiddenValue("_csrf", in: html)!
        let loginCookie = headers[values: .setCookie].first { $0.hasPrefix("lore_login_csrf=") }!.split(separator: ";")[
            0]
        let (status, _, responseHeaders) = try await post(
            "/login", form: [("_csrf", loginCSRF), ("email", principal.email), ("password", Self.password)],
            cookie: String(loginCookie))
        #expect(status == .seeOther)
        let session = responseHeaders[values: .setCookie].first { $0.hasPrefix("lore_session=") }!.split(
            separator: ";")[0]
        // Any page with the layout carries the session's token (a portal customer's "/" redirects).
        let (_, home, _) = try await page("/settings", cookie: String(session))
        return (String(session), Self.hiddenValue("_csrf", in: home)!)
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }
}
