import LoreCore

/// Checks API responses against the OpenAPI document: the status must be documented for the route,
/// and the body must match its JSON Schema (types, required keys, no undeclared keys, enums, formats, ranges).
struct SchemaValidator {
    let document: JSONValue

    func operation(method: String, path: String) -> JSONValue? {
        let clean = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        let segments = clean.split(separator: "/")
        guard case .object(let paths)? = document["paths"] else { return nil }
        // Like the router, a literal segment beats a parameter: /articles/import before /articles/{id}.
        var best: (params: Int, op: JSONValue)?
        for (template, item) in paths {
            let t = template.split(separator: "/")
            guard t.count == segments.count, zip(t, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }),
                let op = item[method.lowercased()]
            else { continue }
            let params = t.filter { $0.hasPrefix("{") }.count
            if best == nil || params < best!.params { best = (params, op) }
        }
        return best?.op
    }

    func check(method: String, path: String, status: Int, body: JSONValue) -> [String] {
        guard let op = operation(method: method, path: path) else { return ["no operation \(method) \(path)"] }
        guard let response = op["responses"]?[String(status)] else {
            return ["status \(status) not documented for \(method) \(path)"]
        }
        guard case .object(let content)? = response["content"] else {
            return body == .null ? [] : ["\(status) has no body in the document"]
        }
        // Only JSON bodies are checked (an export's JSON Lines is text to this check).
        guard let schema = (content["application/json"] ?? content["application/problem+json"])?["schema"] else {
            return []
        }
        var problems: [String] = []
        validate(body, schema, at: "$", into: &problems)
        return problems
    }

    func resolve(_ schema: JSONValue) -> JSONValue {
        if let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#/components/schemas/") {
            return document["components"]?["schemas"]?[String(ref.dropFirst("#/components/schemas/".count))] ?? .null
        }
        return schema
    }

    func matchesType(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .int): true
        case ("number", .int), ("number", .double): true
        default: false
        }
    }

    func validate(_ value: JSONValue, _ raw: JSONValue, at path: String, into problems: inout [String]) {
        let schema = resolve(raw)
        if case .array(let options)? = schema["oneOf"] {
            let ok = options.contains { option in
                var p: [String] = []
                validate(value, option, at: path, into: &p)
                return p.isEmpty
            }
            if !ok { problems.append("\(path): matches no oneOf option") }
            return
        }
        if let type = schema["type"] {
            let types: [String] =
                switch type {
                case .string(let s): [s]
                case .array(let a): a.compactMap(\.stringValue)
                default: []
                }
            if !types.contains(where: { matchesType(value, $0) }) {
                problems.append("\(path): \(value.typeName) is not \(types.joined(separator: "|"))")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            problems.append("\(path): \(value) not in enum")
        }
        switch value {
        case .string(let s):
            if let max = schema["maxLength"]?.intValue, s.count > max { problems.append("\(path): longer than \(max)") }
            if schema["format"]?.stringValue == "date-time", Timestamp.parse(s) == nil {
                problems.append("\(path): not a date-time")
            }
            if schema["format"]?.stringValue == "date", Timestamp.days(ofDate: s) == nil {
                problems.append("\(path): not a date")
            }
        case .int(let i):
            if let min = schema["minimum"]?.intValue, i < min { problems.append("\(path): below minimum") }
            if let max = schema["maximum"]?.intValue, i > max { problems.append("\(path): above maximum") }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() { validate(item, itemSchema, at: "\(path)[\(i)]", into: &problems) }
            }
        case .object(let object):
            let properties: [String: JSONValue]
            if case .object(let p)? = schema["properties"] { properties = p } else { properties = [:] }
            if case .array(let required)? = schema["required"] {
                for key in required.compactMap(\.stringValue) where object[key] == nil {
                    problems.append("\(path).\(key): required but missing")
                }
            }
            for (key, v) in object {
                if let p = properties[key] {
                    validate(v, p, at: "\(path).\(key)", into: &problems)
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path).\(key): not declared")
                }
            }
        default: break
        }
    }
}
