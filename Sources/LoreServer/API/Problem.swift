import Foundation
import Hummingbird
import LoreCore
import LoreStore
import NIOCore

/// An RFC 9457 problem: every API error is one of these, sent as `application/problem+json`.
struct Problem: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var title: String
    var detail: String?
    var errors: [FieldError] = []
    var headers: HTTPFields = [:]

    static func badRequest(_ detail: String) -> Problem {
        Problem(status: .badRequest, title: "Bad request", detail: detail)
    }
    static func unauthorized(_ detail: String = "Sign in, or send a valid API token as `Authorization: Bearer …`.")
        -> Problem
    {
        Problem(
            status: .unauthorized, title: "Unauthorized", detail: detail,
            headers: [.wwwAuthenticate: "Bearer realm=\"lore\""])
    }
    static func forbidden(_ detail: String = "Your role does not allow this.") -> Problem {
        Problem(status: .forbidden, title: "Forbidden", detail: detail)
    }
    static func notFound(_ detail: String = "No such resource, or you may not see it.") -> Problem {
        Problem(status: .notFound, title: "Not found", detail: detail)
    }
    /// `code` is the field error's: `conflict` (the record's state forbids it) or `duplicate` (a unique value taken).
    static func conflict(_ detail: String, field: String? = nil, code: String = "conflict") -> Problem {
        Problem(
            status: .conflict, title: "Conflict", detail: detail,
            errors: field.map { [FieldError(field: $0, code: code, message: detail)] } ?? [])
    }
    /// The database cannot be reached (restarting, failing over): nothing was changed; try again shortly.
    static let unavailable = Problem(
        status: .serviceUnavailable, title: "Service unavailable",
        detail: "The database cannot be reached just now; nothing was changed. Retry after a few seconds.",
        headers: [.retryAfter: "2"])

    /// The database went away while a change was being saved: it may or may not have been kept.
    static let unavailableMidWrite = Problem(
        status: .serviceUnavailable, title: "Service unavailable",
        detail: "The database went away while this was being saved, so it may or may not have been kept: "
            + "look before you send it again. Retry after a few seconds.",
        headers: [.retryAfter: "2"])

    static func validation(_ errors: [FieldError]) -> Problem {
        Problem(
            status: .unprocessableContent, title: "Validation failed", detail: "One or more fields are invalid.",
            errors: errors)
    }

    /// Maps store and validation errors to problems; anything else is not a client error.
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let p as Problem: return p
        case let v as ValidationFailure: return .validation(v.errors)
        case let s as StoreError:
            switch s {
            case .notFound: return .notFound()
            case .invalid(let v): return .validation(v.errors)
            case .conflict(let field, let message): return .conflict(message, field: field)
            case .duplicate(let field, let message): return .conflict(message, field: field, code: "duplicate")
            case .badRequest(let message): return .badRequest(message)
            }
        case let k as AccessRefusal:
            switch k {
            case .forbidden(let message): return .forbidden(message)
            }
        case let h as HTTPError:
            return Problem(status: h.status, title: h.status.reasonPhrase, detail: h.body)
        case let e where DatabaseAvailability.isUnavailable(e):
            return DatabaseAvailability.mayHaveSaved(e) ? .unavailableMidWrite : .unavailable
        default:
            return nil
        }
    }

    var json: JSONValue {
        var o: [String: JSONValue] = [
            "type": .string("about:blank"), "title": .string(title), "status": .int(Int64(status.code)),
        ]
        if let detail { o["detail"] = .string(detail) }
        if !errors.isEmpty {
            o["errors"] = .array(
                errors.map {
                    .object(["field": .string($0.field), "code": .string($0.code), "message": .string($0.message)])
                })
        }
        return .object(o)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: json.serialized())))
    }
}

extension JSONEncoder {
    /// Lore's JSON output: sorted keys for stable diffs, no escaped slashes.
    static var lore: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
