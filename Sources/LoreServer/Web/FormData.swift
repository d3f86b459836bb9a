import Foundation
import Hummingbird
import LoreCore
import LoreStore

/// An `application/x-www-form-urlencoded` body whose CSRF token has been checked.
struct FormData: Sendable {
    var values: [String: [String]]

    subscript(key: String) -> String? { values[key]?.last }

    /// The submitted fields as JSON strings for ``RecordValidator`` in form mode; multi-selects are joined with commas.
    func input(for schema: EntitySchema) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (key, list) in values where schema.field(key) != nil || key == "owner_id" {
            if let f = schema.field(key), !f.isColumn {
                out[key] = .string(list.filter { !$0.isEmpty }.joined(separator: ","))
            } else if let last = list.last {
                out[key] = .string(last)
            }
        }
        return out
    }

    /// Parses the body; the form must carry the session's CSRF token in `_csrf` (or, before sign-in, match the login cookie).
    static func parse(_ request: Request, context: some LoreRequestContext, expectedCSRF: String? = nil) async throws
        -> FormData
    {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw WebError(status: .contentTooLarge, messageKey: "msg_error")
        }
        guard let text = String(data: Data(buffer.readableBytesView), encoding: .utf8) else {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        var values: [String: [String]] = [:]
        for pair in FormEncoding.rawPairs(text[...]) {
            guard let key = FormEncoding.decode(pair.key), let value = FormEncoding.decode(pair.value) else {
                throw WebError(status: .badRequest, messageKey: "msg_error")
            }
            values[key, default: []].append(value)
        }
        let form = FormData(values: values)
        guard let expected = expectedCSRF ?? context.csrfToken, let sent = form["_csrf"],
            Secrets.constantTimeEqual(sent, expected)
        else {
            throw WebError(status: .forbidden, messageKey: "msg_csrf")
        }
        return form
    }
}

/// An error shown to a browser as a page.
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    var messageKey: String
}
