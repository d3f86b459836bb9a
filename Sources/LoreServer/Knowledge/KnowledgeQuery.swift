import Hummingbird
import HummingbirdCore
import LoreCore
import LoreStore

/// Query-string parsing shared by the knowledge-base API and pages: bad values are 400s that say what is wrong.
enum KnowledgeQuery {
    static func int(_ params: FlatDictionary<Substring, Substring>, _ key: String) throws -> Int64? {
        guard let s = params.get(key), !s.isEmpty else { return nil }
        guard let v = Int64(s), v > 0 else { throw Problem.badRequest("\(key) must be a positive whole number") }
        return v
    }

    static func paging(_ params: FlatDictionary<Substring, Substring>, defaultLimit: Int) throws -> (
        limit: Int, offset: Int
    ) {
        var limit = defaultLimit
        var offset = 0
        if let s = params.get("limit"), !s.isEmpty {
            guard let v = Int(s), (1...100).contains(v) else {
                throw Problem.badRequest("limit must be between 1 and 100")
            }
            limit = v
        }
        if let s = params.get("offset"), !s.isEmpty {
            guard let v = Int(s), (0...10_000).contains(v) else {
                throw Problem.badRequest("offset must be between 0 and 10000")
            }
            offset = v
        }
        return (limit, offset)
    }

    static func facets(_ params: FlatDictionary<Substring, Substring>) throws -> ArticleFacetFilter {
        var f = ArticleFacetFilter()
        for raw in params.getAll("type") where !raw.isEmpty {
            for part in raw.split(separator: ",") {
                guard let t = ArticleType(rawValue: String(part)) else {
                    throw Problem.badRequest(
                        "type must be one of \(ArticleType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                f.types.append(t)
            }
        }
        if let s = params.get("language"), !s.isEmpty {
            guard let l = ArticleLanguage(rawValue: s) else { throw Problem.badRequest("language must be zh or en") }
            f.language = l
        }
        f.categoryID = try int(params, "category_id")
        f.productID = try int(params, "product_id")
        if let tag = params.get("tag"), !tag.isEmpty { f.tag = String(tag.prefix(ArticleInput.maximumTagLength)) }
        return f
    }
}
