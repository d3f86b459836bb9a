import Testing

@testable import LoreServer

/// Throttling and the audit log key on the client address; behind a proxy it must come from X-Forwarded-For, and
/// only when the proxy is trusted.
@Suite struct ClientAddressTests {
    let proxies: Set<String> = ["10.0.0.2", "10.0.0.3"]

    @Test func aTrustedProxysForwardedClientIsUsed() {
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.7"], trusted: proxies) == "203.0.113.7")
        // Two proxies in a row: the right-most untrusted hop is the client.
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.7, 10.0.0.3"], trusted: proxies)
                == "203.0.113.7")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["2001:db8::1"], trusted: proxies) == "2001:db8::1")
    }

    @Test func aClientCannotChooseItsAddress() {
        // Anything the client put in front of what the proxy appended is ignored.
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.9"], trusted: proxies)
                == "198.51.100.9")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "198.51.100.9"], trusted: proxies)
                == "198.51.100.9")
        // An untrusted peer's header is not read at all.
        #expect(
            ClientAddress.resolve(peer: "198.51.100.9", forwardedFor: ["1.2.3.4"], trusted: proxies) == "198.51.100.9")
        // Garbage, or nothing but proxies, falls back to the peer.
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["<script>"], trusted: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["10.0.0.3"], trusted: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trusted: proxies) == "10.0.0.2")
    }

    @Test func addressesAreRecognised() {
        #expect(
            ClientAddress.isIPAddress("192.168.1.10") && ClientAddress.isIPAddress("::1")
                && ClientAddress.isIPAddress("2001:db8::1"))
        #expect(
            !ClientAddress.isIPAddress("proxy.local") && !ClientAddress.isIPAddress("1.2.3.4:80")
                && !ClientAddress.isIPAddress(""))
    }
}
