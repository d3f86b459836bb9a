import LoreCore
import LoreStore

/// Case input read strictly from JSON (the outputs are typed: ``CaseBody``).
enum CaseJSON {
    static let inputFields: Set<String> = [
        "subject", "description", "account_id", "contact_id", "product_id", "channel", "priority", "department_id",
        "assignee_id",
    ]

    static func input(_ object: [String: JSONValue]) throws -> CaseInput {
        var f = JSONFields(
            object, allowed: inputFields, hint: "accepted: " + inputFields.sorted().joined(separator: ", "))
        let subject = f.string("subject", required: true, maxLength: CaseInput.maximumSubjectLength, multiLine: false)
        let description = f.string("description", maxLength: CaseInput.maximumDescriptionLength)
        let input = CaseInput(
            subject: subject ?? "", description: description ?? "", accountID: f.id("account_id"),
            contactID: f.id("contact_id"),
            productID: f.id("product_id"), channel: f.choice("channel", CaseChannel.self, default: .web),
            priority: f.choice("priority", CasePriority.self, default: .normal), departmentID: f.id("department_id"),
            assigneeID: f.id("assignee_id"))
        try f.check()
        return input
    }
}
