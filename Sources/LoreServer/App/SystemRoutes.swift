import Foundation
import Hummingbird
import LoreStore
import NIOCore
import Prometheus
import SQLKit

/// Health check, Prometheus metrics, static assets and the benchmark baseline route.
struct SystemRoutes {
    let database: any LoreDatabase
    let metrics: PrometheusCollectorRegistry
    let benchmarkRoutes: Bool

    func register(on router: Router<AppRequestContext>) {
        router.get("/health") { _, _ in
            do {
                let ms = try await database.pingMilliseconds()
                return try JSONIO.response(
                    .object(["status": .string("ok"), "database": .string(database.engine.rawValue), "db_ms": .int(ms)])
                )
            } catch {
                return try JSONIO.response(
                    .object(["status": .string("unavailable"), "database": .string(database.engine.rawValue)]),
                    status: .serviceUnavailable)
            }
        }
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16 * 1024)
            metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        for asset in StaticAssets.all {
            router.get(RouterPath("/static/\(asset.name)")) { _, _ in
                Response(
                    status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
                    body: .init(byteBuffer: ByteBuffer(bytes: asset.data)))
            }
        }
        if benchmarkRoutes {
            router.get("/bench/hello") { _, _ in "hello" }
        }
    }
}

/// The stylesheet, script and icon, read from the module's bundle once.
struct StaticAssets {
    let name: String
    let contentType: String
    let data: Data

    static let all: [StaticAssets] = [
        ("lore.css", "text/css; charset=utf-8"), ("lore.js", "text/javascript; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
    ]
    .compactMap { name, type in
        guard let url = Bundle.module.url(forResource: "Resources/static/\(name)", withExtension: nil),
            let data = try? Data(contentsOf: url)
        else {
            return nil
        }
        return StaticAssets(name: name, contentType: type, data: data)
    }
}
