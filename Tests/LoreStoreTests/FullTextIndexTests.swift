import Foundation
import LoreCore
import LoreTestSupport
import SQLKit
import Testing

@testable import LoreStore

/// ``FullTextIndex`` is one interface over two engines: a record type becomes searchable by declaring its fields
/// and weights, and the same calls write, rank, list, count and rebuild on SQLite and PostgreSQL.
@Suite struct FullTextIndexTests {
    /// Accounts, searchable by name (three times) and notes — a declaration no feature uses, to show that nothing
    /// else is needed.
    static let accounts = FullTextDeclaration(
        name: "test_account", table: "accounts",
        fields: [.init(name: "name", weight: 3), .init(name: "notes", weight: 1)], logsChanges: false)

    @Test(arguments: TestDatabase.engines)
    func aDeclaredIndexWritesRanksListsCountsAndRebuilds(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let repo = RecordRepository(database: db)
            var made: [Int64] = []
            for name in ["Router Works", "Acme Routers", "退款 中心", "Blue Lake"] {
                made.append(
                    try await repo.create(
                        Catalog["accounts"], values: ["name": .string(name), "kind": .string("company")], as: f.rep
                    ).id)
            }
            let ids = made
            let index = db.fullTextIndex(Self.accounts)
            @Sendable func tokens(_ s: String) -> [String] { TextAnalyzer().tokens(s, mode: .index) }
            try await db.write { sql in
                try await FullTextSchema.create(Self.accounts, engine: engine, on: sql)
                try await index.put(
                    id: ids[0], fields: [tokens("Router Works"), tokens("makes routers")], countTerms: true, on: sql)
                try await index.put(
                    id: ids[1], fields: [tokens("Acme Routers"), tokens("")], countTerms: true, on: sql)
                try await index.put(
                    id: ids[2], fields: [tokens("退款 中心"), tokens("router refunds")], countTerms: true, on: sql)
                try await index.put(
                    id: ids[3], fields: [tokens("Blue Lake"), tokens("lakes")], countTerms: true, on: sql)
            }
            let router = SearchExpressions.queryTokens("router")
            func ranked(_ q: FullTextQuery, filter: SQLQueryString? = nil) async throws -> [Int64] {
                try await db.read { sql in
                    try await sql.raw(index.matches(q, filter: filter, limit: 10)).all().map {
                        try $0.decode(column: "id", as: Int64.self)
                    }
                }
            }
            // A name match (weight 3) ranks above a notes match (weight 1).
            let all = try await ranked(FullTextQuery(tokens: router, all: true))
            #expect(Set(all) == [ids[0], ids[1], ids[2]] && all.last == ids[2], "\(all)")
            #expect(
                try await ranked(FullTextQuery(tokens: router, all: true, field: "name")).sorted() == [ids[0], ids[1]])
            #expect(try await ranked(FullTextQuery(tokens: ["lak"], all: true, prefixLast: true)) == [ids[3]])
            #expect(try await ranked(FullTextQuery(tokens: SearchExpressions.queryTokens("退款"), all: true)) == [ids[2]])
            #expect(
                try await ranked(FullTextQuery(tokens: router, all: true), filter: "a.name LIKE 'Acme%'") == [ids[1]])
            let listed = try await db.read { sql in
                try await sql.raw(
                    "SELECT \(index.joinedIDs(of: index.matchingIDs(FullTextQuery(tokens: router, all: false), limit: 10))) AS ids"
                )
                .first()?.decode(column: "ids", as: String.self)
            }
            #expect(Set((listed ?? "").split(separator: ",").compactMap { Int64($0) }) == Set(ids[0...2]))
            #expect(
                try await db.read { sql in try await index.documentFrequencies(router + ["zzz"], on: sql) } == [
                    router[0]: 3
                ])
            // Removing and rebuilding.
            try await db.write { sql in try await index.remove(id: ids[0], on: sql) }
            #expect(Set(try await ranked(FullTextQuery(tokens: router, all: true))) == [ids[1], ids[2]])
            try await db.write { sql in
                try await index.clear(on: sql)
                try await index.putBatch(
                    [(ids[3], [tokens("Blue Lake"), []]), (ids[1], [tokens("Acme Routers"), []])], on: sql)
                try await index.finishRebuild(on: sql)
            }
            #expect(try await ranked(FullTextQuery(tokens: router, all: true)) == [ids[1]])
            // A record a live server indexed while the rebuild runs is written again, not refused.
            try await db.write { sql in
                try await index.putBatch([(ids[1], [tokens("Acme Routers"), []])], on: sql)
            }
            #expect(try await ranked(FullTextQuery(tokens: router, all: true)) == [ids[1]])
            #expect(try await db.read { sql in try await index.documentFrequencies(router, on: sql) } == [router[0]: 1])
        }
    }

    /// Solved cases moved onto the articles' keying (migration 16): Lore's ranking over the case index gives FTS5's
    /// own bm25() scores.
    @Test func caseRankingIsFTS5sBM25() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let index = db.fullTextIndex(.cases)
            let docs: [(Int64, String)] = [
                (1, "refund card card"), (2, "refund late"), (3, "password reset refund for card holders"),
            ]
            try await db.write { sql in
                try await sql.raw("PRAGMA foreign_keys=OFF").run()
                for (id, text) in docs {
                    try await index.put(
                        id: id, fields: [text.split(separator: " ").map(String.init)], countTerms: true, on: sql)
                }
            }
            let rows = try await db.read { sql in
                try await sql.raw(
                    """
                    SELECT \(FullTextRowid.recordID(in: "case_fts")) AS id, bm25(case_fts) AS builtin, \
                    lore_bm25_rowid(case_fts, 0, 1.0\(SearchTerms.frequencyArguments(.cases, tokens: ["refund", "card"]))) AS keyed \
                    FROM case_fts WHERE case_fts MATCH '"refund" OR "card"'
                    """
                ).all()
            }
            #expect(rows.count == 3)
            for row in rows {
                #expect(
                    abs(
                        try row.decode(column: "keyed", as: Double.self)
                            - (try row.decode(column: "builtin", as: Double.self))) < 1e-9)
            }
        }
    }
}
