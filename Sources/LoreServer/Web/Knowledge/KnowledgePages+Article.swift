import Hummingbird
import LoreCore
import LoreStore

/// The article page and the buttons on it (workflow actions and feedback).
extension KnowledgePages {
    func registerArticle(on router: RouterGroup<SignedInContext>) {
        router.get("/kb/articles/:id") { request, context in try await article(request, context) }
        for action in ["submit", "approve", "reject", "archive", "reopen", "verify"] {
            router.post("/kb/articles/:id/\(action)") { request, context in try await act(action, request, context) }
        }
        router.post("/kb/articles/:id/feedback", use: feedback)
    }

    @Sendable func feedback(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        _ = try await kb.feedback(id: id, helpful: form["helpful"] == "yes", comment: form["comment"], as: p)
        return PageRenderer.redirect("/kb/articles/\(id)?thanks=1")
    }

    func article(_ request: Request, _ context: SignedInContext, flash: String? = nil) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let id = try context.parameters.require("id", as: RecordID.self)
        let a = try await kb.get(id: id, as: p)
        if a.status == .published { try await kb.recordView(id: id, as: p) }
        var data = KnowledgeView.summary(a, t, offset: context.timeZoneOffset)
        data["body_html"] = Markdown.html(a.body)
        data["audience"] = t("kb.audience.\(a.audience.kind.rawValue)")
        data["segments"] = (a.audience.tiers.map { t("choice.\($0)") } + a.audience.industries).joined(separator: ", ")
        data["tags"] = a.tags.map { ["tag": $0, "href": "/kb?tag=\(PageQuery.encode($0))"] }
        data["is_staff"] = p.role.isStaff
        data.merge(Self.actions(a, principal: p)) { _, new in new }
        data["thanks"] = request.query.get("thanks") != nil
        let links = try await linkedRecords(a, context)
        data["links"] = links.isEmpty ? false : ["items": links]
        if let c = a.categoryID,
            let name = try await services.records.titles(entity: "article_categories", ids: [c], as: p)[c]
        {
            data["category"] = ["title": name, "href": "/kb?category_id=\(c)"]
        } else {
            data["category"] = false
        }
        let history = try await historyItems(a, context)
        data["reviews"] = history.reviews.isEmpty ? false : ["items": history.reviews]
        data["proposals"] = history.proposals.isEmpty ? false : ["items": history.proposals]
        data["comments"] = history.comments.isEmpty ? false : ["items": history.comments]
        return try services.pages.render("kb_article", title: a.title, data: data, context: context, flash: flash)
    }

    /// What the user may do with the article now.
    static func actions(_ a: Article, principal p: Principal) -> [String: Any] {
        let manage = ArticlePolicy.canManage(a, principal: p)
        let reviewer = ArticlePolicy.isReviewer(p)
        return [
            "can_edit": ArticlePolicy.canEditInPlace(a, principal: p),
            "can_propose": ArticlePolicy.canPropose(a, principal: p) && !ArticlePolicy.canEditInPlace(a, principal: p),
            "can_submit": manage && a.status == .draft,
            "can_approve": reviewer && (a.status == .inReview || a.status == .draft),
            "can_reject": reviewer && a.status == .inReview, "can_archive": manage && a.status != .archived,
            "can_reopen": manage && a.status == .archived, "can_verify": manage && a.status == .published,
            "can_history": p.role.isStaff, "can_feedback": a.status == .published,
        ]
    }

    /// The products, accounts and competitors the article is about, by name (staff only).
    func linkedRecords(_ a: Article, _ context: SignedInContext) async throws -> [[String: Any]] {
        let (p, t) = (context.principal, context.localizer)
        var links: [[String: Any]] = []
        for (entity, ids) in [("products", a.productIDs), ("accounts", a.accountIDs), ("competitors", a.competitorIDs)]
        where p.role.isStaff && !ids.isEmpty {
            let names = try await services.records.titles(entity: entity, ids: Set(ids), as: p)
            for i in ids {
                if let n = names[i] {
                    links.append([
                        "label": t.entityLabel(entity, plural: false), "title": n,
                        "href": "/\(Catalog[entity].path)/\(i)",
                    ])
                }
            }
        }
        return links
    }

    /// Review decisions (for those who manage the article), pending proposals and feedback comments.
    func historyItems(_ a: Article, _ context: SignedInContext) async throws
        -> (reviews: [[String: Any]], proposals: [[String: Any]], comments: [[String: Any]])
    {
        let (p, t, offset) = (context.principal, context.localizer, context.timeZoneOffset)
        let reviews = ArticlePolicy.canManage(a, principal: p) ? try await kb.reviews(id: a.id, as: p) : []
        let proposals = try await kb.revisions(id: a.id, as: p).filter { $0.status == .pending }
        let comments = try await kb.feedbackComments(id: a.id, as: p)
        return (
            reviews.map { r in
                let decision = t("kb.decision.\(r.decision)")
                return [
                    "who": r.reviewerName ?? "—", "decision": decision.hasPrefix("kb.") ? r.decision : decision,
                    "comment": r.comment ?? "",
                    "at": TimeDisplay.short(r.createdAt, offset: offset),
                ]
            },
            proposals.map { r in
                [
                    "href": "/kb/proposals/\(r.id)", "who": t.format("kb.proposed_by", ["name": r.authorName ?? "—"]),
                    "note": r.note ?? "",
                    "at": TimeDisplay.short(r.createdAt, offset: offset),
                ]
            },
            comments.map {
                [
                    "who": $0.name ?? "—", "helpful": $0.helpful, "comment": $0.comment,
                    "at": TimeDisplay.short($0.at, offset: offset),
                ]
            }
        )
    }

    func act(_ action: String, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        let comment = form["comment"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        do {
            switch action {
            case "submit": _ = try await kb.submit(id: id, as: p)
            case "approve": _ = try await kb.approve(id: id, comment: comment, as: p)
            case "reject": _ = try await kb.reject(id: id, comment: comment ?? "", as: p)
            case "archive": _ = try await kb.archive(id: id, as: p)
            case "reopen": _ = try await kb.reopen(id: id, as: p)
            default: _ = try await kb.verify(id: id, as: p)
            }
        } catch StoreError.invalid(let v) {
            return try await article(
                request, context,
                flash: v.errors.map { "\(context.localizer("kb.field.\($0.field)")): \($0.message)" }.joined(
                    separator: "; "))
        } catch StoreError.conflict(_, let message) {
            return try await article(request, context, flash: message)
        }
        return PageRenderer.redirect("/kb/articles/\(id)")
    }
}
