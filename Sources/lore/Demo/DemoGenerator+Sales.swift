import LoreCore
import LoreStore

extension DemoGenerator {
    mutating func makeOpportunities() async throws -> Int {
        let admin = Principal(
            userID: try users["admin@lore.demo"].demoRequired("admin"), name: "", email: "", role: .admin, teamID: nil,
            departmentID: nil)
        let stages = try await RecordRepository(database: database).list(
            Catalog["pipeline_stages"], query: ListQuery(), as: admin
        ).records
        let open = stages.filter { $0["outcome"].string == "open" }
        let won = try stages.first { $0["outcome"].string == "won" }.demoRequired("won stage")
        let lost = try stages.first { $0["outcome"].string == "lost" }.demoRequired("lost stage")
        var rows: [[FieldValue]] = []
        var links: [Int64] = []
        for _ in 0..<plan.opportunities {
            let a = rng.pick(accounts)
            let outcome = Double.random(in: 0..<1, using: &rng)
            let stage = outcome < 0.62 ? rng.pick(open) : (outcome < 0.82 ? won : lost)
            let created = randomTime(withinDays: 400)
            let closed = stage.id == won.id || stage.id == lost.id
            let close =
                closed
                ? min(now, created + Int64.random(in: 10...120, using: &rng) * Self.day)
                : now + Int64.random(in: 5...180, using: &rng) * Self.day
            let topic = rng.pick([
                "核心网络升级", "分支互联", "安全加固", "无线覆盖", "Campus refresh", "SD-WAN rollout", "Firewall replacement", "数据中心扩容",
            ])
            let name = "\(a.name.prefix(12)) · \(topic)"
            rows.append(
                owned(created, owner: a.owner, team: a.team) + [
                    .string(name), .int(a.id), (contactsByAccount[a.id]?.first).map(FieldValue.int) ?? .null,
                    .int(stage.id),
                    .int(Int64.random(in: 20...2_000, using: &rng) * 1_000_00), date(close), stage["probability"],
                    .string(rng.pick(["web", "referral", "event", "partner"])),
                    closed
                        ? .string(
                            stage.id == won.id
                                ? rng.pick(["价格优势 Better price", "服务口碑 Service reputation", "技术方案 Technical fit"])
                                : rng.pick(["价格 Price", "竞争对手关系 Competitor relationship", "预算取消 Budget cut"])) : .null,
                    closed ? time(close) : .null,
                ])
            links.append(a.id)
        }
        let ids = try await bulk.insert(
            into: "opportunities",
            columns: Self.ownedColumns + [
                "name", "account_id", "contact_id", "stage_id", "amount", "expected_close_date", "probability",
                "lead_source", "close_reason",
                "closed_at",
            ],
            rows: rows)
        opportunities = zip(ids, links).map { ($0, $1) }
        var pairs: [[FieldValue]] = []
        for id in ids where rng.chance(0.6) {
            for c in Set((0..<Int.random(in: 1...2, using: &rng)).map { _ in rng.skewed(competitors) }) {
                pairs.append([.int(id), .int(c)])
            }
        }
        try await bulk.insert(
            into: "opportunities_competitor_ids", columns: ["record_id", "member_id"], rows: pairs, returningIDs: false)
        return ids.count + pairs.count
    }

    mutating func makeContracts() async throws -> Int {
        var rows: [[FieldValue]] = []
        for n in 0..<plan.contracts {
            let a = rng.pick(accounts)
            let start = randomTime(withinDays: Int64(plan.years) * 365)
            let end = start + 365 * Self.day
            let status = end < now ? "expired" : "active"
            rows.append(
                owned(start, owner: a.owner, team: a.team) + [
                    .string(String(format: "HT-%04d-%05d", 2020 + n % 7, n + 1)),
                    .string(rng.pick(["年度维保合同 Annual support", "框架采购协议 Framework purchase", "SD-WAN 服务合同"])),
                    .int(a.id), date(start), date(end), .int(Int64.random(in: 30...800, using: &rng) * 1_000_00),
                    .string(status),
                ])
        }
        return try await bulk.insert(
            into: "contracts",
            columns: Self.ownedColumns + [
                "number", "title", "account_id", "start_date", "end_date", "value", "status",
            ], rows: rows
        ).count
    }

