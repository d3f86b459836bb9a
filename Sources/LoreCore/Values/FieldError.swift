/// Why one field of an input was refused. `code` is stable and is what pages translate.
public struct FieldError: Sendable, Equatable, Codable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// An input that failed validation: every bad field is named.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}
