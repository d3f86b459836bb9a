import LoreCore
import Testing

@testable import LoreServer

/// Each fixed-shape JSON body is stated once, as the Swift type that reads it; the OpenAPI document's request schema
/// for it must list the same fields, the same required ones and the same nullable ones.
@Suite struct OpenAPIInputTests {
    /// The request schemas of the fixed-shape routes and the types that read them.
    static let inputs: [String: any JSONInput.Type] = [
        "CaseCreate": NewCaseBody.self, "CaseMessageCreate": CaseMessageBody.self,
        "CaseAssign": CaseAssignmentBody.self,
        "CaseStatusChange": CaseStatusBody.self, "CasePriorityChange": CasePriorityBody.self,
        "CaseReroute": CaseRerouteBody.self, "CaseEscalate": CaseEscalationBody.self,
        "CaseResolve": CaseResolutionBody.self, "CaseSolvedWith": SolvedWithBody.self,
        "ServiceSettingsUpdate": ServiceSettingsInput.self, "SurveyAnswer": SurveyAnswerBody.self,
        "ArticleCreate": ArticleInputBody.self, "ArticleUpdate": ArticleInputBody.self,
        "ArticleProposalCreate": ProposalBody.self, "ArticleFeedback": FeedbackBody.self,
        "ArticleComment": CommentBody.self, "ArticleRejection": RejectionBody.self,
        "RelatedRequest": RelatedArticlesBody.self,
        "CaseMacroInput": MacroInput.self, "UserCreate": UserInputBody.self, "UserUpdate": UserInputBody.self,
        "ApiTokenCreate": NewTokenBody.self,
    ]

    /// Required by rules beyond the body's shape: a new article or user needs these (a PATCH does not).
    static let requiredByRules: [String: Set<String>] = [
        "ArticleCreate": ["type", "language", "title", "body"], "UserCreate": ["email", "name", "role", "password"],
        "CaseAssign": ["assignee_id"],
    ]

    /// Fields a type reads only to refuse them with a clear problem (a user's e-mail cannot be changed).
    static let readOnly: [String: Set<String>] = ["UserUpdate": ["email"]]

    @Test func everyFixedShapeBodyHasItsType() {
        let records = Set(Catalog.all.flatMap { [$0.typeName + "Create", $0.typeName + "Update"] })
        let used = Set(OpenAPIDocument.allOperations.compactMap(\.request)).subtracting(records)
        // A lead conversion reuses the opportunity schema's rules for its fields (a schema-driven record's input).
        #expect(used.subtracting(["LeadConversion"]) == Set(Self.inputs.keys))
    }

    @Test func eachRequestSchemaMatchesTheTypeThatReadsIt() throws {
        let schemas = try #require(OpenAPIDocument.build()["components"]?["schemas"])
        for (name, type) in Self.inputs.sorted(by: { $0.key < $1.key }) {
            let shape = JSONValueDecoder.shape(of: type)
            let schema = try #require(schemas[name], "\(name) is not in the document")
            guard case .object(let properties)? = schema["properties"] else {
                Issue.record("\(name) has no properties")
                continue
            }
            let fields = Set(shape.fields).subtracting(Self.readOnly[name] ?? [])
            #expect(Set(properties.keys) == fields, "\(name): the fields")
            let required = Set((schema["required"]?.items ?? []).compactMap(\.stringValue))
            #expect(required == shape.required.union(Self.requiredByRules[name] ?? []), "\(name): required")
            let nullable = Set(properties.filter { $0.value["type"]?.items.contains(.string("null")) == true }.keys)
            #expect(nullable == shape.nullable.intersection(fields), "\(name): nullable")
        }
    }
}
