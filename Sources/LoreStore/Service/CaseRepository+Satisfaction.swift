import Foundation
import LoreCore
import SQLKit

/// Satisfaction surveys: a tokenised link per resolved case that needs no login; a low score raises an account alert.
extension CaseRepository {
    /// Days a survey link stays valid.
    static let surveyDays: Int64 = 30

    /// Creates the survey and queues the e-mail to the contact. Returns the link, or nil when there is nobody to ask.
    static func requestSatisfaction(_ c: ServiceCase, publicURL: String, on db: any SQLDatabase) async throws -> String?
    {
        guard let contact = c.contactID,
            let row = try await db.select().column("email").from("contacts").where("id", .equal, SQLBind(contact))
                .first(),
            let email = try SQLValues.optionalString(row, "email"), !email.isEmpty
        else { return nil }
        let token = Secrets.randomToken()
        let now = Timestamp.now()
        let expires = Timestamp.format(epochMilliseconds: (Timestamp.parse(now) ?? 0) + surveyDays * 86_400_000)
        try await db.insert(into: "csat_requests").columns(
            "case_id", "token_hash", "contact_id", "email", "created_at", "expires_at"
        )
        .values(
            SQLBind(c.id), SQLBind(Secrets.digest(token)), SQLBind(contact), SQLBind(email), SQLBind(now),
            SQLBind(expires)
        ).run()
        let link = publicURL + "/csat/" + token
        try await db.insert(into: "mail_outbox").columns("case_id", "to_address", "subject", "body", "created_at")
            .values(
                SQLBind(c.id), SQLBind(email), SQLBind("[\(c.reference)] How did we do? / 您对本次服务满意吗？"),
                SQLBind(
                    "Your case \(c.reference) \"\(c.subject)\" has been resolved. Please rate our help (1–5): \(link)\n\n"
                        + "您的工单 \(c.reference)「\(c.subject)」已解决。请为我们的服务打分（1–5）：\(link)"), SQLBind(now)
            ).run()
        try await CaseRows.addEvent(c.id, "csat_requested", detail: email, actor: nil, on: db)
        return link
    }

    /// What the survey page shows: the case it is about, and whether it was already answered.
    public struct Survey: Sendable {
        public var caseReference: String
        public var subject: String
        public var score: Int?
        public var expired: Bool
    }

    public func survey(token: String) async throws -> Survey {
        try await database.read { db in
            let (row, c) = try await Self.surveyRow(token, on: db)
            return Survey(
                caseReference: c.reference, subject: c.subject,
                score: try SQLValues.optionalInt(row, "score").map(Int.init),
                expired: try row.decode(column: "expires_at", as: String.self) < Timestamp.now())
        }
    }

    static func surveyRow(_ token: String, on db: any SQLDatabase) async throws -> (any SQLRow, ServiceCase) {
        guard token.count <= 200,
            let row = try await db.select().columns("id", "case_id", "score", "expires_at").from("csat_requests")
                .where("token_hash", .equal, SQLBind(Secrets.digest(token))).first(),
            let c = try await CaseRows.fetch(id: try row.decode(column: "case_id", as: Int64.self), on: db)
        else { throw StoreError.notFound(entity: "csat_requests", id: 0) }
        return (row, c)
    }

    /// Records the customer's score (1–5) and comment, once. A 1 or 2 raises an alert on the case's account.
    public func answerSurvey(token: String, score: Int, comment: String?) async throws -> Survey {
        guard (1...5).contains(score) else { throw Self.invalid("score", "out_of_range", "must be 1 to 5") }
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comment, comment.count > 5_000 {
            throw Self.invalid("comment", "too_long", "must be at most 5000 characters")
        }
        return try await database.write { db in
            let (row, c) = try await Self.surveyRow(token, on: db)
            guard try row.decodeNil(column: "score") else {
                throw StoreError.conflict(field: "score", message: "this survey has already been answered")
            }
            guard try row.decode(column: "expires_at", as: String.self) >= Timestamp.now() else {
                throw StoreError.conflict(field: nil, message: "this survey link has expired")
            }
            let now = Timestamp.now()
            let text = comment.flatMap { $0.isEmpty ? nil : $0 }
            try await db.update("csat_requests").where(
                "id", .equal, SQLBind(try row.decode(column: "id", as: Int64.self))
            )
            .set("score", to: SQLBind(score)).set("comment", to: ArticleWrites.optional(text)).set(
                "answered_at", to: SQLBind(now)
            ).run()
            try await CaseRows.addEvent(c.id, "csat", detail: String(score), actor: nil, on: db)
            if score <= 2, let account = c.accountID {
                try await db.insert(into: "account_alerts").columns(
                    "account_id", "case_id", "kind", "score", "comment", "department_id", "created_at"
                )
                .values(
                    SQLBind(account), SQLBind(c.id), SQLBind("low_csat"), SQLBind(score), ArticleWrites.optional(text),
                    ArticleWrites.optional(c.departmentID), SQLBind(now)
                )
                .run()
            }
            return Survey(caseReference: c.reference, subject: c.subject, score: score, expired: false)
        }
    }

    /// Encodable as the API writes it (an item of the `AlertList` schema).
    public struct Alert: Sendable, Equatable, Encodable {
        public var id: Int64
        public var accountID: Int64
        public var accountName: String
        public var caseID: Int64?
        public var kind: String
        public var score: Int?
        public var comment: String?
        public var createdAt: String
    }

    /// Unacknowledged alerts a manager should see: their department's (all, for admins and managers without one).
    public func openAlerts(as p: Principal, limit: Int = 50) async throws -> [Alert] {
        guard CasePolicy.canConfigure(p) || p.role == .seniorAgent else { return [] }
        return try await database.read { db in
            var cond: SQLQueryString = "al.acknowledged_at IS NULL"
            if !CasePolicy.seesAll(p), let d = p.departmentID {
                cond = cond + " AND (al.department_id = \(bind: d) OR al.department_id IS NULL)"
            }
            return try await db.raw(
                """
                SELECT al.id, al.account_id, ac.name, al.case_id, al.kind, al.score, al.comment, al.created_at FROM account_alerts al \
                JOIN accounts ac ON ac.id = al.account_id WHERE \(cond) ORDER BY al.created_at DESC, al.id DESC LIMIT \(bind: limit)
                """
            ).all().map { r in
                Alert(
                    id: try r.decode(column: "id", as: Int64.self),
                    accountID: try r.decode(column: "account_id", as: Int64.self),
                    accountName: try r.decode(column: "name", as: String.self),
                    caseID: try SQLValues.optionalInt(r, "case_id"),
                    kind: try r.decode(column: "kind", as: String.self),
                    score: try SQLValues.optionalInt(r, "score").map(Int.init),
                    comment: try SQLValues.optionalString(r, "comment"),
                    createdAt: try r.decode(column: "created_at", as: String.self))
            }
        }
    }

    public func acknowledgeAlert(id: Int64, as p: Principal) async throws {
        guard CasePolicy.canConfigure(p) else { throw AccessRefusal.forbidden("only managers acknowledge alerts") }
        try await database.write { db in
            guard
                try await db.select().column("id").from("account_alerts").where("id", .equal, SQLBind(id)).where(
                    SQLColumn("acknowledged_at"), .is, SQLLiteral.null
                ).first() != nil
            else { throw StoreError.notFound(entity: "account_alerts", id: id) }
            try await db.update("account_alerts").where("id", .equal, SQLBind(id)).set(
                "acknowledged_by", to: SQLBind(p.userID)
            )
            .set("acknowledged_at", to: SQLBind(Timestamp.now())).run()
        }
    }
}
