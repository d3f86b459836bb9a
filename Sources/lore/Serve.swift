import ArgumentParser
import Foundation
import Hummingbird
import Logging
import LoreCore
import LoreServer
import LoreStore
import Metrics
import Prometheus
import Synchronization

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web UI and the JSON API.",
        discussion: """
            Applies pending migrations first. On an empty database it creates an administrator and prints a one-time
            password (or uses --admin-email/--admin-password). Stops gracefully on SIGTERM or SIGINT.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Address to listen on (LORE_HOST).") var host: String = Environment.value("LORE_HOST") ?? "127.0.0.1"
    @Option(help: "Port to listen on (LORE_PORT).") var port: Int =
        Environment.value("LORE_PORT").flatMap(Int.init) ?? 8080
    @Option(help: "E-mail of the administrator created on first run.") var adminEmail: String?
    @Option(help: "Password of the administrator created on first run (default: a generated one-time password).")
    var adminPassword: String?
    @Flag(help: "Mark cookies Secure; use when Lore is served over HTTPS (LORE_SECURE_COOKIES=1).") var secureCookies =
        false
    @Option(help: "trace, debug, info, notice, warning or error (LORE_LOG_LEVEL).") var logLevel: String =
        Environment.value("LORE_LOG_LEVEL") ?? "info"
    @Option(help: "json (default) or text (LORE_LOG_FORMAT).") var logFormat: String =
        Environment.value("LORE_LOG_FORMAT") ?? "json"
    @Option(help: "HTTP event-loop threads (LORE_THREADS); 0 means one per core.") var threads: Int =
        Environment.value("LORE_THREADS").flatMap(Int.init) ?? 0
    @Flag(help: .hidden) var benchmarkRoutes = false
    @Option(
        help: "Address customers reach Lore at, for links in e-mails such as satisfaction surveys (LORE_PUBLIC_URL).")
    var publicURL: String = Environment.value("LORE_PUBLIC_URL") ?? ""
    @Option(
        help: """
            Address of a reverse proxy in front of Lore whose X-Forwarded-For header names the client; repeat for several \
            (LORE_TRUSTED_PROXIES, comma-separated).
            """)
    var trustedProxy: [String] =
        Environment.value("LORE_TRUSTED_PROXIES").map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } ?? []

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error")
        }
        if let adminEmail, UserInput.validateEmail(adminEmail) != nil {
            throw ValidationError("--admin-email is not an e-mail address")
        }
        if let adminPassword, let e = UserInput.validatePassword(adminPassword) {
            throw ValidationError("--admin-password \(e.message)")
        }
        for proxy in trustedProxy where !proxy.isEmpty && !ClientAddress.isIPAddress(proxy) {
            throw ValidationError("--trusted-proxy '\(proxy)' is not an IP address")
        }
    }

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level \(logLevel) is not a log level")
        }
        Environment.bootstrapLogging(level: level, json: logFormat == "json")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "lore")
        var config = AppConfig()
        config.host = host
        config.port = port
        config.secureCookies = secureCookies || Environment.value("LORE_SECURE_COOKIES") == "1"
        config.warmCaches = true
        config.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        config.benchmarkRoutes = benchmarkRoutes
        config.threads = threads
        config.trustedProxies = Set(trustedProxy.filter { !$0.isEmpty })
        let (adminEmail, adminPassword) = (self.adminEmail, self.adminPassword)
        let settings = config
        let started = Mutex(false)
        do {
            try await DatabaseSession.with(db.location, logger: logger) { database in
                try await FirstRun.ensureAdministrator(database: database, email: adminEmail, password: adminPassword)
                // A request waits at most this long on PostgreSQL, then gets a 503 (see limitCalls); migrations had no limit.
                (database as? PostgresLoreDatabase)?.limitCalls(to: .seconds(10))
                let app = try await buildApplication(
                    database: database, config: settings, logger: logger, metrics: registry,
                    onServerRunning: { channel in
                        started.withLock { $0 = true }
                        let port = channel.localAddress?.port ?? settings.port
                        logger.info(
                            "Lore is listening",
                            metadata: [
                                "url": "http://\(settings.host):\(port)/", "database": "\(database.engine.rawValue)",
                            ])
                    })
                try await app.runService()
                return true
            }
        } catch {
            // A supervisor restarts on a non-zero exit; the operator needs one line that says why.
            let phase = started.withLock { $0 } ? "Lore stopped on an error" : "Lore could not start"
            logger.critical("\(phase): \(StartupFailure.describe(error, host: settings.host, port: settings.port))")
            throw ExitCode.failure
        }
    }
}

/// Creates the first administrator on an empty database and tells the operator how to sign in.
enum FirstRun {
    static func ensureAdministrator(database: any LoreDatabase, email: String?, password: String?) async throws {
        let users = UserRepository(database: database)
        guard try await users.count() == 0 else { return }
        let email = email ?? "admin@lore.local"
        let password = password ?? Secrets.randomToken(bytes: 12)
        let hash = try await PasswordHasher().hash(password)
        _ = try await users.create(email: email, name: "Administrator", role: .admin, teamID: nil, passwordHash: hash)
        // Unbuffered: the operator must see this even if the process is stopped right after.
        FileHandle.standardOutput.write(
            Data(
                """

                ┌─ Lore first run ─────────────────────────────────────────────
                │ Created the administrator account.
                │   e-mail:   \(email)
                │   password: \(password)
                │ Sign in and change the password under Settings.
                └──────────────────────────────────────────────────────────────

                """.utf8))
    }
}

/// Start-up errors in words an operator can act on.
enum StartupFailure {
    static func describe(_ error: any Error, host: String, port: Int) -> String {
        if let e = error as? CLIError { return e.description }
        let text = "\(error)"
        if text.contains("Address already in use") {
            return "\(host):\(port) is already in use (another Lore, or another program); choose --port"
        }
        if text.contains("Permission denied") && text.contains("bind") {
            return "not allowed to listen on \(host):\(port); ports below 1024 need privileges"
        }
        if text.contains("Cannot assign requested address") {
            return "\(host) is not an address of this machine; choose --host"
        }
        return text
    }
}
