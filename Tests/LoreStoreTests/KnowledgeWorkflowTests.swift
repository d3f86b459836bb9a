import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@Suite struct KnowledgeWorkflowTests {
    static func input(_ title: String, _ body: String) -> ArticleInput {
        ArticleInput(type: .faq, title: title, body: body, language: .en)
    }

    @Test(arguments: TestDatabase.engines)
    func draftsAreSeenOnlyByAuthorsAndReviewersUntilPublished(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let draft = try await kb.create(
                Self.input("Reset a router", "Hold the reset button for ten seconds."), as: f.agent)
            #expect(draft.status == .draft && draft.version == 1 && draft.ownerID == f.agent.userID)
            await #expect(throws: StoreError.notFound(entity: "articles", id: draft.id)) {
                _ = try await kb.get(id: draft.id, as: f.rep)
            }
            #expect(try await kb.get(id: draft.id, as: f.knowledgeManager).id == draft.id)
            // Only knowledge managers approve; the author submits.
            await #expect(throws: AccessRefusal.self) {
                _ = try await kb.approve(id: draft.id, comment: nil, as: f.agent)
            }
            #expect(try await kb.submit(id: draft.id, as: f.agent).status == .inReview)
            let rejected = try await kb.reject(id: draft.id, comment: "Say which model", as: f.knowledgeManager)
            #expect(rejected.status == .draft)
            _ = try await kb.submit(id: draft.id, as: f.agent)
            let published = try await kb.approve(id: draft.id, comment: "Good", as: f.knowledgeManager)
            #expect(published.status == .published && published.verifiedAt != nil && published.verifyBy != nil)
            #expect(try await kb.get(id: draft.id, as: f.rep).status == .published)
            let decisions = try await kb.reviews(id: draft.id, as: f.agent).map(\.decision)
            #expect(decisions == ["approved", "submitted", "rejected", "submitted"])
            // Archiving takes it away from readers other than authors and reviewers.
            _ = try await kb.archive(id: draft.id, as: f.knowledgeManager)
            await #expect(throws: StoreError.self) { _ = try await kb.get(id: draft.id, as: f.rep) }
            await #expect(
                throws: StoreError.conflict(field: "status", message: "cannot submit an article that is archived")
            ) {
                _ = try await kb.submit(id: draft.id, as: f.agent)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func everyChangeIsAVersionAndAnOldVersionCanBeRestored(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let a = try await f.publishedArticle(
                kb, title: "Invoice copies", body: "Ask finance for a copy of the invoice.")
            // A reviewer edits the published article in place: version 2, still published and re-indexed.
            let edited = try await kb.update(
                id: a.id, Self.input("Invoice copies", "Download the invoice copy from the portal."),
                as: f.knowledgeManager)
            #expect(edited.version == 2 && edited.status == .published)
            #expect(try await kb.versions(id: a.id, as: f.knowledgeManager).map(\.number) == [2, 1])
            // The author of a published article cannot edit it in place: they propose.
            await #expect(throws: StoreError.self) {
                _ = try await kb.update(id: a.id, Self.input("x", "y"), as: f.agent)
            }
            // Restoring version 1 of a published article makes a proposal; approving it makes version 3 with the old text.
            guard case .proposal(let proposal) = try await kb.restore(id: a.id, number: 1, as: f.knowledgeManager)
            else {
                Issue.record("expected a proposal")
                return
            }
            #expect(try await kb.get(id: a.id, as: f.rep).body.contains("portal"))
            _ = try await kb.decide(revision: proposal.id, approve: true, comment: nil, as: f.knowledgeManager)
            let restored = try await kb.get(id: a.id, as: f.rep)
            #expect(restored.version == 3 && restored.body == "Ask finance for a copy of the invoice.")
            // A draft restores in place.
            let d = try await kb.create(Self.input("Draft", "first text"), as: f.agent)
            _ = try await kb.update(id: d.id, Self.input("Draft", "second text"), as: f.agent)
            guard case .article(let back) = try await kb.restore(id: d.id, number: 1, as: f.agent) else {
                Issue.record("expected the article")
                return
            }
            #expect(back.body == "first text" && back.version == 3 && back.status == .draft)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anyAgentProposesAndAKnowledgeManagerDecides(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let a = try await f.publishedArticle(
                kb, title: "Warranty period", body: "Two years.", author: f.seniorAgent)
            let p = try await kb.propose(
                id: a.id, title: "Warranty period", body: "Three years since 2026.", tags: nil, note: "policy changed",
                as: f.rep)
            #expect(p.status == .pending)
            await #expect(throws: AccessRefusal.self) {
                _ = try await kb.decide(revision: p.id, approve: true, comment: nil, as: f.rep)
            }
            await #expect(throws: StoreError.self) {
                _ = try await kb.decide(revision: p.id, approve: false, comment: " ", as: f.knowledgeManager)
            }
            #expect(try await kb.reviewQueue(as: f.knowledgeManager).proposals.map(\.id) == [p.id])
            let done = try await kb.decide(revision: p.id, approve: true, comment: "thanks", as: f.knowledgeManager)
            #expect(done.status == .approved)
            let now = try await kb.get(id: a.id, as: f.agent)
            #expect(now.body == "Three years since 2026." && now.version == 2)
            await #expect(throws: StoreError.self) {
                _ = try await kb.decide(revision: p.id, approve: true, comment: nil, as: f.knowledgeManager)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func feedbackFreshnessAndTheNeedsReviewQueue(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            let f = try await Fixtures.make(db)
            let kb = KnowledgeRepository(database: db)
            let a = try await f.publishedArticle(kb, title: "Return policy", body: "Returns within 30 days.")
            for voter in [f.rep, f.repTeammate, f.otherRep] {
                _ = try await kb.feedback(id: a.id, helpful: false, comment: "outdated", as: voter)
            }
            // A second vote replaces the first.
            let after = try await kb.feedback(id: a.id, helpful: true, comment: nil, as: f.rep)
            #expect(after.helpfulCount == 1 && after.unhelpfulCount == 2)
            _ = try await kb.feedback(id: a.id, helpful: false, comment: nil, as: f.manager)
            let bad = try await kb.get(id: a.id, as: f.agent)
            #expect(bad.unhelpfulCount == 3)
            #expect(try await kb.needsReview(as: f.agent).map(\.id) == [a.id])
            #expect(try await kb.needsReview(as: f.rep).isEmpty)
            let fresh = bad.freshness(nowMilliseconds: Timestamp.parse(Timestamp.now())!)
            #expect(fresh < 1 && fresh > 0.5)
            let verified = try await kb.verify(id: a.id, as: f.agent)
            #expect(verified.verifyBy! > String(Timestamp.now().prefix(10)))
        }
    }
}
