import Hummingbird

/// A record id in a path: a positive whole number. Anything else names no record, so it is a 404 — not the 400
/// that Hummingbird's own `require(_:as:)` gives a value that does not convert.
enum RecordID {}

extension Parameters {
    /// The positive id in path parameter `name`, or a 404 problem.
    func require(_ name: String, as _: RecordID.Type) throws -> Int64 {
        guard let raw = get(name), let id = Int64(raw), id > 0 else { throw Problem.notFound() }
        return id
    }
}
