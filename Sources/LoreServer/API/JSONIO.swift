import Foundation
import Hummingbird
import LoreCore
import NIOCore

/// Reading JSON request bodies strictly and writing JSON responses.
enum JSONIO {
    /// The body read as a `T`, every bad field named in one 422 (see ``JSONValueDecoder``).
    static func input<T: JSONInput>(_ type: T.Type, _ request: Request, context: some RequestContext) async throws -> T
    {
        try JSONValueDecoder().decode(T.self, from: try await object(request, context: context))
    }

    /// The request body as a JSON object; 413 when too large, 415 when not JSON, 400 when malformed.
    static func object(_ request: Request, context: some RequestContext) async throws -> [String: JSONValue] {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw Problem(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "Send the body as application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Problem(
                status: .contentTooLarge, title: "Content too large",
                detail: "The body may be at most \(context.maxUploadSize) bytes.")
        }
        guard buffer.readableBytes > 0 else {
            throw Problem.badRequest("The request body is empty; send a JSON object.")
        }
        let data = Data(buffer.readableBytesView)
        guard String(data: data, encoding: .utf8) != nil else {
            throw Problem.badRequest("The body is not valid UTF-8.")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw Problem.badRequest("The body is not well-formed JSON.")
        }
        guard case .object(let object) = value else { throw Problem.badRequest("The body must be a JSON object.") }
        return object
    }

    /// A typed body (its shape stated once, as a Swift type), written through ``JSONValueEncoder``.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        try response(try JSONValueEncoder().encode(value), status: status, headers: headers)
    }

    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }

    static func noContent() -> Response { Response(status: .noContent) }
}
