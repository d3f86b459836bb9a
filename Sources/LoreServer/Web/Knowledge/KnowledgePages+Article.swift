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
        var category: ArticlePageModel.Category?
        if let c = a.categoryID,
            let name = try await services.records.titles(entity: "article_categories", ids: [c], as: p)[c]
        {
            category = .init(title: name, href: "/kb?category_id=\(c)")
        }
        let history = try await historyItems(a, context)
        let page = ArticlePageModel(
            bodyHtml: Markdown.html(a.body), audience: t("kb_audience_\(a.audience.kind.rawValue)"),
            segments: (a.audience.tiers.map { t("choice_\($0)") } + a.audience.industries).joined(separator: ", "),
            tags: a.tags.map { .init(tag: $0, href: "/kb?tag=\(PageQuery.encode($0))") }, isStaff: p.role.isStaff,
            thanks: request.query.get("thanks") != nil, links: .nonEmpty(try await linkedRecords(a, context)),
            category: category, reviews: .nonEmpty(history.reviews), proposals: .nonEmpty(history.proposals),
            comments: .nonEmpty(history.comments))
        return try services.pages.render(
            "kb_article", title: a.title,
            model: MergedModel(
                ArticleSummaryModel(a, t, offset: context.timeZoneOffset), ArticleActionsModel(a, principal: p), page),
            context: context, flash: flash)
    }

    /// The products, accounts and competitors the article is about, by name (staff only).
    func linkedRecords(_ a: Article, _ context: SignedInContext) async throws -> [ArticlePageModel.LinkedRecord] {
        let (p, t) = (context.principal, context.localizer)
        var links: [ArticlePageModel.LinkedRecord] = []
        for (entity, ids) in [("products", a.productIDs), ("accounts", a.accountIDs), ("competitors", a.competitorIDs)]
        where p.role.isStaff && !ids.isEmpty {
            let names = try await services.records.titles(entity: entity, ids: Set(ids), as: p)
            for i in ids {
                guard let n = names[i] else { continue }
                links.append(
                    .init(label: t.entityLabel(entity, plural: false), title: n, href: "/\(Catalog[entity].path)/\(i)"))
            }
        }
        return links
    }

    /// Review decisions (for those who manage the article), pending proposals and feedback comments.
    func historyItems(_ a: Article, _ context: SignedInContext) async throws
        -> (
            reviews: [ArticlePageModel.Review], proposals: [ArticlePageModel.Proposal],
            comments: [ArticlePageModel.Comment]
        )
    {
        let (p, t, offset) = (context.principal, context.localizer, context.timeZoneOffset)
        let reviews = ArticlePolicy.canManage(a, principal: p) ? try await kb.reviews(id: a.id, as: p) : []
        let proposals = try await kb.revisions(id: a.id, as: p).filter { $0.status == .pending }
        let comments = try await kb.feedbackComments(id: a.id, as: p)
        return (
            reviews.map { r in
                let decision = t("kb_decision_\(r.decision)")
                return .init(
                    who: r.reviewerName ?? "—", decision: decision.hasPrefix("kb_") ? r.decision : decision,
                    comment: r.comment ?? "", at: TimeDisplay.short(r.createdAt, offset: offset))
            },
            proposals.map { r in
                .init(
                    href: "/kb/proposals/\(r.id)", who: t.format("kb_proposed_by", ["name": r.authorName ?? "—"]),
                    note: r.note ?? "", at: TimeDisplay.short(r.createdAt, offset: offset))
            },
            comments.map {
                .init(
                    who: $0.name ?? "—", helpful: $0.helpful, comment: $0.comment,
                    at: TimeDisplay.short($0.at, offset: offset))
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
                flash: v.errors.map { "\(context.localizer("kb_field_\($0.field)")): \($0.message)" }.joined(
                    separator: "; "))
        } catch StoreError.conflict(_, let message) {
            return try await article(request, context, flash: message)
        }
        return PageRenderer.redirect("/kb/articles/\(id)")
    }
}
