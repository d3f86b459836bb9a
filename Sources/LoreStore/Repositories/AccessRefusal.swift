/// A principal who may see a record but may not do this with it: approving an article without being a reviewer,
/// assigning a case to someone else as an agent, re-routing as a non-manager (403 on the API, a message on pages).
/// Every repository refuses with this one type; what may not be seen at all is `StoreError.notFound` instead.
public enum AccessRefusal: Error, Sendable, Equatable {
    case forbidden(String)
}
