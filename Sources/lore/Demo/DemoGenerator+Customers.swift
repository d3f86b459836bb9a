import LoreCore
import LoreStore

extension DemoGenerator {
    mutating func makeCatalogue() async throws -> Int {
        let t0 = now - Int64(plan.years + 1) * 365 * Self.day
        let admin = users["admin@lore.demo"]
        competitors = try await bulk.insert(
            into: "competitors", columns: Self.stampColumns + ["name", "strengths"],
            rows: DemoVocabulary.competitors.map { stamp(t0, by: admin) + [.string($0.0), .string($0.1)] })
        var categories: [String: Int64] = [:]
        var count = competitors.count
        for (name, parent, items) in DemoVocabulary.catalogue {
            let id = try await bulk.insert(
                into: "product_categories", columns: Self.stampColumns + ["name", "parent_id"],
                rows: [
                    stamp(t0, by: admin) + [
                        .string(name), parent.flatMap { categories[$0] }.map(FieldValue.int) ?? .null,
                    ]
                ])[0]
            categories[name] = id
            var rows: [[FieldValue]] = []
            var launches: [Int64] = []
            for (sku, productName, price) in items {
                // Launch dates spread over the period, so each product has its own sales curve.
                let launched = now - Int64.random(in: 90...(Int64(plan.years) * 365 + 200), using: &rng) * Self.day
                launches.append(launched)
                rows.append(
                    stamp(t0, by: admin) + [
                        .string(sku), .string(productName), .int(id), .int(price * 100), .string("台 unit"), .bool(true),
                        date(launched),
                    ])
            }
            let ids = try await bulk.insert(
                into: "products",
                columns: Self.stampColumns + [
                    "sku", "name", "category_id", "list_price", "unit", "active", "launched_on",
                ],
                rows: rows)
            for (i, pid) in ids.enumerated() { products.append((pid, items[i].2 * 100, launches[i])) }
            count += 1 + ids.count
        }
        let lists = try await bulk.insert(
            into: "price_lists", columns: Self.stampColumns + ["name", "currency", "valid_from", "active"],
            rows: [
                stamp(t0, by: admin) + [.string("标准价 Standard"), .string("CNY"), date(t0), .bool(true)],
                stamp(t0, by: admin) + [.string("渠道价 Channel"), .string("CNY"), date(t0), .bool(true)],
            ])
        let items = products.flatMap { p in
            [
                stamp(t0, by: admin) + [.int(lists[0]), .int(p.id), .int(p.price), .int(1)],
                stamp(t0, by: admin) + [.int(lists[1]), .int(p.id), .int(p.price * 85 / 100), .int(5)],
            ]
        }
        try await bulk.insert(
            into: "price_list_items",
            columns: Self.stampColumns + ["price_list_id", "product_id", "price", "min_quantity"], rows: items,
            returningIDs: false)
        return count + lists.count + items.count
    }

    mutating func companyName() -> (String, Bool) {
        if rng.chance(0.72) {
            return (
                rng.pick(DemoVocabulary.cities) + rng.pick(DemoVocabulary.cores) + rng.pick(DemoVocabulary.suffixes),
                true
            )
        }
        return (
            "\(rng.pick(DemoVocabulary.enFirst)) \(rng.pick(DemoVocabulary.enSecond)) \(rng.pick(DemoVocabulary.enSuffix))",
            false
        )
    }

    mutating func personName() -> (String, String) {
        if rng.chance(0.75) {
            let i = Int.random(in: 0..<DemoVocabulary.pinyin.count, using: &rng)
            let name = DemoVocabulary.surnames[i] + rng.pick(DemoVocabulary.given)
            return (name, DemoVocabulary.pinyin[i] + String(Int.random(in: 1...999, using: &rng)))
        }
        let first = rng.pick(DemoVocabulary.enFirstNames)
        let last = rng.pick(DemoVocabulary.enLastNames)
        return ("\(first) \(last)", "\(first.lowercased()).\(last.lowercased())")
    }

