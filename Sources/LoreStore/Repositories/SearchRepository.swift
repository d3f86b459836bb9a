import LoreCore
import SQLKit

/// One hit of the global search box.
public struct SearchHit: Sendable, Equatable {
    public var entity: String
    public var id: Int64
    public var title: String
    /// The field that matched, and its text (an e-mail or phone number, say).
    public var matchedField: String
    public var matchedText: String

    public init(entity: String, id: Int64, title: String, matchedField: String, matchedText: String) {
        (self.entity, self.id, self.title, self.matchedField, self.matchedText) = (
            entity, id, title, matchedField, matchedText
        )
    }
}

/// The global search box: names (Chinese names too), e-mails and phone numbers across accounts,
/// contacts, leads, opportunities and interactions — only among records the principal may see. (Cases and articles,
/// which have their own searches, are added by the page.)
public struct SearchRepository: Sendable {
    public let database: any LoreDatabase
    public init(database: any LoreDatabase) { self.database = database }

    public static let targets: [(String, [String])] = [
        ("accounts", ["name", "email", "phone"]),
        ("contacts", ["name", "email", "email_secondary", "phone", "mobile"]),
        ("leads", ["name", "company", "email", "phone"]),
        ("opportunities", ["name"]),
        ("interactions", ["subject"]),
    ]

    public func search(_ text: String, as principal: Principal, limitPerEntity: Int = 10) async throws -> [SearchHit] {
        let q = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        guard !q.isEmpty else { return [] }
        let pattern = SQLValues.likePattern(q)
        // Phone numbers are typed with and without separators; compare digits when the query is mostly digits.
        let digits = q.filter(\.isNumber)
        let phonePattern = digits.count >= 4 && digits.count * 2 >= q.count ? SQLValues.likePattern(digits) : nil
        return try await database.read { db in
            var hits: [SearchHit] = []
            for (entity, fields) in Self.targets {
                let schema = Catalog[entity]
                var parts: [any SQLExpression] = fields.map {
                    SQLQueryString("lower(\(ident: $0)) LIKE \(bind: pattern) ESCAPE '\\'")
                }
                if let phonePattern {
                    for f in fields where f == "phone" || f == "mobile" {
                        parts.append(
                            SQLQueryString(
                                "replace(replace(replace(replace(\(ident: f), '-', ''), ' ', ''), '(', ''), ')', '') LIKE \(bind: phonePattern) ESCAPE '\\'"
                            ))
                    }
                }
                var select = db.select().column("id").columns(fields.map { SQLColumn($0) }).from(entity)
                    .where(SQLGroupExpression(SQLList(parts, separator: SQLRaw(" OR "))))
                    .where("archived_at", .is, SQLLiteral.null)
                if let predicate = ScopeFilter.predicate(principal.scope, schema: schema) {
                    select = select.where(predicate)
                }
                let rows = try await select.orderBy("id", .descending).limit(limitPerEntity).all()
                for row in rows {
                    let id = try row.decode(column: "id", as: Int64.self)
                    var matched = (fields[0], "")
                    var title = "#\(id)"
                    for f in fields {
                        guard let v = try SQLValues.optionalString(row, f) else { continue }
                        if f == schema.titleField { title = v }
                        if matched.1.isEmpty
                            && (v.lowercased().contains(q.lowercased())
                                || (!digits.isEmpty && v.filter(\.isNumber).contains(digits)))
                        {
                            matched = (f, v)
                        }
                    }
                    hits.append(
                        SearchHit(entity: entity, id: id, title: title, matchedField: matched.0, matchedText: matched.1)
                    )
                }
            }
            return hits
        }
    }
}
