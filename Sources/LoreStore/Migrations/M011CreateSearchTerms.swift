import LoreCore
import SQLKit

/// Document frequencies for SQLite's full-text indexes (see ``SearchTerms``), counted from the indexes as they
/// stand. PostgreSQL ranks with `ts_rank`, which takes none, so it has no such table.
struct M011CreateSearchTerms: Migration {
    let version = 11
    let name = "create_search_terms"

    func apply(on db: any SQLDatabase, engine: Engine) async throws {
        guard engine == .sqlite else { return }
        try await db.raw(
            "CREATE TABLE search_terms (index_name TEXT NOT NULL, token TEXT NOT NULL, df BIGINT NOT NULL, PRIMARY KEY (index_name, token)) WITHOUT ROWID"
        ).run()
        for index in [FullTextDeclaration.articles, .cases] { try await SearchTerms.rebuild(index, on: db) }
    }
}
