import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

@Suite struct OpenAPITests {
    @Test func everyRegisteredRouteIsDocumented() async throws {
        try await TestApp.with(.sqlite) { app in
            let validator = SchemaValidator(document: app.openAPI)
            let routes = app.routes.all
            #expect(routes.count > 100)
            for route in routes {
                #expect(
                    validator.operation(method: route.method, path: route.path) != nil,
                    "\(route.method) \(route.path) is missing from openapi.json")
            }
        }
    }

    @Test func everyReferenceInTheDocumentResolves() {
        var refs: [String] = []
        func walk(_ v: JSONValue) {
            switch v {
            case .object(let o):
                if let r = o["$ref"]?.stringValue { refs.append(r) }
                o.values.forEach(walk)
            case .array(let a): a.forEach(walk)
            default: break
            }
        }
        walk(OpenAPIDocument.build())
        let validator = SchemaValidator(document: OpenAPIDocument.build())
        #expect(!refs.isEmpty)
        for r in refs { #expect(validator.resolve(.object(["$ref": .string(r)])) != .null, "\(r) does not resolve") }
    }

    @Test func theDocumentIsServed() async throws {
        try await TestApp.with(.sqlite) { app in
            let (status, doc) = try await app.api(.get, "/api/v1/openapi.json", as: nil, validate: false)
            #expect(status == .ok)
            #expect(doc["openapi"] == .string("3.1.0"))
            #expect(doc["paths"]?["/api/v1/accounts/{id}"]?["patch"] != nil)
        }
    }
}
