import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser rejects — a request line or headers over the limits (a search query of some
/// hundred kilobytes in the URL, say) or malformed syntax — with a problem+json body, and closes the connection.
/// Without it Hummingbird answers such a request with an empty 400, which tells the client nothing.
/// It sits in the channel pipeline after the HTTP decoder, before Hummingbird sees the request.
final class ParserErrorHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// The decoder's limits (Hummingbird's defaults), named in the message.
    static let headerLimitKilobytes = 80

    /// The request never reaches the router, so its log line is written here (as RequestLogMiddleware would).
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let (status, detail) = Self.problem(for: parserError)
        logger.notice(
            "request refused by the HTTP parser",
            metadata: [
                "status": .stringConvertible(Int(status.code)), "error": .string("\(parserError)"),
                "peer": .string(context.remoteAddress?.ipAddress ?? "unknown"),
            ])
        let body = ByteBuffer(
            bytes: Problem(status: status, title: status.reasonPhrase, detail: detail).json.serialized())
        let head = HTTPResponse(
            status: status,
            headerFields: [
                .contentType: "application/problem+json", .contentLength: String(body.readableBytes),
                .connection: "close",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    static func problem(for error: HTTPParserError) -> (HTTPResponse.Status, String) {
        switch error {
        case .headerOverflow:
            return (
                .requestHeaderFieldsTooLarge,
                "The request line or headers are longer than the server accepts (\(headerLimitKilobytes) KB). "
                    + "Shorten the URL (a search text, say), or send long input in a request body where the API takes one."
            )
        case .invalidURL:
            return (.badRequest, "The request URL is malformed.")
        default:
            return (.badRequest, "The request is not valid HTTP/1.1.")
        }
    }
}
