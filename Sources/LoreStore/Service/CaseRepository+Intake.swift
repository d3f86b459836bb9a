import LoreCore
import SQLKit

/// E-mail intake: a parsed message opens a case, or joins the case whose reference its subject quotes.
extension CaseRepository {
    public struct IntakeResult: Sendable {
        public var serviceCase: ServiceCase
        /// False when the message was added to an existing case.
        public var created: Bool
        public var contactID: Int64?
    }

    public func intake(_ mail: MailMessage, priority: CasePriority = .normal, as p: Principal) async throws
        -> IntakeResult
    {
        guard CasePolicy.serviceRoles.contains(p.role) else {
            throw AccessRefusal.forbidden("only the service desk takes in e-mail")
        }
        let body = TextRule.sanitized(
            mail.text.isEmpty ? "(no text)" : mail.text, maxLength: CaseInput.maximumDescriptionLength, multiLine: true)
        let (contact, account) = try await database.read { db in try await Self.matchContact(mail.fromAddress, on: db) }
        if let id = CaseReference.find(in: mail.subject) {
            let existing = try await database.write { db -> ServiceCase? in
                guard let c = try await CaseRows.fetch(id: id, on: db), c.status != .closed,
                    CasePolicy.canRead(c, principal: p)
                else { return nil }
                // Only the case's own contact (or, without one, any sender) may add to it by quoting its reference.
                if let cc = c.contactID, cc != contact { return nil }
                if let m = mail.messageID, try await Self.seen(messageID: m, on: db) { return c }
                try await Self.addCustomerMessage(
                    c, body: body, from: mail.fromAddress, messageID: mail.messageID, actor: p.userID, on: db)
                return try await CaseRows.fetch(id: id, on: db)
            }
            if let existing { return IntakeResult(serviceCase: existing, created: false, contactID: contact) }
        }
        if let m = mail.messageID,
            let known = try await database.read({ db in try await Self.caseFor(messageID: m, on: db) })
        {
            return IntakeResult(serviceCase: try await get(id: known, as: p), created: false, contactID: contact)
        }
        var subject = TextRule.sanitized(
            TextRule.isBlank(mail.subject) ? String(body.prefix(80)) : mail.subject,
            maxLength: CaseInput.maximumSubjectLength, multiLine: false)
        if TextRule.isBlank(subject) { subject = "(no subject)" }
        let input = CaseInput(
            subject: subject, description: body, accountID: account, contactID: contact, channel: .email,
            priority: priority)
        let c = try await create(input, origin: Origin(fromAddress: mail.fromAddress, messageID: mail.messageID), as: p)
        return IntakeResult(serviceCase: c, created: true, contactID: contact)
    }

    /// The contact with this address (primary or secondary e-mail), case-insensitively; the oldest if several.
    static func matchContact(_ address: String, on db: any SQLDatabase) async throws -> (Int64?, Int64?) {
        let row = try await db.raw(
            """
            SELECT id, account_id FROM contacts WHERE archived_at IS NULL AND (LOWER(email) = \(bind: address.lowercased()) \
            OR LOWER(email_secondary) = \(bind: address.lowercased())) ORDER BY id LIMIT 1
            """
        ).first()
        guard let row else { return (nil, nil) }
        return (try row.decode(column: "id", as: Int64.self), try SQLValues.optionalInt(row, "account_id"))
    }

    static func seen(messageID: String, on db: any SQLDatabase) async throws -> Bool {
        try await caseFor(messageID: messageID, on: db) != nil
    }

    /// Re-sent mail (same Message-ID) is not taken in twice.
    static func caseFor(messageID: String, on db: any SQLDatabase) async throws -> Int64? {
        try await db.select().column("case_id").from("case_messages").where("message_id", .equal, SQLBind(messageID))
            .first()
            .map { try $0.decode(column: "case_id", as: Int64.self) }
    }
}
