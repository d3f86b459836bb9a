/// Encodes an `Encodable` value as a ``JSONValue`` the way Lore's API writes JSON, so a response's shape is stated
/// once, as a Swift type: property names become snake_case (`accountID` → `account_id`, `csatLink` → `csat_link`;
/// names without capitals are kept), and an optional with no value is written as `null` rather than left out — an API
/// field is always present, as the OpenAPI document lists it. String and integer enums encode as their raw values.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }

    /// `accountID` → `account_id`, `productIDs` → `product_ids`, `firstResponseDue` → `first_response_due`, `URLPath` →
    /// `url_path`.
    public static func snakeCase(_ name: String) -> String {
        let chars = Array(name)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = chars[i - 1]
                let nextIsLower =
                    i + 1 < chars.count && chars[i + 1].isLowercase
                    && !Self.isPluralOfAcronym(chars, at: i + 1)
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out.append("_") }
            }
            out.append(contentsOf: c.lowercased())
        }
        return out
    }

    /// The `s` of `IDs` in `productIDs`: the acronym's plural, not the start of a new word.
    private static func isPluralOfAcronym(_ chars: [Character], at i: Int) -> Bool {
        chars[i] == "s" && (i + 1 == chars.count || chars[i + 1].isUppercase || chars[i + 1].isNumber)
    }
}

/// One value being built: a scalar, an object or an array.
private final class JSONNode {
    var scalar: JSONValue = .null
    var object: [String: JSONNode]?
    var array: [JSONNode]?

    var value: JSONValue {
        if let object { return .object(object.mapValues(\.value)) }
        if let array { return .array(array.map(\.value)) }
        return scalar
    }

    func child(_ key: String) -> JSONNode {
        if object == nil { object = [:] }
        if let existing = object?[key] { return existing }
        let node = JSONNode()
        object?[key] = node
        return node
    }

    func appended() -> JSONNode {
        let node = JSONNode()
        array = (array ?? []) + [node]
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.object == nil { node.object = [:] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.array == nil { node.array = [] }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

/// Writes `value` into `node`: JSONValue as it is, scalars directly, anything else through its own `encode(to:)`.
private func write<T: Encodable>(_ value: T, into node: JSONNode, codingPath: [any CodingKey]) throws {
    switch value {
    case let v as JSONValue: node.scalar = v
    case let v as String: node.scalar = .string(v)
    case let v as Bool: node.scalar = .bool(v)
    case let v as Int64: node.scalar = .int(v)
    case let v as Int: node.scalar = .int(Int64(v))
    case let v as Int32: node.scalar = .int(Int64(v))
    case let v as Double: node.scalar = .double(v)
    case let dictionary as [String: any Encodable]:
        // A dictionary's keys are data (priority names, field names), not property names: kept as they are.
        node.object = node.object ?? [:]
        for (key, element) in dictionary { try write(element, into: node.child(key), codingPath: codingPath) }
    default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONNode { node.child(JSONValueEncoder.snakeCase(key.stringValue)) }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try write(value, into: child(key), codingPath: codingPath + [key])
    }
    // Synthesized conformances call encodeIfPresent for optionals; writing null keeps the field in the output.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        NodeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    mutating func encodeNil() throws { node.appended().scalar = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value, into: node.appended(), codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appended(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appended(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appended(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value, into: node, codingPath: codingPath) }
}
