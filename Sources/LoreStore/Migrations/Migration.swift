import SQLKit

/// One numbered, append-only change to the schema. Never edit a migration that has shipped; add a new one.
public protocol Migration: Sendable {
    var version: Int { get }
    var name: String { get }
    func apply(on db: any SQLDatabase, engine: Engine) async throws
}

/// All migrations, in order.
public enum Migrations {
    public static let all: [any Migration] = [
        M001CreatePeople(),
        M002CreateCatalogue(),
        M003CreateCustomers(),
        M004CreateSales(),
        M005CreateActivity(),
        M006CreateIndexes(),
        M007CreateKnowledgeBase(),
        M008AddArticlePlainText(),
        M009CreateServiceDesk(),
        M010AddCaseSLAPause(),
        M011CreateSearchTerms(),
        M012CreateArticleFacetIndex(),
        M013KeepSearchVectorsInline(),
        M014CreateArticleIndexLog(),
        M015KeyArticleIndexByLength(),
        M016KeyCaseIndexByLength(),
        M017CreateCaseMacros(),
    ]
}

/// Column helpers shared by migrations, so every record table has the same bookkeeping columns.
extension SQLCreateTableBuilder {
    /// `id`, times and authorship, and for owned records `owner_id` and `team_id`.
    func recordColumns(owned: Bool) -> Self {
        var b = self.column("id", type: .bigint, .primaryKey)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("updated_by", type: .bigint, .references("users", "id"))
            .column("archived_at", type: .text)
        if owned {
            b = b.column("owner_id", type: .bigint, .references("users", "id"))
                .column("team_id", type: .bigint, .references("teams", "id"))
        }
        return b
    }

    func text(_ name: String, notNull: Bool = false) -> Self {
        notNull ? column(name, type: .text, .notNull) : column(name, type: .text)
    }

    func bigint(_ name: String, notNull: Bool = false) -> Self {
        notNull ? column(name, type: .bigint, .notNull) : column(name, type: .bigint)
    }

    func boolean(_ name: String) -> Self {
        column(name, type: .custom(SQLRaw("BOOLEAN")))
    }

    func double(_ name: String) -> Self {
        column(name, type: .custom(SQLRaw("DOUBLE PRECISION")))
    }

    func ref(_ name: String, _ table: String, notNull: Bool = false, cascade: Bool = false) -> Self {
        let r = SQLColumnConstraintAlgorithm.references(table, "id", onDelete: cascade ? .cascade : nil)
        return notNull ? column(name, type: .bigint, .notNull, r) : column(name, type: .bigint, r)
    }

    /// A join table for a reference set: `record_id` → owner table, `member_id` → member table.
    static func joinColumns(_ b: SQLCreateTableBuilder, owner: String, member: String) -> SQLCreateTableBuilder {
        b.column("record_id", type: .bigint, .notNull, .references(owner, "id", onDelete: .cascade))
            .column("member_id", type: .bigint, .notNull, .references(member, "id", onDelete: .cascade))
            .primaryKey("record_id", "member_id")
    }
}
