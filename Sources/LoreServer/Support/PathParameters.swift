import Hummingbird
import LoreCore

extension Parameters {
    /// The positive id (a ``RecordID``) in path parameter `name`, or a 404 problem: anything else names no record —
    /// not the 400 that Hummingbird's own `require(_:as:)` gives a value that does not convert.
    func require(_ name: String, as _: RecordID.Type) throws -> Int64 {
        guard let raw = get(name), let id = Int64(raw), id > 0 else { throw Problem.notFound() }
        return id
    }
}
