import Foundation
import Hummingbird
import LoreCore
import LoreStore
import NIOCore

/// Bulk import and export as JSON Lines (one article per line; the export carries each article's versions).
extension KnowledgeAPIController {
    func registerTransfer(on api: APIRouter) {
        api.on(.get, "/articles/export", access: .signedIn, use: export)
        api.on(.post, "/articles/import", access: .staff, use: importArticles)
    }

    @Sendable func export(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        var out = ByteBuffer()
        var after: Int64 = 0
        while true {
            let batch = try await kb.export(as: p, afterID: after)
            for (a, versions) in batch {
                out.writeString(KnowledgeTransfer.jsonLine(a, versions: versions))
                out.writeString("\n")
            }
            guard let last = batch.last else { break }
            after = last.article.id
        }
        return Response(
            status: .ok, headers: [.contentType: "application/x-ndjson; charset=utf-8"], body: .init(byteBuffer: out))
    }

    @Sendable func importArticles(_ request: Request, context: SignedInContext) async throws -> Response {
        let p = context.principal
        let mode = request.query.get("mode") ?? "atomic"
        guard mode == "atomic" || mode == "continue" else {
            throw Problem.badRequest("mode must be atomic (all or nothing) or continue")
        }
        let limit = 50 * 1024 * 1024
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw Problem(
                status: .contentTooLarge, title: "Content too large",
                detail: "An import may be at most 50 MB; split it.")
        }
        guard let text = String(data: Data(buffer.readableBytesView), encoding: .utf8) else {
            throw Problem.badRequest("The body is not valid UTF-8.")
        }
        let items = Self.parseLines(text)
        // Nothing to import is not an error (an export of an empty base imports as nothing).
        guard !items.isEmpty else {
            return try JSONIO.response(.object(["imported": .int(0), "failed": .int(0), "results": .array([])]))
        }
        let results = try await kb.importDocuments(items, atomic: mode == "atomic", as: p)
        let failed = results.filter { $0.error != nil }
        if mode == "atomic" && !failed.isEmpty {
            throw Problem(
                status: .unprocessableContent, title: "Import refused",
                detail: "Nothing was imported: \(failed.count) item(s) have errors.",
                errors: failed.map { FieldError(field: $0.source, code: "invalid", message: $0.error ?? "") })
        }
        return try JSONIO.response(
            .object([
                "imported": .int(Int64(results.count - failed.count)), "failed": .int(Int64(failed.count)),
                "results": .array(
                    results.map {
                        .object([
                            "source": .string($0.source), "id": $0.articleID.map(JSONValue.int) ?? .null,
                            "error": $0.error.map(JSONValue.string) ?? .null,
                        ])
                    }),
            ]), status: failed.isEmpty ? .created : .ok,
            // Many articles at once: the address is the list they joined (each result carries its own id).
            headers: failed.isEmpty ? [.location: "/api/v1/articles"] : [:])
    }

    /// One document per non-empty line, or that line's error.
    static func parseLines(_ text: String) -> [(
        source: String, document: Result<ArticleDocument, FrontMatter.ParseError>
    )] {
        var out: [(String, Result<ArticleDocument, FrontMatter.ParseError>)] = []
        // Split on any line ending: "\r\n" (a browser form, a Windows file) is one Character in Swift, not a "\n".
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let source = "line \(i + 1)"
            do {
                guard case .object(var o) = try JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)) else {
                    throw FrontMatter.ParseError(line: 0, message: "not a JSON object")
                }
                var status = ArticleStatus.draft
                if let s = o.removeValue(forKey: "status")?.stringValue, s == "published" { status = .published }
                // Exported lines carry read-only fields; drop them so an export imports as it is.
                for key in o.keys where !ArticleInputBody.fieldNames.contains(key) { o.removeValue(forKey: key) }
                out.append(
                    (
                        source,
                        .success(ArticleDocument(input: try ArticleInputBody.read(o, base: nil).0, status: status))
                    ))
            } catch let e as FrontMatter.ParseError {
                out.append((source, .failure(e)))
            } catch let p as Problem {
                let detail =
                    p.errors.isEmpty
                    ? (p.detail ?? p.title) : p.errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
                out.append((source, .failure(FrontMatter.ParseError(line: 0, message: detail))))
            } catch {
                out.append((source, .failure(FrontMatter.ParseError(line: 0, message: "not well-formed JSON"))))
            }
        }
        return out
    }
}
