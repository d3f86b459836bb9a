import Hummingbird
import LoreCore
import LoreStore

/// Version history, diffs, restoring, proposed edits and the review queues.
extension KnowledgePages {
    func registerHistory(on router: RouterGroup<SignedInContext>) {
        router.get("/kb/articles/:id/history") { _, context in try await history(context) }
        router.get("/kb/articles/:id/diff") { request, context in try await diff(request, context) }
        router.post("/kb/articles/:id/versions/:number/restore", use: restoreVersion)
        router.get("/kb/proposals/:id") { _, context in try await proposal(context) }
        for (action, approve) in [("approve", true), ("reject", false)] {
            router.post("/kb/proposals/:id/\(action)") { request, context in
                let p = context.principal
                let form = try await FormData.parse(request, context: context)
                let comment = form["comment"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                do {
                    let r = try await kb.decide(
                        revision: try context.parameters.require("id", as: RecordID.self), approve: approve,
                        comment: comment, as: p)
                    return PageRenderer.redirect("/kb/articles/\(r.articleID)")
                } catch StoreError.invalid(let v) {
                    return try await proposal(context, flash: v.errors.map(\.message).joined(separator: "; "))
                }
            }
        }
        router.get("/kb/review") { _, context in try await queue(context, kind: "review") }
        router.get("/kb/needs-review") { _, context in try await queue(context, kind: "needs") }
        router.get("/kb/mine") { _, context in try await queue(context, kind: "mine") }
    }

    @Sendable func restoreVersion(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        _ = try await FormData.parse(request, context: context)
        let id = try context.parameters.require("id", as: RecordID.self)
        switch try await kb.restore(
            id: id, number: Int(try context.parameters.require("number", as: RecordID.self)), as: p)
        {
        case .article: return PageRenderer.redirect("/kb/articles/\(id)")
        case .proposal(let r): return PageRenderer.redirect("/kb/proposals/\(r.id)")
        }
    }

    func history(_ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let id = try context.parameters.require("id", as: RecordID.self)
        let a = try await kb.get(id: id, as: p)
        let versions = try await kb.versions(id: id, as: p)
        let canRestore = ArticlePolicy.canManage(a, principal: p)
        let rows: [[String: Any]] = versions.enumerated().map { i, v in
            [
                "number": v.number, "title": v.title, "who": v.authorName ?? "—",
                "at": TimeDisplay.short(v.createdAt, offset: context.timeZoneOffset),
                "status": t("kb_status_\(v.status.rawValue)"), "note": v.note ?? "", "current": v.number == a.version,
                "compare_href": i + 1 < versions.count
                    ? "/kb/articles/\(id)/diff?from=\(versions[i + 1].number)&to=\(v.number)" : false,
                "restore_action": canRestore && v.number != a.version
                    ? "/kb/articles/\(id)/versions/\(v.number)/restore" : false,
                "checked_from": i == 1, "checked_to": i == 0,
            ]
        }
        return try services.pages.render(
            "kb_history", title: "\(t("kb_history")): \(a.title)",
            data: [
                "article_title": a.title, "href": "/kb/articles/\(id)", "diff_action": "/kb/articles/\(id)/diff",
                "versions": rows,
            ],
            context: context)
    }

    func diff(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let id = try context.parameters.require("id", as: RecordID.self)
        let params = request.query
        guard let from = params.get("from").flatMap(Int.init), let to = params.get("to").flatMap(Int.init) else {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        let a = try await kb.version(id: id, number: from, as: p)
        let b = try await kb.version(id: id, number: to, as: p)
        return try services.pages.render(
            "kb_diff", title: t.format("kb_diff", ["a": String(from), "b": String(to)]),
            data: [
                "heading": t.format("kb_diff", ["a": String(from), "b": String(to)]),
                "href": "/kb/articles/\(id)/history",
                "title_diff": KnowledgeView.diffHTML(a.title, b.title),
                "body_diff": KnowledgeView.diffHTML(a.body, b.body), "decide": false,
            ], context: context)
    }

    func proposal(_ context: SignedInContext, flash: String? = nil) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let rid = try context.parameters.require("id", as: RecordID.self)
        guard let r = try await services.knowledge.revisionForPage(rid, as: p) else {
            throw WebError(status: .notFound, messageKey: "msg_not_found")
        }
        let a = try await kb.get(id: r.articleID, as: p)
        return try services.pages.render(
            "kb_diff", title: t("kb_proposals"),
            data: [
                "heading": "\(t("kb_proposals")): \(a.title)", "href": "/kb/articles/\(a.id)",
                "title_diff": KnowledgeView.diffHTML(a.title, r.title),
                "body_diff": KnowledgeView.diffHTML(a.body, r.body),
                "decide": ArticlePolicy.isReviewer(p) && r.status == .pending
                    ? ["approve": "/kb/proposals/\(rid)/approve", "reject": "/kb/proposals/\(rid)/reject"] : false,
                "proposal_note": r.note ?? "", "proposal_by": t.format("kb_proposed_by", ["name": r.authorName ?? "—"]),
                "proposal_status": t("kb_proposal_\(r.status.rawValue)"),
            ], context: context, flash: flash, flashIsError: flash != nil)
    }

    func queue(_ context: SignedInContext, kind: String) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        var articles: [Article] = []
        var proposals: [ArticleRevision] = []
        let title: String
        switch kind {
        case "review":
            (articles, proposals) = try await kb.reviewQueue(as: p)
            title = t("kb_review_queue")
        case "needs":
            articles = try await kb.needsReview(as: p)
            title = t("kb_needs_review")
        default:
            articles = try await kb.list(ownerID: p.userID, limit: 100, as: p).articles
            title = t("kb_my_articles")
        }
        let rows = try TemplateValue.list(articles.map { ArticleSummaryModel($0, t, offset: context.timeZoneOffset) })
        let props: [[String: Any]] = proposals.map {
            [
                "href": "/kb/proposals/\($0.id)", "title": $0.title,
                "who": t.format("kb_proposed_by", ["name": $0.authorName ?? "—"]),
                "note": $0.note ?? "",
                "at": TimeDisplay.short($0.createdAt, offset: context.timeZoneOffset),
            ]
        }
        return try services.pages.render(
            "kb_queue", title: title,
            data: [
                "heading": title, "rows": rows, "proposals": props.isEmpty ? false : ["items": props],
                "empty": rows.isEmpty && props.isEmpty,
            ],
            context: context)
    }
}
