import Hummingbird
import HummingbirdCore
import LoreCore

/// One query parameter an API operation takes. The OpenAPI document states it from this, and the API router
/// refuses (400) a request with a parameter the operation does not take, a required one missing, or a value outside
/// its kind, so the document and the server cannot disagree.
struct QueryParam: Sendable, ExpressibleByStringLiteral {
    enum Kind: Sendable {
        case text(maxLength: Int)
        case integer(ClosedRange<Int64>)
        case choice([String])
        /// One or more choices, repeated (`type=faq&type=howto`) or comma-separated.
        case choices([String])
        case boolean
        case date
    }

    var name: String
    var kind: Kind
    var required = false
    var description: String?
    /// The documented schema when it says more than `kind` checks (a record field's pattern, checked by its own rules).
    var documentedSchema: JSONValue?

    init(_ name: String, _ kind: Kind, required: Bool = false, description: String? = nil, schema: JSONValue? = nil) {
        self.name = name
        self.kind = kind
        self.required = required
        self.description = description
        self.documentedSchema = schema
    }

    /// A plain optional text parameter.
    init(stringLiteral name: String) { self.init(name, .text(maxLength: 1_000)) }

    static func int(_ name: String, _ range: ClosedRange<Int64>, _ description: String? = nil) -> QueryParam {
        QueryParam(name, .integer(range), description: description)
    }
    /// A record id: a positive whole number.
    static func id(_ name: String) -> QueryParam {
        QueryParam(name, .integer(1...Int64.max), description: "a record id")
    }
    static func choice(_ name: String, _ values: [String], _ description: String? = nil) -> QueryParam {
        QueryParam(name, .choice(values), description: description)
    }
    static func bool(_ name: String, _ description: String? = nil) -> QueryParam {
        QueryParam(name, .boolean, description: description)
    }
    static func date(_ name: String, _ description: String? = nil) -> QueryParam {
        QueryParam(name, .date, description: description)
    }
    static func text(_ name: String, maxLength: Int = 1_000, required: Bool = false, _ description: String? = nil)
        -> QueryParam
    {
        QueryParam(name, .text(maxLength: maxLength), required: required, description: description)
    }

    /// The parameter's OpenAPI object.
    var openAPI: JSONValue {
        var o: [String: JSONValue] = [
            "name": .string(name), "in": .string("query"), "required": .bool(required), "schema": schema,
        ]
        if let description { o["description"] = .string(description) }
        if case .choices = kind {
            o["style"] = .string("form")
            o["explode"] = .bool(true)
        }
        return .object(o)
    }

    var schema: JSONValue {
        if let documentedSchema { return documentedSchema }
        return switch kind {
        case .text(let max):
            .object(["type": .string("string"), "maxLength": .int(Int64(max)), "minLength": .int(required ? 1 : 0)])
        case .integer(let r):
            .object(["type": .string("integer"), "minimum": .int(r.lowerBound), "maximum": .int(r.upperBound)])
        case .choice(let values): .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
        case .choices(let values):
            .object([
                "type": .string("array"),
                "items": .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))]),
            ])
        case .boolean: .object(["type": .string("boolean")])
        case .date: .object(["type": .string("string"), "format": .string("date")])
        }
    }

    /// Why `value` is not acceptable, or nil.
    func problem(with value: String) -> String? {
        switch kind {
        case .text(let max):
            if required && value.trimmingCharacters(in: .whitespaces).isEmpty { return "\(name) is required" }
            return value.count > max ? "\(name) may be at most \(max) characters" : nil
        case .integer(let r):
            guard let v = Int64(value), r.contains(v) else {
                return "\(name) must be a whole number from \(r.lowerBound) to \(r.upperBound)"
            }
            return nil
        case .choice(let values):
            return values.contains(value) ? nil : "\(name) must be one of \(values.joined(separator: ", "))"
        case .choices(let values):
            let parts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return parts.allSatisfy(values.contains)
                ? nil : "\(name) must be one or more of \(values.joined(separator: ", "))"
        case .boolean:
            return value == "true" || value == "false" ? nil : "\(name) must be true or false"
        case .date:
            return Timestamp.days(ofDate: value) == nil ? "\(name) must be a date YYYY-MM-DD" : nil
        }
    }
}

/// An operation's query parameters, indexed once at registration: what each request's query is checked against.
struct QueryRules: Sendable {
    private let byName: [String: QueryParam]
    private let required: [String]
    private let allowed: String

    init(_ params: [QueryParam]) {
        byName = Dictionary(params.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        required = params.filter(\.required).map(\.name)
        allowed = params.map(\.name).sorted().joined(separator: ", ")
    }

    /// The first problem with a request's query, or nil.
    func problem(in query: FlatDictionary<Substring, Substring>) -> String? {
        for (key, value) in query {
            guard let param = byName[String(key)] else {
                return allowed.isEmpty
                    ? "this operation takes no query parameters ('\(key)' was given)"
                    : "unknown query parameter '\(key)'; allowed: \(allowed)"
            }
            if let problem = param.problem(with: String(value)) { return problem }
        }
        for name in required where query.get(name) == nil { return "\(name) is required" }
        return nil
    }
}
