import Hummingbird
import LoreCore
import LoreStore

/// `GET /cases/export.csv?<the queue's filters>`: the case list as CSV, streamed 200 cases at a time, with the
/// customer, department and assignee by name. `bom=1` starts the file with a byte order mark for spreadsheets.
extension CasePages {
    func export(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let (p, t) = (context.principal, context.localizer)
        var query = try PageQuery.parse { try CaseQueryParser.listQuery(request.query) }
        query.limit = 200
        query.offset = 0
        let bom = request.query.get("bom") == "1"
        let (cases, records) = (self.cases, services.records)
        let header = [
            "svc_reference", "svc_field_subject", "svc_field_status", "svc_field_priority", "audit_tier",
            "svc_field_department", "svc_field_assignee", "svc_field_account", "svc_field_contact", "svc_field_channel",
            "svc_opened", "svc_first_response", "svc_resolution_due", "svc_resolution",
        ].map { t($0) }
        let first = query
        let body = ResponseBody { writer in
            if bom { try await writer.write(ByteBuffer(bytes: CSV.byteOrderMark)) }
            try await writer.write(ByteBuffer(string: CSV.line(header)))
            let directory = try await cases.directory()
            var q = first
            while true {
                let (page, _) = try await cases.list(q, as: p)
                let names = try await CaseCustomers.load(page, records: records, as: p)
                let chunk = page.map { c in
                    CSV.line([
                        c.reference, c.subject, t("svc_status_\(c.status.rawValue)"),
                        t("svc_priority_\(c.priority.rawValue)"), String(c.tier.rawValue),
                        directory.departmentName(c.departmentID) ?? "", directory.agentName(c.assigneeID) ?? "",
                        c.accountID.flatMap { names.accounts[$0] } ?? "",
                        c.contactID.flatMap { names.contacts[$0] } ?? "",
                        t("svc_channel_\(c.channel.rawValue)"), c.createdAt, c.sla.firstResponseDue,
                        c.sla.resolutionDue,
                        c.resolution ?? "",
                    ])
                }.joined()
                try await writer.write(ByteBuffer(string: chunk))
                guard page.count == q.limit else { break }
                q.offset += q.limit
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"cases-\(Timestamp.now().prefix(10)).csv\"",
                .cacheControl: "no-store",
            ], body: body)
    }
}
