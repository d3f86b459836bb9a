import Foundation
import Hummingbird
import LoreCore
import LoreStore

/// The knowledge base in the browser: search and browse, articles, editing, history and the review queues.
struct KnowledgePages {
    let services: AppServices
    var kb: KnowledgeRepository { services.knowledge }

    func register(on router: RouterGroup<SignedInContext>) {
        router.get("/kb") { request, context in try await search(request, context) }
        registerArticle(on: router)
        registerEditor(on: router)
        registerHistory(on: router)
        registerTransfer(on: router)
    }

    func search(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        let t = context.localizer
        let params = request.query
        let q = params.get("q") ?? ""
        let filter = try PageQuery.parse { try KnowledgeQuery.facets(params) }
        let paging = try PageQuery.parse { try KnowledgeQuery.paging(params, defaultLimit: 20) }
        var data: [String: Any] = [
            "q": q, "is_staff": p.role.isStaff, "is_reviewer": ArticlePolicy.isReviewer(p), "searching": false,
            "loose": false, "none": false,
            "prev_href": false, "next_href": false, "count": false, "browse": false,
        ]
        if q.trimmingCharacters(in: .whitespaces).isEmpty {
            let (articles, total) = try await kb.list(
                filter: filter, status: .published, limit: paging.limit, offset: paging.offset, as: p)
            data["browse"] = try TemplateValue.list(
                articles.map { ArticleSummaryModel($0, t, offset: context.timeZoneOffset) })
            data["count"] = Self.count(total, capped: false, t)
            data["facets"] = try await facetGroups(nil, filter: filter, q: q, t: t, p: p)
            pageLinks(&data, q: q, request: request, paging: paging, total: total)
        } else {
            let r = try await kb.search(
                ArticleSearchQuery(text: q, filter: filter, limit: paging.limit, offset: paging.offset), as: p)
            data["searching"] = true
            data["loose"] = !r.matchedAll && !r.hits.isEmpty
            data["none"] = r.hits.isEmpty
            data["count"] = Self.count(r.total, capped: r.totalIsCapped, t)
            data["hits"] = try TemplateValue.list(
                r.hits.map {
                    ArticleSummaryModel(
                        $0.article, t, offset: context.timeZoneOffset, snippet: Snippet.html($0.snippet))
                })
            data["facets"] = try await facetGroups(r.facets, filter: filter, q: q, t: t, p: p)
            pageLinks(&data, q: q, request: request, paging: paging, total: r.total)
        }
        return try services.pages.render("kb_search", title: t("kb_title"), data: data, context: context)
    }

    /// Facet links: each keeps the query and the other filters and toggles its own value.
    func facetGroups(_ facets: ArticleFacets?, filter: ArticleFacetFilter, q: String, t: Localizer, p: Principal)
        async throws -> [[String: Any]]
    {
        func href(_ key: String, _ value: String?) -> String {
            var items: [(String, String)] = [("q", q)]
            if key != "type" { items += filter.types.map { ("type", $0.rawValue) } }
            if key != "language", let l = filter.language { items.append(("language", l.rawValue)) }
            if key != "category_id", let c = filter.categoryID { items.append(("category_id", String(c))) }
            if key != "product_id", let pr = filter.productID { items.append(("product_id", String(pr))) }
            if let value { items.append((key, value)) }
            return "/kb?"
                + items.filter { !$0.1.isEmpty }.map { "\($0.0)=\(PageQuery.encode($0.1))" }.joined(separator: "&")
        }
        func group(_ key: String, _ title: String, _ values: [(String, String, Int?, Bool)]) -> [String: Any] {
            [
                "title": t(title), "all_href": href(key, nil),
                "values": values.map { v in
                    ["label": v.1, "count": v.2.map(String.init) ?? "", "href": href(key, v.0), "active": v.3]
                },
            ]
        }
        let types = ArticleType.allCases.map {
            ($0.rawValue, t("kb_type_\($0.rawValue)"), facets?.types[$0.rawValue], filter.types.contains($0))
        }
        .filter { facets == nil || $0.2 != nil || $0.3 }
        let languages = ArticleLanguage.allCases.map {
            ($0.rawValue, t("kb_language_\($0.rawValue)"), facets?.languages[$0.rawValue], filter.language == $0)
        }
        .filter { facets == nil || $0.2 != nil || $0.3 }
        var out = [group("type", "kb_facet_type", types), group("language", "kb_facet_language", languages)]
        if let facets {
            let cats = try await services.records.titles(
                entity: "article_categories", ids: Set(facets.categories.keys), as: p)
            let catValues = facets.categories.sorted(by: Self.mostFirst).map {
                (String($0.key), cats[$0.key] ?? "#\($0.key)", Optional($0.value), filter.categoryID == $0.key)
            }
            if !catValues.isEmpty { out.append(group("category_id", "kb_facet_category", catValues)) }
            if p.role.isStaff {
                let names = try await services.records.titles(entity: "products", ids: Set(facets.products.keys), as: p)
                let prodValues = facets.products.sorted(by: Self.mostFirst).map {
                    (String($0.key), names[$0.key] ?? "#\($0.key)", Optional($0.value), filter.productID == $0.key)
                }
                if !prodValues.isEmpty { out.append(group("product_id", "kb_facet_product", prodValues)) }
            }
        }
        return out
    }

    /// Facet values by count, ties by id, so the list does not reorder between two loads of the same page.
    static func mostFirst(_ a: (key: Int64, value: Int), _ b: (key: Int64, value: Int)) -> Bool {
        a.value != b.value ? a.value > b.value : a.key < b.key
    }

    func pageLinks(
        _ data: inout [String: Any], q: String, request: Request, paging: (limit: Int, offset: Int), total: Int
    ) {
        let base =
            request.uri.query.map { q in
                q.split(separator: "&").filter { !$0.hasPrefix("offset=") }.joined(separator: "&")
            } ?? ""
        if paging.offset > 0 { data["prev_href"] = "/kb?\(base)&offset=\(max(0, paging.offset - paging.limit))" }
        if paging.offset + paging.limit < total && paging.offset + paging.limit <= 10_000 {
            data["next_href"] = "/kb?\(base)&offset=\(paging.offset + paging.limit)"
        }
    }

    static func count(_ n: Int, capped: Bool, _ t: Localizer) -> String {
        if capped { return t.format("kb_results_capped", ["n": String(n)]) }
        return n == 1 ? t("kb_results_one") : t.format("kb_results", ["n": String(n)])
    }
}
