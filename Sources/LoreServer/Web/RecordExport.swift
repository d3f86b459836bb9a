import Foundation
import Hummingbird
import LoreCore
import LoreStore

/// `GET /<entity>/export.csv?<the list's filters>`: the filtered list as CSV, streamed a page at a time, so a million
/// rows never sit in memory. `bom=1` starts the file with a byte order mark for spreadsheet programs.
extension RecordPagesController {
    func export(_ schema: EntitySchema, _ request: Request, _ context: SignedInContext) async throws -> Response {
        let p = try context.authorize(.read, schema)
        let params = request.query.filter { !$0.value.isEmpty && !["bom", "cursor", "limit"].contains($0.key) }
            .map { (String($0.key), String($0.value)) }
        var query: ListQuery
        do {
            query = try ListQueryParser.parse(params, schema: schema)
        } catch {
            throw WebError(status: .badRequest, messageKey: "msg_error")
        }
        query.limit = ListQuery.maximumLimit
        let (t, records, bom) = (context.localizer, services.records, request.query.get("bom") == "1")
        let fields = schema.fields
        let header =
            ["id"] + fields.map { t.fieldLabel($0.name) } + (schema.owned ? [t.fieldLabel("owner_id")] : [])
            + [t.fieldLabel("created_at"), t.fieldLabel("updated_at")]
        let first = query
        let body = ResponseBody { writer in
            if bom { try await writer.write(ByteBuffer(bytes: CSV.byteOrderMark)) }
            try await writer.write(ByteBuffer(string: CSV.line(header)))
            var next: ListQuery? = first
            while let q = next {
                let page = try await records.list(schema, query: q, as: p)
                let view = try await RecordView.make(
                    schema, records: page.records, repo: records, principal: p, t: t, timeZoneOffset: 0)
                var chunk = ""
                for r in page.records {
                    chunk += CSV.line(
                        [String(r.id)] + fields.map { Self.csvValue(r, $0, view: view) }
                            + (schema.owned ? [view.ownerName(r)] : []) + [r.createdAt, r.updatedAt])
                }
                try await writer.write(ByteBuffer(string: chunk))
                next = page.nextCursor.map { cursor in
                    var more = q
                    more.cursor = cursor
                    return more
                }
            }
            try await writer.finish(nil)
        }
        let name = "\(schema.path)-\(Timestamp.now().prefix(10)).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
            ], body: body)
    }

    /// A value as a spreadsheet should read it: names for references, labels for choices, plain decimals for money,
    /// times as stored (ISO 8601, UTC).
    static func csvValue(_ r: Record, _ field: FieldSchema, view: RecordView) -> String {
        switch (field.kind, r[field.name]) {
        case (_, .null): return ""
        case (.money, .int(let minor)): return CSV.amount(minor)
        case (.boolean, .bool(let b)): return b ? "true" : "false"
        case (.dateTime, .string(let s)): return s
        case (.reference, _), (.referenceSet, _), (.choice, _):
            let cell = view.cell(r, field)
            return cell.links.map { $0.map(\.text).joined(separator: "; ") } ?? cell.text
        default: return RecordView.plain(r[field.name])
        }
    }
}
