import LoreCore

extension JSONValue {
    /// The elements of an array (empty for anything else).
    var items: [JSONValue] {
        if case .array(let a) = self { return a }
        return []
    }

    /// The fields named in a problem's `errors`.
    var errorFields: Set<String> {
        Set((self["errors"]?.items ?? []).compactMap { $0["field"]?.stringValue })
    }

    /// Whether a list response's `data` holds a record with this id.
    func listContains(id: Int64) -> Bool {
        (self["data"]?.items ?? []).contains { $0["id"] == .int(id) }
    }
}
