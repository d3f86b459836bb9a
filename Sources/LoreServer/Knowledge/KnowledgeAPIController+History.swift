import Hummingbird
import LoreCore
import LoreStore

/// Versions, diffs, restore, proposed edits and the review log.
extension KnowledgeAPIController {
    func registerHistory(on api: APIRouter) {
        api.on(.get, "/articles/{id}/versions", access: .staff) { _, context in
            let versions = try await kb.versions(id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
            return try JSONIO.response(.object(["data": .array(versions.map(ArticleJSON.encode))]))
        }
        api.on(.get, "/articles/{id}/versions/{number}", access: .staff) { _, context in
            let v = try await kb.version(
                id: try context.parameters.require("id", as: RecordID.self), number: Int(try context.parameters.require("number", as: RecordID.self)),
                as: context.principal)
            return try JSONIO.response(ArticleJSON.encode(v))
        }
        api.on(.get, "/articles/{id}/diff", access: .staff) { request, context in
            let p = context.principal
            let id = try context.parameters.require("id", as: RecordID.self)
            guard let from = try KnowledgeQuery.int(request.query, "from"),
                let to = try KnowledgeQuery.int(request.query, "to")
            else { throw Problem.badRequest("from and to (version numbers) are required") }
            let a = try await kb.version(id: id, number: Int(from), as: p)
            let b = try await kb.version(id: id, number: Int(to), as: p)
            func pieces(_ old: String, _ new: String) -> JSONValue {
                .array(TextDiff.diff(old, new).map { .object(["op": .string($0.op.rawValue), "text": .string($0.text)]) })
            }
            return try JSONIO.response(
                .object(["from": .int(from), "to": .int(to), "title": pieces(a.title, b.title), "body": pieces(a.body, b.body)]))
        }
        api.on(.post, "/articles/{id}/versions/{number}/restore", access: .staff) { _, context in
            let outcome = try await kb.restore(
                id: try context.parameters.require("id", as: RecordID.self), number: Int(try context.parameters.require("number", as: RecordID.self)),
                as: context.principal)
            switch outcome {
            case .article(let a): return try JSONIO.response(.object(["article": ArticleJSON.encode(a)]))
            case .proposal(let r): return try JSONIO.response(.object(["proposal": ArticleJSON.encode(r)]), status: .created)
            }
        }
        api.on(.get, "/articles/{id}/proposals", access: .staff) { _, context in
            let list = try await kb.revisions(id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
            return try JSONIO.response(.object(["data": .array(list.map(ArticleJSON.encode))]))
        }
        api.on(.post, "/articles/{id}/proposals", access: .staff) { request, context in
            let p = context.principal
            var fields = JSONFields(
                try await JSONIO.object(request, context: context), allowed: ["title", "body", "tags", "note"],
                hint: "a proposal has title, body, tags and note")
            let title = fields.string("title", required: true, maxLength: ArticleInput.maximumTitleLength, multiLine: false)
            let body = fields.string("body", required: true, maxLength: ArticleInput.maximumBodyLength)
            let note = fields.string("note", maxLength: FormLimits.comment, nullable: true)
            let tags = fields.strings("tags")
            try fields.check()
            let r = try await kb.propose(
                id: try context.parameters.require("id", as: RecordID.self), title: try fields.required(title, "title"),
                body: try fields.required(body, "body"), tags: tags, note: note,
                as: p)
            return try JSONIO.response(ArticleJSON.encode(r), status: .created)
        }
        for (action, approve) in [("approve", true), ("reject", false)] {
            api.on(.post, "/article-proposals/{id}/\(action)", access: .reviewers) { request, context in
                let p = context.principal
                let comment = try await Self.optionalComment(request, context)
                return try JSONIO.response(
                    ArticleJSON.encode(
                        try await kb.decide(
                            revision: try context.parameters.require("id", as: RecordID.self), approve: approve, comment: comment, as: p)))
            }
        }
        api.on(.get, "/articles/{id}/reviews", access: .staff) { _, context in
            let list = try await kb.reviews(id: try context.parameters.require("id", as: RecordID.self), as: context.principal)
            return try JSONIO.response(.object(["data": .array(list.map(ArticleJSON.encode))]))
        }
        api.on(.post, "/articles/{id}/feedback", access: .signedIn) { request, context in
            let p = context.principal
            var fields = JSONFields(
                try await JSONIO.object(request, context: context), allowed: ["helpful", "comment"], hint: "feedback has helpful and comment")
            let helpful = fields.bool("helpful")
            let comment = fields.string("comment", maxLength: FormLimits.comment, nullable: true)
            try fields.check()
            return try articleResponse(
                try await kb.feedback(
                    id: try context.parameters.require("id", as: RecordID.self), helpful: try fields.required(helpful, "helpful"), comment: comment,
                    as: p))
        }
    }
}
