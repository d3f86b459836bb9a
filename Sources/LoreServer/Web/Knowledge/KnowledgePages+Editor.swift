import Hummingbird
import LoreCore
import LoreStore

/// Writing and editing articles, and proposing an edit to a published one.
extension KnowledgePages {
    func registerEditor(on router: RouterGroup<SignedInContext>) {
        router.get("/kb/articles/new", use: newArticleForm)
        router.post("/kb/articles/new") { request, context in try await save(nil, request, context) }
        router.get("/kb/articles/:id/edit", use: editForm)
        router.post("/kb/articles/:id/edit") { request, context in
            try await save(try context.parameters.require("id", as: RecordID.self), request, context)
        }
        router.get("/kb/articles/:id/propose", use: proposeForm)
        router.post("/kb/articles/:id/propose", use: propose)
    }

    @Sendable func newArticleForm(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        guard ArticlePolicy.canCreate(p) else { throw WebError(status: .forbidden, messageKey: "msg_forbidden") }
        return try await editor(nil, input: nil, errors: [:], context: context)
    }

    @Sendable func editForm(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let a = try await kb.get(id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return try await editor(a, input: ArticleInput(a), errors: [:], context: context)
    }

    @Sendable func proposeForm(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let a = try await kb.get(id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
        return try await proposeForm(a, title: a.title, body: a.body, note: "", error: nil, context: context)
    }

    @Sendable func propose(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let a = try await kb.get(id: try context.parameters.require("id", as: RecordID.self), as: p)
        do {
            _ = try await kb.propose(
                id: a.id, title: form["title"] ?? "", body: form["body"] ?? "", tags: nil, note: form["note"], as: p
            )
        } catch StoreError.invalid(let v) {
            return try await proposeForm(
                a, title: form["title"] ?? "", body: form["body"] ?? "", note: form["note"] ?? "",
                error: v.errors.map { "\(context.localizer("kb_field_\($0.field)")): \($0.message)" }.joined(
                    separator: "; "), context: context)
        }
        return PageRenderer.redirect("/kb/articles/\(a.id)")
    }

    func proposeForm(_ a: Article, title: String, body: String, note: String, error: String?, context: SignedInContext)
        async throws -> Response
    {
        let t = context.localizer
        return try services.pages.render(
            "kb_propose", title: t("kb_action_propose"),
            data: [
                "article_title": a.title, "href": "/kb/articles/\(a.id)", "action": "/kb/articles/\(a.id)/propose",
                "f_title": title, "f_body": body,
                "note": note,
            ],
            context: context, status: error == nil ? .ok : .unprocessableContent, flash: error,
            flashIsError: error != nil)
    }

    /// Reads the form into article input; field problems come back keyed by field.
    static func input(_ form: FormData) -> (ArticleInput, [String: String]) {
        var problems: [String: String] = [:]
        func ids(_ key: String) -> [Int64] {
            (form.values[key] ?? []).flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }.compactMap { s in
                guard let v = Int64(s), v > 0 else {
                    problems[key] = "must be ids"
                    return nil
                }
                return v
            }
        }
        let type = ArticleType(rawValue: form["type"] ?? "")
        if type == nil { problems["type"] = "choose a type" }
        let language = ArticleLanguage(rawValue: form["language"] ?? "")
        if language == nil { problems["language"] = "choose a language" }
        let audience = AudienceKind(rawValue: form["audience"] ?? "") ?? .internal
        let split = { (s: String?) in
            (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var input = ArticleInput(
            type: type ?? .faq, title: form["title"] ?? "", body: form["body"] ?? "", language: language ?? .en,
            categoryID: Int64(form["category_id"] ?? ""), tags: split(form["tags"]), productIDs: ids("product_ids"),
            accountIDs: ids("account_ids"),
            competitorIDs: ids("competitor_ids"),
            audience: Audience(
                kind: audience, tiers: (form.values["audience_tiers"] ?? []).filter(Catalog.valueTiers.contains),
                industries: split(form["audience_industries"])),
            verifyBy: (form["verify_by"] ?? "").isEmpty ? nil : form["verify_by"])
        for e in input.validate() where problems[e.field] == nil { problems[e.field] = e.message }
        return (input, problems)
    }

    func save(_ id: Int64?, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let form = try await FormData.parse(request, context: context)
        let (input, problems) = Self.input(form)
        let existing = try await id.asyncMap { try await kb.get(id: $0, as: p) }
        if !problems.isEmpty { return try await editor(existing, input: input, errors: problems, context: context) }
        do {
            let saved: Article
            if let id {
                saved = try await kb.update(id: id, input, note: form["note"], as: p)
            } else {
                saved = try await kb.create(input, as: p)
            }
            return PageRenderer.redirect("/kb/articles/\(saved.id)")
        } catch StoreError.invalid(let v) {
            return try await editor(
                existing, input: input,
                errors: Dictionary(v.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }),
                context: context
            )
        }
    }

    func editor(_ a: Article?, input: ArticleInput?, errors: [String: String], context: SignedInContext) async throws
        -> Response
    {
        let p = context.principal
        let t = context.localizer
        if let a, !ArticlePolicy.canEditInPlace(a, principal: p) {
            return PageRenderer.redirect(
                ArticlePolicy.canPropose(a, principal: p) ? "/kb/articles/\(a.id)/propose" : "/kb/articles/\(a.id)")
        }
        let i =
            input ?? ArticleInput(type: .faq, title: "", body: "", language: context.language == .zhHans ? .zh : .en)
        var categoryQuery = ListQuery()
        categoryQuery.limit = 200
        let categories = try await services.records.list(Catalog["article_categories"], query: categoryQuery, as: p)
            .records
        var productQuery = ListQuery()
        productQuery.limit = 500
        let products = try await services.records.list(Catalog["products"], query: productQuery, as: p).records
        let competitors = try await services.records.list(Catalog["competitors"], query: ListQuery(), as: p).records
        func name(_ r: Record) -> String {
            if case .string(let s) = r.values["name"] { return s }
            return "#\(r.id)"
        }
        let data: [String: Any] = [
            "is_new": a == nil, "action": a.map { "/kb/articles/\($0.id)/edit" } ?? "/kb/articles/new",
            "cancel": a.map { "/kb/articles/\($0.id)" } ?? "/kb",
            "f_title": i.title, "f_body": i.body, "f_tags": i.tags.joined(separator: ", "),
            "f_industries": i.audience.industries.joined(separator: ", "),
            "f_accounts": i.accountIDs.map(String.init).joined(separator: ", "), "f_verify_by": i.verifyBy ?? "",
            "types": KnowledgeView.options(ArticleType.self, selected: i.type) { t("kb_type_\($0.rawValue)") },
            "languages": KnowledgeView.options(ArticleLanguage.self, selected: i.language) {
                t("kb_language_\($0.rawValue)")
            },
            "audiences": KnowledgeView.options(AudienceKind.self, selected: i.audience.kind) {
                t("kb_audience_\($0.rawValue)")
            },
            "tiers": Catalog.valueTiers.map {
                ["value": $0, "label": t("choice_\($0)"), "checked": i.audience.tiers.contains($0)]
            },
            "categories": [["value": "", "label": "—", "selected": i.categoryID == nil]]
                + categories.map { ["value": String($0.id), "label": name($0), "selected": $0.id == i.categoryID] },
            "products": products.map {
                ["value": String($0.id), "label": name($0), "selected": i.productIDs.contains($0.id)]
            },
            "competitors": competitors.map {
                ["value": String($0.id), "label": name($0), "selected": i.competitorIDs.contains($0.id)]
            },
            "errors": Dictionary(uniqueKeysWithValues: errors.map { ($0.key, $0.value) }),
            "has_errors": !errors.isEmpty,
        ]
        return try services.pages.render(
            "kb_form", title: a.map { "\(t("kb_action_edit")): \($0.title)" } ?? t("kb_new"), data: data,
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}

extension Optional {
    func asyncMap<U>(_ body: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let self else { return nil }
        return try await body(self)
    }
}
