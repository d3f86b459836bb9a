/// The `Decoder` a type's `init(from:)` sees: one JSON object, read through ``InputKeyedContainer``.
struct InputDecoder: Decoder {
    let object: [String: JSONValue]
    let path: [String]
    let reading: InputReading
    let asked: AskedFields

    var codingPath: [any CodingKey] { path.map(FieldKey.init) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(InputKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw unsupported("a list") }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw unsupported("a single value") }

    func unsupported(_ what: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "\(what) is read by InputReading"))
    }
}

/// A field name in a coding path.
struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reads an object's fields by their snake_case names; every read is routed through ``InputReading``, which names
/// the problems. A dictionary's keys (from ``allKeys``) are the object's own and are used as they are.
struct InputKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: InputDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        decoder.object.keys.sorted().compactMap { name in
            decoder.asked.add(name)
            return Key(stringValue: name)
        }
    }

    /// The JSON name of `key`: a property's name in snake_case, or a dictionary's key as it is.
    private func name(_ key: Key) -> String {
        let raw = key.stringValue
        if decoder.object[raw] != nil, decoder.asked.names.contains(raw) { return raw }
        let name = JSONValueEncoder.jsonName(raw)
        decoder.asked.add(name)
        return name
    }

    func contains(_ key: Key) -> Bool { decoder.object[name(key)] != nil }
    func decodeNil(forKey key: Key) throws -> Bool { (decoder.object[name(key)] ?? .null) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decode(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try ifPresent(type, key) }

    // The standard library's scalar overloads, routed to the generic readers above.
    func decode(_ t: Bool.Type, forKey k: Key) throws -> Bool { try decode(t as Bool.Type, k) }
    func decode(_ t: String.Type, forKey k: Key) throws -> String { try decode(t as String.Type, k) }
    func decode(_ t: Double.Type, forKey k: Key) throws -> Double { try decode(t as Double.Type, k) }
    func decode(_ t: Int.Type, forKey k: Key) throws -> Int { try decode(t as Int.Type, k) }
    func decode(_ t: Int64.Type, forKey k: Key) throws -> Int64 { try decode(t as Int64.Type, k) }
    func decode(_ t: Float.Type, forKey k: Key) throws -> Float { throw decoder.unsupported("Float") }
    func decode(_ t: Int8.Type, forKey k: Key) throws -> Int8 { throw decoder.unsupported("Int8") }
    func decode(_ t: Int16.Type, forKey k: Key) throws -> Int16 { throw decoder.unsupported("Int16") }
    func decode(_ t: Int32.Type, forKey k: Key) throws -> Int32 { throw decoder.unsupported("Int32") }
    func decode(_ t: UInt.Type, forKey k: Key) throws -> UInt { throw decoder.unsupported("UInt") }
    func decode(_ t: UInt8.Type, forKey k: Key) throws -> UInt8 { throw decoder.unsupported("UInt8") }
    func decode(_ t: UInt16.Type, forKey k: Key) throws -> UInt16 { throw decoder.unsupported("UInt16") }
    func decode(_ t: UInt32.Type, forKey k: Key) throws -> UInt32 { throw decoder.unsupported("UInt32") }
    func decode(_ t: UInt64.Type, forKey k: Key) throws -> UInt64 { throw decoder.unsupported("UInt64") }
    func decodeIfPresent(_ t: Bool.Type, forKey k: Key) throws -> Bool? { try ifPresent(t, k) }
    func decodeIfPresent(_ t: String.Type, forKey k: Key) throws -> String? { try ifPresent(t, k) }
    func decodeIfPresent(_ t: Double.Type, forKey k: Key) throws -> Double? { try ifPresent(t, k) }
    func decodeIfPresent(_ t: Int.Type, forKey k: Key) throws -> Int? { try ifPresent(t, k) }
    func decodeIfPresent(_ t: Int64.Type, forKey k: Key) throws -> Int64? { try ifPresent(t, k) }

    private func decode<T: Decodable>(_ t: T.Type, _ key: Key) throws -> T {
        let field = name(key)
        return try decoder.reading.required(T.self, decoder.object[field], decoder.path + [field])
    }

    private func ifPresent<T: Decodable>(_ t: T.Type, _ key: Key) throws -> T? {
        let field = name(key)
        return try decoder.reading.optional(T.self, decoder.object[field], decoder.path + [field])
    }

    func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        throw decoder.unsupported("a nested container")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw decoder.unsupported("a nested list")
    }
    func superDecoder() throws -> any Decoder { throw decoder.unsupported("a super decoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw decoder.unsupported("a super decoder") }
}
