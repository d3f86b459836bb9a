import LoreCore

/// Failures the store reports to callers, each mapping to one HTTP status.
public enum StoreError: Error, Sendable, Equatable {
    /// No such record, or the caller may not see it (404: do not reveal which).
    case notFound(entity: String, id: Int64)
    /// Input is well-formed but refers to something invalid (422).
    case invalid(ValidationFailure)
    /// Not allowed in the record's current state, e.g. escalating a closed case (409; the field, if named, has the
    /// error code `conflict`).
    case conflict(field: String?, message: String)
    /// Another record already has this value of a unique field (409; the field has the error code `duplicate`).
    case duplicate(field: String, message: String)
    /// The request was understood but is malformed (400), e.g. a bad cursor or filter.
    case badRequest(String)
}
