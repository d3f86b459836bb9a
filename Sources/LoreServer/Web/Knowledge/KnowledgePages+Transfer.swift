import Hummingbird
import LoreCore
import LoreStore

/// Import and export in the browser: export downloads JSON Lines; import takes pasted JSON Lines (or a file, which
/// `lore.js` reads into the box), all or nothing unless the user chooses to go on past bad lines.
extension KnowledgePages {
    func registerTransfer(on router: RouterGroup<SignedInContext>) {
        router.get("/kb/transfer") { _, context in
            try await transferPage(context, results: nil, text: "", keepGoing: false)
        }
        router.post("/kb/transfer", use: importArticles)
    }

    @Sendable func importArticles(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = context.principal
        guard p.role.isStaff else { throw WebError(status: .forbidden, messageKey: "msg_forbidden") }
        let form = try await FormData.parse(request, context: context)
        let text = form["jsonl"] ?? ""
        let keepGoing = form["mode"] == "continue"
        let items = KnowledgeTransfer.parseJSONLines(text)
        guard !items.isEmpty else {
            return try await transferPage(
                context, results: [], text: text, keepGoing: keepGoing, flash: context.localizer("kb_import_empty"))
        }
        let results = try await kb.importDocuments(items, atomic: !keepGoing, as: p)
        return try await transferPage(
            context, results: results, text: results.allSatisfy { $0.error == nil } ? "" : text,
            keepGoing: keepGoing)
    }

    func transferPage(
        _ context: SignedInContext, results: [ImportOutcome]?, text: String, keepGoing: Bool, flash: String? = nil
    ) async throws
        -> Response
    {
        let p = context.principal
        guard p.role.isStaff else { throw WebError(status: .forbidden, messageKey: "msg_forbidden") }
        let t = context.localizer
        var data: [String: Any] = ["jsonl": text, "keep_going": keepGoing, "report": false]
        if let results, !results.isEmpty {
            let failed = results.filter { $0.error != nil }
            let refused = !keepGoing && !failed.isEmpty
            data["report"] =
                [
                    "summary": refused
                        ? t.format("kb_import_refused", ["n": String(failed.count)])
                        : t.format(
                            "kb_import_done",
                            ["ok": String(results.count - failed.count), "failed": String(failed.count)]),
                    "is_error": !failed.isEmpty,
                    "errors": failed.map { ["source": $0.source, "error": $0.error ?? ""] },
                    "imported": results.compactMap { r in
                        r.articleID.map { ["href": "/kb/articles/\($0)", "source": r.source] }
                    },
                ] as [String: Any]
        }
        let failedAny = results?.contains { $0.error != nil } ?? false
        return try services.pages.render(
            "kb_transfer", title: "\(t("kb_import")) / \(t("kb_export"))", data: data, context: context,
            status: failedAny && !keepGoing ? .unprocessableContent : .ok, flash: flash, flashIsError: flash != nil)
    }
}
