import LoreCore
import LoreStore
import LoreTestSupport
import Testing

@testable import LoreServer

/// Every entity's routes: success, validation failure and permission denial, each response checked against OpenAPI.
@Suite struct RecordAPITests {
    @Test(arguments: TestDatabase.engines)
    func everyEntityRoundTripsThroughTheAPI(engine: Engine) async throws {
        try await TestApp.with(engine) { app in
            let admin = app.fixtures.admin
            var refs: [String: Int64] = ["users": admin.userID]
            for (n, schema) in Catalog.all.enumerated() {
                let base = "/api/v1/\(schema.path)"
                let input = SampleValues.input(schema, n: n, refs: refs)
                let (created, record) = try await app.api(.post, base, as: admin, json: .object(input))
                #expect(created == .created, "\(schema.name): \(record)")
                guard let id = record["id"]?.intValue else { continue }
                refs[schema.name] = id
                for (key, value) in input
                where schema.field(key)?.kind != .money && schema.field(key)?.kind != .dateTime {
                    #expect(
                        record[key] == value, "\(schema.name).\(key) came back as \(String(describing: record[key]))")
                }

                let (got, fetched) = try await app.api(.get, "\(base)/\(id)", as: admin)
                #expect(got == .ok && fetched == record)
                let (listed, page) = try await app.api(.get, base + "?limit=200", as: admin)
                #expect(listed == .ok)
                #expect(page.listContains(id: id))

                let patchField =
                    schema.fields.first { !$0.readOnly && !$0.unique && $0.kind == .longText }
                    ?? schema.fields.first { !$0.readOnly && !$0.unique && $0.kind == .text(maxLength: 200) }
                if let f = patchField {
                    let (patched, updated) = try await app.api(
                        .patch, "\(base)/\(id)", as: admin, json: .object([f.name: .string("改过 changed")]))
                    #expect(patched == .ok && updated[f.name] == .string("改过 changed"), "\(schema.name)")
                }

                // Validation failure: an unknown field and a wrong type are both named.
                let firstField = schema.fields.first { !$0.readOnly }!
                let (invalid, problem) = try await app.api(
                    .post, base, as: admin, json: .object(["no_such_field": .int(1), firstField.name: .object([:])]))
                #expect(invalid == .unprocessableContent)
                let named = problem.errorFields
                #expect(named.isSuperset(of: ["no_such_field", firstField.name]), "\(schema.name): \(named)")
                if schema.fields.contains(where: { $0.required && !$0.readOnly }) {
                    let (missing, _) = try await app.api(.post, base, as: admin, json: .object([:]))
                    #expect(missing == .unprocessableContent)
                }
                let (notFound, _) = try await app.api(.get, "\(base)/987654", as: admin)
                #expect(notFound == .notFound)
                let (anonymous, _) = try await app.api(.get, base, as: nil)
                #expect(anonymous == .unauthorized)

                // Permission denial: some role may not create or delete this kind of record.
                let roles = [app.fixtures.agent, app.fixtures.rep, app.fixtures.knowledgeManager]
                if let p = roles.first(where: { !Permissions.allows($0.role, .create, on: schema) }) {
                    let (denied, _) = try await app.api(.post, base, as: p, json: .object(input))
                    #expect(denied == .forbidden, "\(p.role) creating \(schema.name)")
                } else if let p = roles.first(where: { !Permissions.allows($0.role, .delete, on: schema) }) {
                    let (denied, _) = try await app.api(.delete, "\(base)/\(id)", as: p)
                    #expect(denied == .forbidden, "\(p.role) deleting \(schema.name)")
                }
            }
            // Archive and restore, newest first so nothing that refers to a record blocks it.
            for schema in Catalog.all.reversed() {
                guard let id = refs[schema.name] else { continue }
                let base = "/api/v1/\(schema.path)"
                let (archived, record) = try await app.api(.delete, "\(base)/\(id)", as: admin)
                #expect(archived == .ok && record["archived_at"] != .null)
                let (_, visible) = try await app.api(.get, base + "?limit=200", as: admin)
                #expect(!visible.listContains(id: id))
                let (restored, back) = try await app.api(.post, "\(base)/\(id)/restore", as: admin)
                #expect(restored == .ok && back["archived_at"] == .null)
            }
            let (conflict, _) = try await app.api(
                .delete, "/api/v1/accounts/\(refs["accounts"]!)?permanent=true", as: admin)
            #expect(conflict == .conflict)
            let (deleted, _) = try await app.api(.delete, "/api/v1/tasks/\(refs["tasks"]!)?permanent=true", as: admin)
            #expect(deleted == .noContent)
        }
    }
}
