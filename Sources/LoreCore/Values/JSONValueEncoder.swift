import Synchronization

/// Encodes an `Encodable` value as a ``JSONValue`` the way Lore's API writes JSON, so a response's shape is stated
/// once, as a Swift type: property names become snake_case (`accountID` → `account_id`, `csatLink` → `csat_link`;
/// names without capitals are kept), and an optional with no value is written as `null` rather than left out — an API
/// field is always present, as the OpenAPI document lists it. String and integer enums encode as their raw values.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = JSONNode()
        try write(value, into: root, codingPath: [])
        return root.value
    }

    /// Property names seen so far and their snake_case: a response writes the same few dozen names over and over.
    private static let names = Mutex<[String: String]>([:])

    static func jsonName(_ name: String) -> String {
        if let known = names.withLock({ $0[name] }) { return known }
        let snake = snakeCase(name)
        names.withLock { $0[name] = snake }
        return snake
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
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    out.append("_")
                }
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
        if array == nil { array = [] }
        array?.append(node)
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

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Writes `value` into `node`: JSONValue as it is, a dictionary with its keys as they are, anything else through its
/// own `encode(to:)` (primitives reach the containers' typed overloads, which write them directly).
private func write<T: Encodable>(_ value: T, into node: JSONNode, codingPath: [any CodingKey]) throws {
    switch ValueKind.of(T.self) {
    case .json: if let v = value as? JSONValue { node.scalar = v }
    case .integer:
        // Other widths than Int and Int64 (which the containers write directly).
        if let number = value as? any BinaryInteger {
            node.scalar = Int64(exactly: number).map(JSONValue.int) ?? .double(Double(number))
        }
    case .floatingPoint: if let number = value as? any BinaryFloatingPoint { node.scalar = .double(Double(number)) }
    case .dictionary:
        if let dictionary = value as? any StringKeyedEncodable {
            try dictionary.write(into: node, codingPath: codingPath)
        }
    case .other: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

/// How a type is written, worked out once per type: a dynamic cast to a protocol costs more than writing the value.
private enum ValueKind {
    case json, integer, floatingPoint, dictionary, other

    private static let known = Mutex<[ObjectIdentifier: ValueKind]>([:])

    static func of<T>(_ type: T.Type) -> ValueKind {
        if let kind = known.withLock({ $0[ObjectIdentifier(type)] }) { return kind }
        let kind: ValueKind =
            if type == JSONValue.self { .json } else if type is any BinaryInteger.Type {
                .integer
            } else if type is any BinaryFloatingPoint.Type {
                .floatingPoint
            } else if type is any StringKeyedEncodable.Type { .dictionary } else { .other }
        known.withLock { $0[ObjectIdentifier(type)] = kind }
        return kind
    }
}

/// A dictionary keyed by text: its keys are data (priority names, ids), not property names, so they are kept.
private protocol StringKeyedEncodable {
    func write(into node: JSONNode, codingPath: [any CodingKey]) throws
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    fileprivate func write(into node: JSONNode, codingPath: [any CodingKey]) throws {
        node.object = node.object ?? [:]
        for (key, element) in self { try LoreCore.write(element, into: node.child(key), codingPath: codingPath) }
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONNode { node.child(JSONValueEncoder.jsonName(key.stringValue)) }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).scalar = .string(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).scalar = .bool(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).scalar = .int(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).scalar = .int(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).scalar = .double(value) }
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

    /// Codable's convention: a superclass's fields go under the key `super`.
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: child(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    mutating func encodeNil() throws { node.appended().scalar = .null }
    mutating func encode(_ value: String) throws { node.appended().scalar = .string(value) }
    mutating func encode(_ value: Bool) throws { node.appended().scalar = .bool(value) }
    mutating func encode(_ value: Int) throws { node.appended().scalar = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.appended().scalar = .int(value) }
    mutating func encode(_ value: Double) throws { node.appended().scalar = .double(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try write(value, into: node.appended(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
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
    mutating func encode(_ value: String) throws { node.scalar = .string(value) }
    mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
    mutating func encode(_ value: Int) throws { node.scalar = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.scalar = .int(value) }
    mutating func encode(_ value: Double) throws { node.scalar = .double(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value, into: node, codingPath: codingPath) }
}
