import LoreCore
import SQLKit

/// Writing article content: the row, its tags and links, a version per change, and the index when published.
enum ArticleWrites {
    /// Checks that the category and every linked record exist.
    static func checkReferences(_ input: ArticleInput, on db: any SQLDatabase) async throws {
        var errors: [FieldError] = []
        func missing(_ table: String, _ ids: [Int64]) async throws -> [Int64] {
            guard !ids.isEmpty else { return [] }
            let found = try await db.select().column("id").from(table).where("id", .in, SQLBind.group(ids)).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            return ids.filter { !found.contains($0) }
        }
        if let c = input.categoryID, try await !missing("article_categories", [c]).isEmpty {
            errors.append(
                FieldError(field: "category_id", code: "invalid_reference", message: "no article category \(c)"))
        }
        for (field, table, ids) in [
            ("product_ids", "products", input.productIDs), ("account_ids", "accounts", input.accountIDs),
            ("competitor_ids", "competitors", input.competitorIDs),
        ] {
            let bad = try await missing(table, ids)
            if !bad.isEmpty {
                errors.append(
                    FieldError(
                        field: field, code: "invalid_reference",
                        message: "no \(table) with id \(bad.map(String.init).joined(separator: ", "))"))
            }
        }
        if !errors.isEmpty { throw StoreError.invalid(ValidationFailure(errors)) }
    }

    static func insert(
        _ input: ArticleInput, status: ArticleStatus, ownerID: Int64, teamID: Int64?, by actor: Int64,
        sourceCaseID: Int64? = nil,
        on db: any SQLDatabase
    ) async throws -> Int64 {
        let now = Timestamp.now()
        let row = try await db.insert(into: "articles")
            .columns(
                "created_at", "updated_at", "created_by", "updated_by", "owner_id", "team_id", "type", "title", "body",
                "language",
                "category_id", "tags", "status", "audience", "audience_tiers", "audience_industries", "version",
                "verify_by",
                "helpful_count", "unhelpful_count", "view_count", "solved_count", "source_case_id", "plain_text"
            )
            .values(
                SQLBind(now), SQLBind(now), SQLBind(actor), SQLBind(actor), SQLBind(ownerID), optional(teamID),
                SQLBind(input.type.rawValue),
                SQLBind(input.title), SQLBind(input.body), SQLBind(input.language.rawValue), optional(input.categoryID),
                SQLBind(ArticleRows.join(input.tags)), SQLBind(status.rawValue), SQLBind(input.audience.kind.rawValue),
                SQLBind(ArticleRows.join(input.audience.tiers)), SQLBind(ArticleRows.join(input.audience.industries)),
                SQLBind(1),
                optional(input.verifyBy), SQLBind(0), SQLBind(0), SQLBind(0), SQLBind(0), optional(sourceCaseID),
                SQLBind(Markdown.plainText(input.body))
            )
            .returning("id").first()
        let id = try row.orMissing("the new row's id").decode(column: "id", as: Int64.self)
        try await replaceTagsAndLinks(id: id, input, on: db)
        try await addVersion(articleID: id, number: 1, input, status: status, note: nil, author: actor, on: db)
        return id
    }

    /// Replaces content and metadata, bumping the version. Returns the new version number.
    static func update(_ old: Article, _ input: ArticleInput, by actor: Int64, note: String?, on db: any SQLDatabase)
        async throws -> Int
    {
        let number = old.version + 1
        try await db.update("articles").where("id", .equal, SQLBind(old.id))
            .set("type", to: SQLBind(input.type.rawValue)).set("title", to: SQLBind(input.title)).set(
                "body", to: SQLBind(input.body)
            )
            .set("plain_text", to: SQLBind(Markdown.plainText(input.body)))
            .set("language", to: SQLBind(input.language.rawValue)).set("category_id", to: optional(input.categoryID))
            .set("tags", to: SQLBind(ArticleRows.join(input.tags))).set(
                "audience", to: SQLBind(input.audience.kind.rawValue)
            )
            .set("audience_tiers", to: SQLBind(ArticleRows.join(input.audience.tiers)))
            .set("audience_industries", to: SQLBind(ArticleRows.join(input.audience.industries)))
            .set("verify_by", to: optional(input.verifyBy)).set("version", to: SQLBind(number))
            .set("updated_at", to: SQLBind(Timestamp.now())).set("updated_by", to: SQLBind(actor))
            .run()
        try await replaceTagsAndLinks(id: old.id, input, on: db)
        try await addVersion(
            articleID: old.id, number: number, input, status: old.status, note: note, author: actor, on: db)
        return number
    }

