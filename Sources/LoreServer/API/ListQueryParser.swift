import Hummingbird
import LoreCore
import LoreStore

/// Turns list query parameters into a ``ListQuery``; unknown parameters and bad values are 400s,
/// so a typo in a filter never silently returns everything.
enum ListQueryParser {
    static let reserved: Set<String> = ["q", "sort", "limit", "cursor", "archived", "owner_id", "lang"]

    static func parse(_ params: Parameters, schema: EntitySchema) throws -> ListQuery {
        try parse(params.map { (String($0.key), String($0.value)) }, schema: schema)
    }

    static func parse(_ params: [(String, String)], schema: EntitySchema) throws -> ListQuery {
        var query = ListQuery()
        for (key, value) in params {
            switch key {
            case "q": query.text = value
            case "sort":
                let descending = value.hasPrefix("-")
                let name = descending ? String(value.dropFirst()) : value
                guard schema.sortKeys.contains(name) else {
                    throw Problem.badRequest(
                        "cannot sort by '\(name)'; use one of \(schema.sortKeys.joined(separator: ", ")) (prefix - for descending)"
                    )
                }
                query.sort = name
                query.descending = descending
            case "limit":
                guard let n = Int(value), (1...ListQuery.maximumLimit).contains(n) else {
                    throw Problem.badRequest("limit must be a number from 1 to \(ListQuery.maximumLimit)")
                }
                query.limit = n
            case "cursor": query.cursor = value
            case "archived":
                guard let a = ListQuery.ArchiveFilter(rawValue: value) else {
                    throw Problem.badRequest("archived must be exclude, include or only")
                }
                query.archived = a
            case "owner_id":
                guard schema.owned, let id = Int64(value) else {
                    throw Problem.badRequest("owner_id must be a user id")
                }
                query.ownerID = id
            case "lang": break
            default:
                guard let field = schema.field(key), field.filterable else {
                    let allowed = (Array(reserved) + schema.fields.filter(\.filterable).map(\.name)).sorted()
                    throw Problem.badRequest(
                        "unknown query parameter '\(key)'; allowed: \(allowed.joined(separator: ", "))")
                }
                do {
                    let v = try RecordValidator(schema: schema, fromForm: true).validate(
                        [key: .string(value)], mode: .update)
                    query.filters[key] = v[key] ?? .null
                } catch let failure {
                    throw Problem.badRequest("\(key): \(failure.errors.first?.message ?? "invalid value")")
                }
            }
        }
        return query
    }
}
