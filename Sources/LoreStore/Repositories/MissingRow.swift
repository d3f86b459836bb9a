/// A row the database should have returned and did not (an `INSERT … RETURNING`, a `COUNT(*)`): a fault of the
/// server or the database, never of the request. It answers 500 and is logged, instead of trapping the process.
public struct MissingRow: Error, CustomStringConvertible, Sendable {
    public var what: String
    public var description: String { "the database returned no row for \(what)" }
}

extension Optional {
    /// The value, or a ``MissingRow`` error naming what was expected.
    func orMissing(_ what: @autoclosure () -> String) throws -> Wrapped {
        guard let self else { throw MissingRow(what: what()) }
        return self
    }
}
