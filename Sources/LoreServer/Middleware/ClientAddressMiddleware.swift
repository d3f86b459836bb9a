import HTTPTypes
import Hummingbird
import NIOCore

/// Behind a reverse proxy every request comes from the proxy's address, so sign-in throttling would lock out everyone
/// at once and the audit log would name the proxy. For a peer listed as a trusted proxy, the client address is taken
/// from `X-Forwarded-For` instead (see ``ClientAddress/resolve(peer:forwardedFor:trusted:)``).
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let peer = context.remoteAddress, trustedProxies.contains(peer) else {
            return try await next(request, context)
        }
        var context = context
        context.remoteAddress = ClientAddress.resolve(
            peer: peer, forwardedFor: request.headers[values: .xForwardedFor], trusted: trustedProxies)
        return try await next(request, context)
    }
}

public enum ClientAddress {
    /// The client's address given the connection's peer and every `X-Forwarded-For` value in order: the right-most
    /// entry that is not itself a trusted proxy. Entries further left are whatever the client chose to send, so they
    /// are never believed; an entry that is not an IP address means the header cannot be trusted, and the peer is used.
    public static func resolve(peer: String, forwardedFor: [String], trusted: Set<String>) -> String {
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return isIPAddress(hop) ? hop : peer
        }
        return peer
    }

    /// Whether the text is an IPv4 or IPv6 address (no port, no brackets, no host name).
    public static func isIPAddress(_ text: String) -> Bool {
        text.utf8.count <= 45 && (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}

extension HTTPField.Name {
    // A constant, valid header name (see HTTPField.Name.csrfToken for why this unwrap is allowed).
    // swift-format-ignore: NeverForceUnwrap
    static let xForwardedFor = Self("X-Forwarded-For")!
}
