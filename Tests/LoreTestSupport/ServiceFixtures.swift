import LoreCore
import LoreStore

/// A service desk on top of ``Fixtures``: three departments the routing model can tell apart (Service — technical
/// faults, the agents' own; Billing; Sales), labelled past cases in Chinese and English, and a customer contact.
public struct ServiceFixtures: Sendable {
    public var base: Fixtures
    public var service: Int64
    public var billing: Int64
    public var sales: Int64
    public var accountID: Int64
    public var contactID: Int64
    public var contactEmail: String

    public static let technical = [
        ("Router keeps rebooting", "The router restarts every hour and the wifi drops"), ("路由器无法连接", "路由器指示灯闪烁，无法连接网络"),
        ("Wifi signal weak", "The wireless signal is weak upstairs, router firmware old"), ("设备死机", "网关设备死机，需要重启路由器"),
        ("Connection drops", "Internet connection drops, router lights blinking red"),
        ("Firmware update failed", "Router firmware update failed halfway"),
    ]
    public static let invoices = [
        ("Wrong invoice amount", "The invoice total is wrong, we were charged twice"), ("发票抬头错误", "发票抬头写错了，需要重新开具发票"),
        ("Refund request", "Please refund the duplicate charge on our invoice"), ("退款申请", "重复扣款，申请退款到原账户"),
        ("Payment not received", "Our payment was not applied to the invoice balance"), ("账单金额不对", "本月账单金额比合同多收了费用"),
    ]
    public static let quotes = [
        ("Quote for 50 units", "Please send a price quote for 50 more licences"), ("采购报价", "想采购一批新设备，请提供报价和折扣"),
        ("Discount for renewal", "Can we get a discount when we renew the contract"), ("合同续签价格", "续签合同的价格和优惠政策"),
        ("Upgrade plan pricing", "What does the enterprise plan cost per seat"), ("批量采购优惠", "批量采购是否有优惠价格"),
    ]

    public static func make(_ db: any LoreDatabase, cases: CaseRepository) async throws -> ServiceFixtures {
        try await extend(try await Fixtures.make(db), db, cases: cases)
    }

    /// Adds the service desk to existing fixtures (the server tests make theirs with real password hashes).
    public static func extend(_ f: Fixtures, _ db: any LoreDatabase, cases: CaseRepository) async throws
        -> ServiceFixtures
    {
        let records = RecordRepository(database: db)
        let billing = try await records.create(
            Catalog["departments"], values: ["name": .string("Billing 账务部")], as: f.admin)
        let account = try await records.create(
            Catalog["accounts"],
            values: [
                "name": .string("华远贸易 Huayuan Trading"), "kind": .string("company"), "value_tier": .string("gold"),
            ],
            as: f.admin)
        let email = "li.na@huayuan.example"
        let contact = try await records.create(
            Catalog["contacts"],
            values: ["name": .string("李娜 Li Na"), "account_id": .int(account.id), "email": .string(email)], as: f.admin)
        let s = ServiceFixtures(
            base: f, service: f.agent.departmentID!, billing: billing.id, sales: f.rep.departmentID!,
            accountID: account.id, contactID: contact.id,
            contactEmail: email)
        for (examples, department) in [(technical, s.service), (invoices, s.billing), (quotes, s.sales)] {
            for (subject, description) in examples {
                _ = try await cases.create(
                    CaseInput(subject: subject, description: description, departmentID: department),
                    as: f.serviceManager)
            }
        }
        return s
    }
}
