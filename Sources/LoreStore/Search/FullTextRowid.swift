import LoreCore
import SQLKit

/// How a document is keyed in its SQLite full-text table (migrations 15 and 16): its rowid is not the record id
/// but `(base - id) << 23 | length`, where length is the document's number of index tokens (all fields).
///
/// Why: ranking (`lore_bm25_rowid`, Sources/CLoreRank) needs each match's length, and reading it from FTS5's
/// `%_docsize` table was most of a search's cost at a million articles; carried in the rowid, it costs nothing.
/// Counting the id down from `base` makes the index's natural (ascending) order newest first, which is the order
/// the ranking cap walks, and FTS5 walks a doclist forward faster than backward (bench/RESULTS.md §4, session 9).
enum FullTextRowid {
    static let lengthBits = 23
    /// The largest length a rowid holds (8,388,607 tokens); longer documents are counted as this long.
    static let maxLength = (1 << lengthBits) - 1
    /// Record ids from 1 up to this one fit (about 1.1 × 10^12).
    static let base: Int64 = (1 << 40) - 1

    static func make(id: Int64, length: Int) throws -> Int64 {
        guard id >= 1, id <= base else {
            throw StoreError.invalid(
                ValidationFailure([
                    FieldError(field: "id", code: "range", message: "ids above \(base) cannot be indexed")
                ]))
        }
        return (base - id) << Int64(lengthBits) | Int64(min(max(length, 0), maxLength))
    }

    /// The rowids a document can have, whatever its length: for a delete that does not know the stored length.
    static func range(id: Int64) -> ClosedRange<Int64> {
        let low = (base - id) << Int64(lengthBits)
        return low...(low | Int64(maxLength))
    }

    /// A condition on `rowid` picking the document's row, whatever length it carries.
    static func row(of id: Int64) -> SQLQueryString {
        let rowids = range(id: id)
        return "rowid BETWEEN \(bind: rowids.lowerBound) AND \(bind: rowids.upperBound)"
    }

    /// SQL for the record id of `table`'s current row.
    static func recordID(in table: String) -> SQLQueryString {
        "(\(unsafeRaw: String(base)) - (\(unsafeRaw: table).rowid >> \(unsafeRaw: String(lengthBits))))"
    }

    /// The same in SQL, for a migration that re-keys rows: length counted as tokens separated by single spaces
    /// (how Lore stores analysed tokens; see ``SQLiteFullTextIndex``).
    static func sql(id: String, columns: [String]) -> String {
        func tokens(_ column: String) -> String {
            "(length(\(column)) - length(replace(\(column), ' ', '')) + (\(column) <> ''))"
        }
        return
            "((\(base) - \(id)) << \(lengthBits)) | min(\(columns.map(tokens).joined(separator: " + ")), \(maxLength))"
    }
}
