import Foundation
import Hummingbird
import LoreCore
import Mustache

/// Renders pages: a body template inside the shared layout, with the user, the CSRF token, navigation
/// and the translation table in every context.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates bundled with the module.
    static func load() async throws -> PageRenderer {
        guard let url = Bundle.module.url(forResource: "Resources/templates", withExtension: nil) else {
            throw HTTPError(.internalServerError, message: "templates are missing from the bundle")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: url.path))
    }

    /// Renders `template` for the current request; `title` is the page title, `data` the template's model.
    func render(
        _ template: String, title: String, data: [String: Any], context: some LoreRequestContext,
        status: HTTPResponse.Status = .ok,
        flash: String? = nil, flashIsError: Bool = false
    ) throws -> Response {
        var model = base(context: context)
        for (k, v) in data { model[k] = v }
        model["title"] = title
        if let flash {
            model["flash"] = flash
            model["flash_error"] = flashIsError
        }
        guard let body = library.render(model, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "missing template \(template)")
        }
        model["body"] = body
        guard let html = library.render(model, withTemplate: context.signedIn == nil ? "layout_public" : "layout")
        else {
            throw HTTPError(.internalServerError, message: "missing layout")
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func base(context: some LoreRequestContext) -> [String: Any] {
        let t = context.localizer
        var model: [String: Any] = [
            "t": t.table, "lang": context.language.htmlLang, "is_zh": context.language == .zhHans,
            "csrf": context.csrfToken ?? "", "limits": FormLimits.forPages,
        ]
        if let p = context.signedIn {
            model["me"] = ["name": p.name, "email": p.email, "role": t("role_\(p.role.rawValue)"), "id": p.userID]
            model["nav"] = Navigation.sections(for: p, localizer: t)
            model["is_admin"] = p.role == .admin
            model["is_staff"] = p.role.isStaff
            model["can_audit"] = p.role == .admin || p.role == .manager
        }
        return model
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// The side navigation, grouped the way people think about their work.
enum Navigation {
    static let groups: [(String, [String])] = [
        ("nav_customers", ["accounts", "contacts", "leads"]),
        ("nav_sales", ["opportunities", "contracts", "orders", "competitors"]),
        ("nav_activity", ["interactions", "tasks"]),
        ("nav_catalogue", ["products", "product_categories", "price_lists"]),
        ("nav_organisation", ["departments", "teams", "pipeline_stages"]),
    ]

    static func sections(for p: Principal, localizer t: Localizer) -> [[String: Any]] {
        var knowledge: [[String: Any]] = [["label": t("kb_title"), "href": "/kb"]]
        if p.role.isStaff {
            knowledge.append(["label": t("kb_needs_review"), "href": "/kb/needs-review"])
            if ArticlePolicy.isReviewer(p) { knowledge.append(["label": t("kb_review_queue"), "href": "/kb/review"]) }
            knowledge.append(["label": t.entityLabel("article_categories"), "href": "/article-categories"])
        }
        let kb: [String: Any] = ["title": t("nav_knowledge"), "items": knowledge]
        // Portal customers see the knowledge meant for them and nothing of the CRM.
        guard p.role.isStaff else { return [kb] }
        var service: [[String: Any]] = [
            ["label": t("svc_my_cases"), "href": "/cases?queue=mine"], ["label": t("svc_cases"), "href": "/cases"],
        ]
        service.append(["label": t("svc_loop"), "href": "/service/loop"])
        if CasePolicy.canConfigure(p) {
            service.append(["label": t("svc_macros"), "href": "/service/macros"])
            service.append(["label": t("svc_settings"), "href": "/service/settings"])
        }
        return [["title": t("nav_service"), "items": service], kb]
            + groups.map { title, entities in
                [
                    "title": t(title),
                    "items": entities.map { ["label": t.entityLabel($0), "href": "/\(Catalog[$0].path)"] },
                ]
            }
    }
}
