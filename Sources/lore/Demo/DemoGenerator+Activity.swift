import LoreCore
import LoreStore

extension DemoGenerator {
    mutating func makeInteractions() async throws -> Int {
        let batch = 20_000
        var made = 0
        var opportunityOf: [Int64: Int64] = [:]
        for o in opportunities { opportunityOf[o.account] = o.id }
        while made < plan.interactions {
            var rows: [[FieldValue]] = []
            for _ in 0..<min(batch, plan.interactions - made) {
                let a = rng.skewed(accounts)
                let (kind, subject, body) = rng.pick(DemoVocabulary.topics)
                let byAgent = rng.chance(0.35) && !agents.isEmpty
                let owner = byAgent ? rng.pick(agents) : a.owner
                let at = randomTime(withinDays: Int64(plan.years) * 365)
                let contact = contactsByAccount[a.id].map { rng.pick($0) }
                rows.append(
                    owned(at, owner: owner, team: teamOf[owner] ?? nil) + [
                        .string(kind),
                        .string(kind == "note" ? "internal" : (rng.chance(0.55) ? "inbound" : "outbound")), time(at),
                        .string(subject),
                        .string(body), .int(a.id), contact.map(FieldValue.int) ?? .null,
                        rng.chance(0.2) ? opportunityOf[a.id].map(FieldValue.int) ?? .null : .null,
                        kind == "call" || kind == "meeting" || kind == "visit"
                            ? .int(Int64.random(in: 5...120, using: &rng)) : .null,
                    ])
            }
            try await bulk.insert(
                into: "interactions",
                columns: Self.ownedColumns + [
                    "kind", "direction", "occurred_at", "subject", "body", "account_id", "contact_id", "opportunity_id",
                    "duration_minutes",
                ],
                rows: rows, returningIDs: false)
            let before = made * 10 / max(1, plan.interactions)
            made += rows.count
            if plan.interactions > 100_000, made * 10 / plan.interactions > before {
                progress("        interactions \(made)/\(plan.interactions)")
            }
        }
        return made
    }

    mutating func makeTasks() async throws -> Int {
        var rows: [[FieldValue]] = []
        let everyone = Array(users.values)
        for _ in 0..<plan.tasks {
            let a = rng.pick(accounts)
            let assignee = rng.chance(0.7) ? a.owner : rng.pick(everyone)
            let created = randomTime(withinDays: 120)
            let due = created + Int64.random(in: 1...30, using: &rng) * Self.day
            let status =
                due < now - 7 * Self.day
                ? rng.pick(["done", "done", "done", "cancelled", "open"]) : rng.pick(["open", "open", "in_progress"])
            rows.append(
                owned(created, owner: a.owner, team: a.team) + [
                    .string(
                        rng.pick([
                            "回访客户 Follow-up call", "发送报价 Send quote", "准备方案 Prepare proposal", "安排现场演示 Schedule demo",
                            "确认续约 Confirm renewal",
                            "催收货款 Chase payment",
                        ])),
                    date(due), .int(assignee), .string(status), .string(rng.pick(["low", "normal", "normal", "high"])),
                    .int(a.id),
                ])
        }
        return try await bulk.insert(
            into: "tasks",
            columns: Self.ownedColumns + ["title", "due_date", "assignee_id", "status", "priority", "account_id"],
            rows: rows
        ).count
    }
}