    /// Orders over the demo period with growth and year-end seasonality; each product sells only after its launch.
    mutating func makeOrders() async throws -> Int {
        let span = Int64(plan.years) * 365
        var lines = 0
        var orderNumber = 0
        var total = 0
        while lines < plan.orderLines {
            var orderRows: [[FieldValue]] = []
            // Each order's lines: product, quantity, unit price, discount, line total.
            var pending: [[(Int64, Int64, Int64, Double, Int64)]] = []
            var orderDates: [Int64] = []
            for _ in 0..<500 {
                // Later days are likelier (growth); Q4 gets a boost (budgets).
                let u = Double.random(in: 0..<1, using: &rng)
                var at = now - Int64(Double(span) * (1 - u.squareRoot())) * Self.day
                let month = Int(Timestamp.format(epochMilliseconds: at).dropFirst(5).prefix(2)) ?? 1
                if month < 10 && rng.chance(0.15) { at = min(now, at + Int64(10 - month) * 30 * Self.day) }
                let a = rng.skewed(accounts)
                let available = products.filter { $0.launched <= at }
                guard !available.isEmpty else { continue }
                let orderLines = makeLines(from: available)
                orderNumber += 1
                let status =
                    at > now - 14 * Self.day
                    ? rng.pick(["confirmed", "shipped"]) : (rng.chance(0.03) ? "cancelled" : "invoiced")
                orderRows.append(
                    owned(at, owner: a.owner, team: a.team) + [
                        .string(String(format: "SO-%07d", orderNumber)), .int(a.id),
                        (contactsByAccount[a.id]?.first).map(FieldValue.int) ?? .null,
                        date(at), .string(status),
                        .int(orderLines.reduce(0) { $0 + $1.4 }),
                    ])
                pending.append(orderLines)
                orderDates.append(at)
                lines += orderLines.count
                if lines >= plan.orderLines { break }
            }
            let ids = try await bulk.insert(
                into: "orders",
                columns: Self.ownedColumns + ["number", "account_id", "contact_id", "order_date", "status", "total"],
                rows: orderRows)
            total +=
                ids.count + (try await insertLines(orders: ids, rows: orderRows, lines: pending, dates: orderDates))
        }
        return total
    }

    /// One to five lines, mostly small quantities, some discounted.
    mutating func makeLines(from available: [(id: Int64, price: Int64, launched: Int64)]) -> [(
        Int64, Int64, Int64, Double, Int64
    )] {
        var lines: [(Int64, Int64, Int64, Double, Int64)] = []
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let p = rng.skewed(available)
            let qty = Int64(
                rng.chance(0.7) ? Int.random(in: 1...10, using: &rng) : Int.random(in: 10...120, using: &rng))
            let discount = rng.pick([0, 0, 0, 5, 10, 15])
            let lineTotal = Int64((Double(qty * p.price) * (1 - Double(discount) / 100)).rounded())
            lines.append((p.id, qty, p.price, Double(discount), lineTotal))
        }
        return lines
    }

    /// The orders' lines, owned like their orders; returns how many were written.
    func insertLines(
        orders ids: [Int64], rows orderRows: [[FieldValue]], lines pending: [[(Int64, Int64, Int64, Double, Int64)]],
        dates orderDates: [Int64]
    ) async throws -> Int {
        var lineRows: [[FieldValue]] = []
        for (i, id) in ids.enumerated() {
            let owner = try orderRows[i][4].int.demoRequired("order owner")
            for l in pending[i] {
                lineRows.append(
                    owned(orderDates[i], owner: owner, team: orderRows[i][5].int) + [
                        .int(id), .int(l.0), .int(l.1), .int(l.2), .double(l.3), date(orderDates[i]), .int(l.4),
                    ])
            }
        }
        try await bulk.insert(
            into: "order_lines",
            columns: Self.ownedColumns + [
                "order_id", "product_id", "quantity", "unit_price", "discount_pct", "line_date", "line_total",
            ],
            rows: lineRows, returningIDs: false)
        return lineRows.count
    }
}
