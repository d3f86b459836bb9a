import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// A request the HTTP parser refuses still gets a problem, through the whole server as `lore serve` builds it.
@Suite struct ParserErrorTests {
    @Test(arguments: TestDatabase.engines)
    func anOverlongSearchURLGetsAProblem(engine: Engine) async throws {
        try await TestDatabase.with(engine) { db in
            var config = AppConfig()
            config.port = 0
            var logger = Logger(label: "lore.test")
            logger.logLevel = .warning
            let app = try await buildApplication(database: db, config: config, logger: logger)
            try await app.test(.live) { client in
                // Over the decoder's 80 KB limit for the request line: a pasted document as search text.
                let query = String(repeating: "退款a", count: 30_000)
                let path = "/api/v1/kb/search?q=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .requestHeaderFieldsTooLarge)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
                    #expect(problem["status"] == .int(431))
                    #expect(problem["detail"]?.stringValue?.contains("request body") == true)
                }
            }
        }
    }
}

/// A malformed request line left no log line at all: the parser's refusals are logged like any request.
@Suite struct ParserErrorLogTests {
    @Test func aMalformedRequestLineIsLogged() async throws {
        try await TestDatabase.with(.sqlite) { db in
            var config = AppConfig()
            config.port = 0
            let lines = LogCapture()
            let logger = Logger(label: "lore.test") { _ in lines.handler }
            let app = try await buildApplication(database: db, config: config, logger: logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let reply = try RawSocket.exchange(port: port, request: "GARBAGE / NOT-HTTP\r\n\r\n")
                #expect(reply.hasPrefix("HTTP/1.1 400"))
                #expect(reply.contains("application/problem+json"))
            }
            let refused = lines.entries.filter { $0.message == "request refused by the HTTP parser" }
            #expect(refused.count == 1)
            #expect(refused.first?.metadata["status"] == "400")
            #expect(refused.first?.metadata["peer"] == "127.0.0.1")
        }
    }
}

/// Log lines kept in memory, to check what a server wrote.
final class LogCapture: @unchecked Sendable {
    // @unchecked: `stored` is only touched under `lock`.
    struct Entry {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }
    private let lock = NSLock()
    private var stored: [Entry] = []

    var entries: [Entry] { lock.withLock { stored } }
    var handler: Handler { Handler(capture: self, logLevel: .info) }

    func append(_ e: Entry) { lock.withLock { stored.append(e) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
            capture.append(Entry(level: event.level, message: "\(event.message)", metadata: all.mapValues { "\($0)" }))
        }
    }
}

/// A blocking TCP exchange on 127.0.0.1, for bytes no HTTP client would send.
enum RawSocket {
    static func exchange(port: Int, request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var reply = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            reply += buffer[0..<n]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
