import Hummingbird
import LoreCore

/// Pages are typed: each page (or part of one) is an `Encodable` struct, its template's model stated once. It reaches
/// the template through ``JSONValueEncoder`` — the API's snake_case, so `statusCode` is `{{status_code}}` — with a
/// nil optional as `false`: every key is set, so `{{#href}}` hides what is absent instead of Mustache finding an
/// `href` further out in the context.
enum TemplateValue {
    /// A model's fields as the template reads them.
    static func fields(_ model: some Encodable) throws -> [String: Any] {
        guard case .object(let o) = try JSONValueEncoder().encode(model) else { return [:] }
        return o.mapValues(value)
    }

    /// Several models as one list of template values (rows, cells).
    static func list(_ models: [some Encodable]) throws -> [Any] {
        guard case .array(let items) = try JSONValueEncoder().encode(models) else { return [] }
        return items.map(value)
    }

    static func value(_ v: JSONValue) -> Any {
        switch v {
        case .null: false
        case .bool(let b): b
        case .int(let i): i
        case .double(let d): d
        case .string(let s): s
        case .array(let a): a.map(value)
        case .object(let o): o.mapValues(value)
        }
    }
}

/// Several models' fields side by side in one context (a case's row, the actions on it and the page's own).
struct MergedModel: Encodable {
    let parts: [any Encodable]
    init(_ parts: any Encodable...) { self.parts = parts }

    func encode(to encoder: any Encoder) throws {
        for part in parts { try part.encode(to: encoder) }
    }
}

/// A link: text and where it goes.
struct LinkModel: Encodable, Sendable {
    var text: String
    var href: String
}

/// An option of a select: its value, label and whether it is chosen.
struct OptionModel: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension PageRenderer {
    /// Renders `template` with a typed model (see ``TemplateValue``).
    func render(
        _ template: String, title: String, model: some Encodable, context: some LoreRequestContext,
        status: HTTPResponse.Status = .ok, flash: String? = nil, flashIsError: Bool = false
    ) throws -> Response {
        try render(
            template, title: title, data: try TemplateValue.fields(model), context: context, status: status,
            flash: flash, flashIsError: flashIsError)
    }
}
