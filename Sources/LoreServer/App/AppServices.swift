import Logging
import LoreStore

/// The repositories and helpers controllers are built with. Made once in ``buildApplication`` and
/// handed to each controller explicitly; nothing reaches for it globally.
struct AppServices: Sendable {
    let database: any LoreDatabase
    let records: RecordRepository
    let users: UserRepository
    let sessions: SessionRepository
    let tokens: ApiTokenRepository
    let throttle: LoginThrottle
    let audit: AuditRepository
    let search: SearchRepository
    let leads: LeadConversion
    let knowledge: KnowledgeRepository
    let cases: CaseRepository
    let pages: PageRenderer
    let passwords: PasswordHasher
    let secureCookies: Bool
    let authCache: AuthCache

    init(
        database: any LoreDatabase, pages: PageRenderer, passwords: PasswordHasher, secureCookies: Bool,
        authCache: AuthCache, publicURL: String = ""
    ) {
        self.database = database
        self.records = RecordRepository(database: database)
        self.users = UserRepository(database: database, onAccessChange: authCache.clear)
        self.sessions = SessionRepository(database: database, onAccessChange: authCache.clear)
        self.tokens = ApiTokenRepository(database: database, onAccessChange: authCache.clear)
        self.throttle = LoginThrottle(database: database)
        self.audit = AuditRepository(database: database)
        self.search = SearchRepository(database: database)
        self.leads = LeadConversion(database: database)
        self.knowledge = KnowledgeRepository(database: database)
        self.cases = CaseRepository(database: database, publicURL: publicURL)
        self.pages = pages
        self.passwords = passwords
        self.secureCookies = secureCookies
        self.authCache = authCache
    }
}
