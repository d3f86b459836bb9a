import LoreCore

/// OpenAPI schemas and operations of the knowledge-base routes.
enum KnowledgeSchemas {
    typealias S = OpenAPISchemas

    static var all: [String: JSONValue] {
        let int = JSONValue.object(["type": .string("integer")])
        let num = JSONValue.object(["type": .string("number")])
        let str = JSONValue.object(["type": .string("string")])
        let strs = JSONValue.object(["type": .string("array"), "items": str])
        let ints = JSONValue.object(["type": .string("array"), "items": int])
        let nstr = S.nullable("string", nullable: true)
        let nint = S.nullable("integer", nullable: true)
        func choice(_ values: [String]) -> JSONValue {
            .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
        }
        let types = choice(ArticleType.allCases.map(\.rawValue))
        let languages = choice(ArticleLanguage.allCases.map(\.rawValue))
        let audiences = choice(AudienceKind.allCases.map(\.rawValue))
        let statuses = choice(ArticleStatus.allCases.map(\.rawValue))
        var articleProps: [String: JSONValue] = [
            "id": int, "type": types, "title": str, "language": languages, "category_id": nint, "tags": strs,
            "product_ids": ints,
            "account_ids": ints, "competitor_ids": ints, "status": statuses, "audience": audiences,
            "audience_tiers": strs,
            "audience_industries": strs, "owner_id": nint, "version": int, "published_at": nstr, "verified_at": nstr,
            "verify_by": nstr,
            "helpful_count": int, "unhelpful_count": int, "view_count": int, "solved_count": int, "freshness": num,
            "freshness_badge": choice(["fresh", "ageing", "stale"]), "quality": num,
            "created_at": S.string("date-time"),
            "updated_at": S.string("date-time"),
        ]
        let summary = S.object(articleProps, required: Array(articleProps.keys))
        articleProps["body"] = str
        articleProps["body_html"] = str
        let article = S.object(articleProps, required: Array(articleProps.keys))
        let title = S.text(ArticleInput.maximumTitleLength, multiLine: false, required: true)
        let body = S.text(ArticleInput.maximumBodyLength, required: true)
        let tag = JSONValue.object([
            "type": .string("string"), "maxLength": .int(Int64(ArticleInput.maximumTagLength)),
            "pattern": .string(#"^[^,\x00-\x08\x0A-\x1F\x7F-\x9F]*$"#),
        ])
        let tags = JSONValue.object([
            "type": .string("array"), "items": tag, "maxItems": .int(Int64(ArticleInput.maximumTags)),
        ])
        let idList = JSONValue.object(["type": .string("array"), "items": S.idInput(), "maxItems": .int(500)])
        let note = S.text(2_000, nullable: true)
        let comment = S.text(2_000, nullable: true)
        let input: [String: JSONValue] = [
            "type": types, "title": title, "body": body, "language": languages,
            "category_id": S.idInput(nullable: true), "tags": tags,
            "product_ids": idList, "account_ids": idList, "competitor_ids": idList, "audience": audiences,
            "audience_tiers": .object([
                "type": .string("array"), "items": choice(Catalog.valueTiers), "maxItems": .int(500),
            ]),
            "audience_industries": .object(["type": .string("array"), "items": str, "maxItems": .int(500)]),
            "verify_by": .object([
                "type": .array([.string("string"), .string("null")]), "format": .string("date"),
                "pattern": .string(FieldPatterns.date),
            ]),
            "note": note,
        ]
        let versionProps: [String: JSONValue] = [
            "number": int, "type": types, "title": str, "body": str, "language": languages, "category_id": nint,
            "tags": strs, "status": statuses,
            "note": nstr, "author_id": nint, "author_name": nstr, "created_at": S.string("date-time"),
        ]
        let proposalProps: [String: JSONValue] = [
            "id": int, "article_id": int, "base_version": int, "title": str, "body": str, "tags": strs, "note": nstr,
            "author_id": nint,
            "author_name": nstr, "created_at": S.string("date-time"),
            "status": choice(["pending", "approved", "rejected"]), "reviewer_id": nint,
            "review_comment": nstr, "reviewed_at": nstr,
        ]
        let reviewProps: [String: JSONValue] = [
            "revision_id": nint, "reviewer_id": nint, "reviewer_name": nstr, "decision": str, "comment": nstr,
            "created_at": S.string("date-time"),
        ]
        let hit = S.object(
            ["article": S.ref("ArticleSummary"), "relevance": num, "score": num, "snippet": str, "snippet_html": str],
            required: ["article", "relevance", "score", "snippet", "snippet_html"])
        let counts = JSONValue.object(["type": .string("object"), "additionalProperties": int])
        let facets = S.object(
            ["type": counts, "language": counts, "category_id": counts, "product_id": counts],
            required: ["type", "language", "category_id", "product_id"])
        let piece = S.object(["op": choice(["same", "added", "removed"]), "text": str], required: ["op", "text"])
        let pieces = JSONValue.object(["type": .string("array"), "items": piece])
        func list(_ item: String, extra: [String: JSONValue] = [:]) -> JSONValue {
            S.object(
                ["data": .object(["type": .string("array"), "items": S.ref(item)])].merging(extra) { a, _ in a },
                required: ["data"] + extra.keys)
        }
        let importResult = S.object(
            [
                "imported": int, "failed": int,
                "results": .object([
                    "type": .string("array"),
                    "items": S.object(
                        ["source": str, "id": nint, "error": nstr], required: ["source", "id", "error"]),
                ]),
            ], required: ["imported", "failed", "results"])
        return [
            "Article": article, "ArticleSummary": summary, "ArticleList": list("ArticleSummary", extra: ["total": int]),
            "ArticleCreate": S.object(input, required: ["type", "title", "body", "language"]),
            "ArticleUpdate": S.object(input, required: []),
            "ArticleVersion": S.object(versionProps, required: Array(versionProps.keys)),
            "ArticleVersionList": list("ArticleVersion"),
            "ArticleProposal": S.object(proposalProps, required: Array(proposalProps.keys)),
            "ArticleProposalList": list("ArticleProposal"),
            "ArticleProposalCreate": S.object(
                ["title": title, "body": body, "tags": tags, "note": note], required: ["title", "body"]),
            "ArticleReview": S.object(reviewProps, required: Array(reviewProps.keys)),
            "ArticleReviewList": list("ArticleReview"),
            "ArticleComment": S.object(["comment": comment], required: []),
            "ArticleRejection": S.object(["comment": S.text(2_000, required: true)], required: ["comment"]),
            "ArticleFeedback": S.object(
                ["helpful": .object(["type": .string("boolean")]), "comment": comment], required: ["helpful"]),
            "ArticleDiff": S.object(
                ["from": int, "to": int, "title": pieces, "body": pieces], required: ["from", "to", "title", "body"]),
            "ArticleRestoreResult": S.object(
                ["article": S.ref("Article"), "proposal": S.ref("ArticleProposal")], required: []),
            "ArticleHit": hit,
            "ArticleSearchResults": S.object(
                [
                    "data": .object(["type": .string("array"), "items": S.ref("ArticleHit")]), "total": int,
                    "total_is_capped": .object(["type": .string("boolean")]),
                    "matched_all": .object(["type": .string("boolean")]), "tokens": strs,
                    "facets": facets,
                ], required: ["data", "total", "total_is_capped", "matched_all", "tokens"]),
            "ArticleSuggestions": S.object(
                [
                    "data": .object([
                        "type": .string("array"),
                        "items": S.object(
                            ["id": int, "title": str, "type": types], required: ["id", "title", "type"]),
                    ])
                ],
                required: ["data"]),
            "RelatedRequest": S.object(
                [
                    "subject": S.text(1_000, multiLine: false, required: true),
                    "description": S.text(CaseInput.maximumDescriptionLength, nullable: true),
                    "k": .object(["type": .string("integer"), "minimum": .int(1), "maximum": .int(50)]),
                ],
                required: ["subject"]),
            "RelatedArticles": list("ArticleHit"),
            "ReviewQueue": S.object(
                [
                    "articles": .object(["type": .string("array"), "items": S.ref("ArticleSummary")]),
                    "proposals": .object(["type": .string("array"), "items": S.ref("ArticleProposal")]),
                ], required: ["articles", "proposals"]),
            "ArticleImportResult": importResult,
        ]
    }

    static var operations: [OpenAPIDocument.Op] {
        let p = "/api/v1/articles"
        let write: [(Int, String?)] = [(403, nil), (404, nil), (409, nil), (413, nil), (415, nil), (422, nil)]
        let types = ArticleType.allCases.map(\.rawValue)
        let facets: [QueryParam] = [
            QueryParam("type", .choices(types), description: "one or more article types"),
            .choice("language", ArticleLanguage.allCases.map(\.rawValue)), .id("category_id"), .id("product_id"),
            .text("tag", maxLength: ArticleInput.maximumTagLength),
        ]
        let paging: [QueryParam] = [.int("limit", 1...100), .int("offset", 0...10_000)]
        var ops: [OpenAPIDocument.Op] = [
            (
                "get", p, "List articles you may read", nil, [(200, "ArticleList")],
                [.choice("status", ArticleStatus.allCases.map(\.rawValue))] + facets + [.id("owner_id")] + paging
            ),
            ("post", p, "Write a draft article", "ArticleCreate", [(201, "Article")] + write, []),
            ("get", p + "/{id}", "Get an article", nil, [(200, "Article"), (404, nil)], []),
            (
                "patch", p + "/{id}", "Edit an article in place (drafts; reviewers at any stage)", "ArticleUpdate",
                [(200, "Article")] + write, []
            ),
            ("get", p + "/{id}/versions", "Version history", nil, [(200, "ArticleVersionList"), (404, nil)], []),
            ("get", p + "/{id}/versions/{number}", "One version", nil, [(200, "ArticleVersion"), (404, nil)], []),
            (
                "get", p + "/{id}/diff", "Compare two versions (by word, by character for Chinese)", nil,
                [(200, "ArticleDiff"), (404, nil)],
                [
                    QueryParam("from", .integer(1...100_000), required: true),
                    QueryParam("to", .integer(1...100_000), required: true),
                ]
            ),
            (
                "post", p + "/{id}/versions/{number}/restore",
                "Restore a version as a new draft (a proposal for published articles)", nil,
                [(200, "ArticleRestoreResult"), (201, "ArticleRestoreResult"), (403, nil), (404, nil), (409, nil)], []
            ),
            ("get", p + "/{id}/proposals", "Proposed edits", nil, [(200, "ArticleProposalList"), (404, nil)], []),
            (
                "post", p + "/{id}/proposals", "Propose an edit to a published article", "ArticleProposalCreate",
                [(201, "ArticleProposal")] + write,
                []
            ),
            ("get", p + "/{id}/reviews", "Review log", nil, [(200, "ArticleReviewList"), (404, nil)], []),
            (
                "post", p + "/{id}/feedback", "Helpful or not, with an optional comment", "ArticleFeedback",
                [(200, "Article")] + write, []
            ),
            ("get", p + "/export", "Export articles with their versions as JSON Lines", nil, [(200, nil)], []),
            (
                "post", p + "/import", "Import articles from JSON Lines (mode=atomic or continue)", nil,
                [(200, "ArticleImportResult"), (201, "ArticleImportResult"), (403, nil), (413, nil), (422, nil)],
                [
                    .choice(
                        "mode", ["atomic", "continue"],
                        "atomic: all or nothing (default); continue: import what is valid")
                ]
            ),
            (
                "get", "/api/v1/kb/search", "Ranked full-text search with facets and snippets", nil,
                [(200, "ArticleSearchResults")],
                [.text("q", maxLength: 10_000, "the words to find; empty lists the newest")] + facets + paging + [
                    .bool("facets", "false skips the facet counts")
                ]
            ),
            (
                "get", "/api/v1/kb/suggest", "Title suggestions as the user types", nil, [(200, "ArticleSuggestions")],
                [.text("q", maxLength: 10_000)]
            ),
            (
                "post", "/api/v1/kb/related", "The k best articles for a subject and description", "RelatedRequest",
                [(200, "RelatedArticles"), (413, nil), (415, nil), (422, nil)], []
            ),
            (
                "get", "/api/v1/kb/review-queue", "Articles in review and pending proposals (knowledge managers)", nil,
                [(200, "ReviewQueue"), (403, nil)], []
            ),
            (
                "get", "/api/v1/kb/needs-review", "Published articles past their verify-by date or badly rated", nil,
                [(200, "ArticleList")], []
            ),
        ]
        // A rejection says why (its comment is required); the other steps take an optional comment.
        for action in ["submit", "approve", "reject", "archive", "reopen", "verify"] {
            let body = action == "reject" ? "ArticleRejection" : "ArticleComment"
            ops.append(("post", p + "/{id}/\(action)", "Workflow: \(action)", body, [(200, "Article")] + write, []))
        }
        for action in ["approve", "reject"] {
            let body = action == "reject" ? "ArticleRejection" : "ArticleComment"
            ops.append(
                (
                    "post", "/api/v1/article-proposals/{id}/\(action)", "Decide a proposed edit: \(action)", body,
                    [(200, "ArticleProposal")] + write,
                    []
                )
            )
        }
        return ops
    }
}
