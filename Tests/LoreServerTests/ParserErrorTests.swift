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
