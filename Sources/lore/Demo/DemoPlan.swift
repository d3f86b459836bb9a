/// How big a demo company to build. The defaults are the documented demo; benchmarks scale it up.
struct DemoPlan: Sendable {
    var accounts = 520
    var contactsPerAccount = 3
    var leads = 200
    var opportunities = 320
    var contracts = 160
    var orderLines = 21_000
    var interactions = 5_200
    var tasks = 420
    var years = 3
    var seed: UInt64 = 2026

    /// The shared password of the demo users (printed at the end and in the README).
    static let password = "lore-demo-2026"
}

/// The demo organisation: departments, teams and a user in every role.
enum DemoPeople {
    /// (e-mail, name, role, team name or nil)
    static let users: [(String, String, String, String?)] = [
        ("admin@lore.demo", "系统管理员 Admin", "admin", nil),
        ("manager@lore.demo", "周建华 Jianhua Zhou", "manager", "华东销售 East Sales"),
        ("rep.east@lore.demo", "李娜 Na Li", "sales_rep", "华东销售 East Sales"),
        ("rep.east2@lore.demo", "Peter Walker", "sales_rep", "华东销售 East Sales"),
        ("rep.north@lore.demo", "王磊 Lei Wang", "sales_rep", "华北销售 North Sales"),
        ("rep.south@lore.demo", "陈静 Jing Chen", "sales_rep", "华南销售 South Sales"),
        ("km@lore.demo", "赵敏 Min Zhao", "knowledge_manager", "知识管理 Knowledge Team"),
        ("senior@lore.demo", "刘涛 Tao Liu", "senior_agent", "二线支持 Tier 2 Support"),
        ("agent@lore.demo", "孙丽 Li Sun", "agent", "一线支持 Tier 1 Support"),
        ("agent2@lore.demo", "Emma Clark", "agent", "一线支持 Tier 1 Support"),
        ("service.manager@lore.demo", "黄海燕 Haiyan Huang", "manager", "一线支持 Tier 1 Support"),
        ("billing@lore.demo", "吴芳 Fang Wu", "agent", "账务组 Billing Desk"),
    ]

    /// (department, [teams])
    static let departments: [(String, [String])] = [
        ("销售部 Sales", ["华东销售 East Sales", "华北销售 North Sales", "华南销售 South Sales"]),
        ("客户服务部 Customer Service", ["一线支持 Tier 1 Support", "二线支持 Tier 2 Support", "知识管理 Knowledge Team"]),
        ("账务部 Billing", ["账务组 Billing Desk"]),
    ]
}
