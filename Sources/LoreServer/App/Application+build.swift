import Foundation
import Hummingbird
import Logging
import LoreCore
import LoreStore
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle
import Synchronization

/// Builds the Lore application; `lore serve` and the tests both call this.
public func buildApplication(
    database: any LoreDatabase, config: AppConfig, logger: Logger,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    services: [any Service] = [], onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let (router, _) = try await buildRouter(database: database, config: config, metrics: metrics)
    var app = Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [ParserErrorHandler(logger: logger)])),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Lore"),
        onServerRunning: onServerRunning,
        eventLoopGroupProvider: config.threads > 0
            ? .shared(MultiThreadedEventLoopGroup(numberOfThreads: config.threads)) : .singleton,
        logger: logger)
    app.addServices(services)
    return app
}

/// The router with every route and middleware, and the registry of API routes (for the OpenAPI coverage test).
func buildRouter(database: any LoreDatabase, config: AppConfig, metrics: PrometheusCollectorRegistry) async throws
    -> (Router<AppRequestContext>, RouteRegistry)
{
    let pages = try await PageRenderer.load()
    let services = AppServices(
        database: database, pages: pages, passwords: PasswordHasher(cost: config.bcryptCost),
        secureCookies: config.secureCookies,
        authCache: AuthCache(ttlMilliseconds: config.authCacheMilliseconds), publicURL: config.publicURL)
    if config.warmCaches {
        let (cases, knowledge) = (services.cases, services.knowledge)
        Task.detached(priority: .background) {
            let started = ContinuousClock.now
            if let n = try? await knowledge.facets.warm(database) {
                database.logger.info(
                    "search facets loaded",
                    metadata: ["articles": "\(n)", "duration": "\(ContinuousClock.now - started)"])
            }
            try? await cases.routing.warm(on: database)
        }
    }
    let router = Router(context: AppRequestContext.self)
    if !config.trustedProxies.isEmpty {
        router.add(middleware: ClientAddressMiddleware(trustedProxies: config.trustedProxies))
    }
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(
        middleware: AuthMiddleware(sessions: services.sessions, tokens: services.tokens, cache: services.authCache))
    let registry = RouteRegistry()
    router.add(middleware: ErrorMiddleware(pages: pages, apiPaths: APIPathIndex(registry: registry)))

    SystemRoutes(database: database, metrics: metrics, benchmarkRoutes: config.benchmarkRoutes).register(on: router)
    registerAPI(on: router, registry: registry, services: services)
    registerPages(on: router, services: services)
    return (router, registry)
}

/// The JSON API under `/api/v1`, every route behind its access gate; the OpenAPI document last.
func registerAPI(on router: Router<AppRequestContext>, registry: RouteRegistry, services: AppServices) {
    let apiGroup = router.group("api/v1").add(middleware: APICSRFMiddleware())
    let api = APIRouter(group: apiGroup, registry: registry, prefix: "/api/v1")
    RecordAPIController(records: services.records).register(on: api)
    PeopleAPIController(users: services.users, tokens: services.tokens, passwords: services.passwords).register(
        on: api)
    SearchAPIController(services: services).register(on: api)
    LeadConversionAPIController(services: services).register(on: api)
    KnowledgeAPIController(kb: services.knowledge).register(on: api)
    CaseAPIController(cases: services.cases).register(on: api)
    MacroAPIController(cases: services.cases).register(on: api)
    registerOpenAPI(on: api)
}

/// The pages: sign-in and the satisfaction survey are public, everything else is for signed-in users.
func registerPages(on router: Router<AppRequestContext>, services: AppServices) {
    let web = router.group()
    AuthPagesController(services: services).register(on: web)
    ServicePages(services: services).registerSurvey(on: web)
    // Every other page is for signed-in users: their handlers get a SignedInContext (anonymous → the sign-in page).
    let signedIn = web.group(context: SignedInContext.self)
    HomePageController(services: services).register(on: signedIn)
    SettingsPage(services: services).register(on: signedIn)
    KnowledgePages(services: services).register(on: signedIn)
    // The rest is the staff's: a portal customer gets a "forbidden" page (their own cases come with the portal).
    let staff = signedIn.group().add(middleware: StaffOnlyMiddleware())
    PipelinePageController(services: services).register(on: staff)
    SearchAndAuditPages(services: services).register(on: staff)
    LeadConvertPage(services: services).register(on: staff)
    AdminUsersPage(services: services).register(on: staff)
    CasePages(services: services).register(on: staff)
    ServicePages(services: services).register(on: staff)
    RecordPagesController(services: services).register(on: staff)
}

/// `GET /api/v1/openapi.json`, registered last: the document states each route's access, read from the registry.
func registerOpenAPI(on api: APIRouter) {
    let document = LazyDocument(registry: api.registry)
    api.open(.get, "/openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: .init(bytes: document.bytes)))
    }
}

/// The OpenAPI document, encoded once on first request (every route is registered by then).
final class LazyDocument: Sendable {
    let registry: RouteRegistry
    private let cache = Mutex<[UInt8]?>(nil)

    init(registry: RouteRegistry) { self.registry = registry }

    var bytes: [UInt8] {
        cache.withLock { cached in
            if let cached { return cached }
            let encoded = OpenAPIDocument.build(routes: registry.all).serialized()
            cached = encoded
            return encoded
        }
    }
}
