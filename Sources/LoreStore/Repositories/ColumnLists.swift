import LoreCore
import SQLKit

/// Each entity's select list as ready-made SQL text. Serialising twenty `SQLColumn`s on every query was a
/// measurable share of a single-record GET; the quoted list is the same on SQLite and PostgreSQL.
enum ColumnLists {
    private static let lists: [String: String] = Dictionary(
        uniqueKeysWithValues: Catalog.all.map { schema in
            (schema.name, RecordRepository.selectColumns(schema).map { "\"\($0)\"" }.joined(separator: ", "))
        })

    static func expression(_ schema: EntitySchema) -> SQLRaw {
        SQLRaw(lists[schema.name] ?? RecordRepository.selectColumns(schema).map { "\"\($0)\"" }.joined(separator: ", "))
    }
}