    static func addVersion(
        articleID: Int64, number: Int, _ input: ArticleInput, status: ArticleStatus, note: String?, author: Int64,
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "article_versions")
            .columns(
                "article_id", "number", "type", "title", "body", "language", "category_id", "tags", "status", "note",
                "author_id", "created_at"
            )
            .values(
                SQLBind(articleID), SQLBind(number), SQLBind(input.type.rawValue), SQLBind(input.title),
                SQLBind(input.body),
                SQLBind(input.language.rawValue), optional(input.categoryID), SQLBind(ArticleRows.join(input.tags)),
                SQLBind(status.rawValue),
                optional(note), SQLBind(author), SQLBind(Timestamp.now())
            )
            .run()
    }

    static func replaceTagsAndLinks(id: Int64, _ input: ArticleInput, on db: any SQLDatabase) async throws {
        try await db.delete(from: "article_tags").where("article_id", .equal, SQLBind(id)).run()
        try await db.delete(from: "article_links").where("article_id", .equal, SQLBind(id)).run()
        if !input.tags.isEmpty {
            var b = db.insert(into: "article_tags").columns("article_id", "tag", "tag_key")
            for t in input.tags { b = b.values(SQLBind(id), SQLBind(t), SQLBind(t.lowercased())) }
            try await b.run()
        }
        let links =
            input.productIDs.map { ("product", $0) } + input.accountIDs.map { ("account", $0) }
            + input.competitorIDs.map { ("competitor", $0) }
        if !links.isEmpty {
            var b = db.insert(into: "article_links").columns("article_id", "kind", "target_id")
            for (kind, target) in links { b = b.values(SQLBind(id), SQLBind(kind), SQLBind(target)) }
            try await b.run()
        }
    }

    static func setStatus(
        _ id: Int64, _ status: ArticleStatus, by actor: Int64, extra: [String: FieldValue] = [:], on db: any SQLDatabase
    )
        async throws
    {
        var b = db.update("articles").where("id", .equal, SQLBind(id)).set("status", to: SQLBind(status.rawValue))
            .set("updated_at", to: SQLBind(Timestamp.now())).set("updated_by", to: SQLBind(actor))
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { b = b.set(SQLColumn(k), to: SQLValues.expression(v)) }
        try await b.run()
    }

    static func review(
        articleID: Int64, revisionID: Int64?, reviewer: Int64, decision: String, comment: String?,
        on db: any SQLDatabase
    )
        async throws
    {
        try await db.insert(into: "article_reviews").columns(
            "article_id", "revision_id", "reviewer_id", "decision", "comment", "created_at"
        )
        .values(
            SQLBind(articleID), optional(revisionID), SQLBind(reviewer), SQLBind(decision), optional(comment),
            SQLBind(Timestamp.now())
        )
        .run()
    }

    static func optional(_ v: Int64?) -> any SQLExpression { v.map { SQLBind($0) } ?? SQLLiteral.null }
    static func optional(_ v: String?) -> any SQLExpression { v.map { SQLBind($0) } ?? SQLLiteral.null }
}

extension ArticleWrites {
    /// A product, account or competitor deleted for good leaves no link behind (`article_links.target_id` is not a
    /// foreign key: one column serves three tables). Its articles are logged as changed, so every process's facet
    /// columns read their links again.
    static func dropLinks(toDeleted entity: String, id: Int64, engine: Engine, on db: any SQLDatabase) async throws {
        guard let kind = ["products": "product", "accounts": "account", "competitors": "competitor"][entity] else {
            return
        }
        let rows = try await db.select().column("article_id").from("article_links").where("kind", .equal, SQLBind(kind))
            .where("target_id", .equal, SQLBind(id)).all()
        guard !rows.isEmpty else { return }
        try await db.delete(from: "article_links").where("kind", .equal, SQLBind(kind)).where(
            "target_id", .equal, SQLBind(id)
        ).run()
        for row in rows {
            try await ArticleIndexLog.record(
                try row.decode(column: "article_id", as: Int64.self), engine: engine, on: db)
        }
    }
}