    mutating func phone() -> String {
        rng.chance(0.5)
            ? "1\(Int.random(in: 30...89, using: &rng))\(Int.random(in: 1000_0000...9999_9999, using: &rng))"
            : "0\(Int.random(in: 10...999, using: &rng))-\(Int.random(in: 1000_0000...9999_9999, using: &rng))"
    }

    mutating func makeAccounts() async throws -> Int {
        var rows: [[FieldValue]] = []
        var owners: [(Int64, Int64?, String)] = []
        for n in 0..<plan.accounts {
            let (name, chinese) = companyName()
            let individual = rng.chance(0.08)
            let owner = rng.pick(reps)
            let team = teamOf[owner] ?? nil
            let tier = rng.skewed(["bronze", "silver", "gold", "platinum"])
            let displayName = individual ? personName().0 : name + (plan.accounts > 5_000 ? " \(n)" : "")
            rows.append(
                owned(randomTime(withinDays: Int64(plan.years) * 365), owner: owner, team: team) + [
                    .string(displayName), .string(individual ? "individual" : "company"),
                    .string(rng.pick(DemoVocabulary.industries)),
                    .string(chinese ? rng.pick(DemoVocabulary.regions.dropLast()) : rng.pick(DemoVocabulary.regions)),
                    .string(rng.pick(Catalog.companySizes)), .string(tier), .string(phone()),
                ])
            owners.append((owner, team, displayName))
        }
        let ids = try await bulk.insert(
            into: "accounts",
            columns: Self.ownedColumns + ["name", "kind", "industry", "region", "size", "value_tier", "phone"],
            rows: rows)
        accounts = zip(ids, owners).map { ($0, $1.0, $1.1, $1.2) }
        return ids.count
    }

    mutating func makeContacts() async throws -> Int {
        var rows: [[FieldValue]] = []
        var owner: [Int64] = []
        for a in accounts {
            for _ in 0..<max(1, plan.contactsPerAccount + Int.random(in: -1...1, using: &rng)) {
                let (name, handle) = personName()
                rows.append(
                    owned(randomTime(withinDays: Int64(plan.years) * 365), owner: a.owner, team: a.team) + [
                        .string(name), .int(a.id), .string(rng.pick(DemoVocabulary.titles)),
                        .string("\(handle)@example.com"), .string(phone()),
                        .string(rng.pick(["phone", "email", "wechat", "visit"])),
                    ])
                owner.append(a.id)
            }
        }
        let ids = try await bulk.insert(
            into: "contacts",
            columns: Self.ownedColumns + ["name", "account_id", "title", "email", "phone", "preferred_channel"],
            rows: rows)
        for (id, account) in zip(ids, owner) { contactsByAccount[account, default: []].append(id) }
        return ids.count
    }

    mutating func makeLeads() async throws -> Int {
        var rows: [[FieldValue]] = []
        for _ in 0..<plan.leads {
            let (company, _) = companyName()
            let (name, handle) = personName()
            let owner = rng.pick(reps)
            rows.append(
                owned(randomTime(withinDays: 180), owner: owner, team: teamOf[owner] ?? nil) + [
                    .string(name), .string(company), .string("\(handle)@example.org"), .string(phone()),
                    .string(rng.pick(["web", "referral", "event", "cold_call", "partner", "advertising"])),
                    .string(rng.pick(["new", "new", "contacted", "qualified", "unqualified"])),
                    .string(rng.pick(DemoVocabulary.industries)),
                    .int(Int64.random(in: 10...500, using: &rng) * 1_000_00),
                ])
        }
        return try await bulk.insert(
            into: "leads",
            columns: Self.ownedColumns + [
                "name", "company", "email", "phone", "source", "status", "industry", "estimated_value",
            ],
            rows: rows
        ).count
    }
}
