import LoreCore
import SQLKit

/// The routing model, trained from the stored cases and kept in memory. Every change to a training label bumps
/// `service_settings.routing_version` in the same transaction; a process whose model is at an older version than the
/// database (another process changed labels, or it has just started) retrains from the cases before predicting.
/// Changes made by this process are applied incrementally.
public actor RoutingModelCache {
    private var model = RoutingModel()
    private var version: Int64 = -1
    public private(set) var lastTrainingSeconds: Double = 0

    public init() {}

    /// A training change made in a committed transaction that moved the database to `newVersion`.
    public struct Change: Sendable {
        var add: (text: String, label: Int64)?
        var remove: (text: String, label: Int64)?
    }

    func apply(_ change: Change, newVersion: Int64) {
        guard version == newVersion - 1 else {
            version = -1  // someone else changed labels in between: retrain next time
            return
        }
        if let r = change.remove { model.remove(r.text, label: r.label) }
        if let a = change.add { model.add(a.text, label: a.label) }
        version = newVersion
    }

    /// The model as of the database's current labels. Retraining reads the labelled cases in batches and trains
    /// between reads, so it never holds a connection (or SQLite's write lock) while it tokenises.
    func current(database: any LoreDatabase) async throws -> RoutingModel {
        let stored = try await database.read { db in try await Self.storedVersion(on: db) }
        guard stored != version else { return model }
        let clock = ContinuousClock()
        let start = clock.now
        var fresh = RoutingModel()
        var after: Int64 = 0
        while true {
            let from = after
            let batch = try await database.read { db in try await Self.trainingBatch(after: from, on: db) }
            guard let last = batch.last else { break }
            for example in batch { fresh.add(example.text, label: example.label) }
            after = last.id
        }
        model = fresh
        version = stored
        let d = clock.now - start
        lastTrainingSeconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return model
    }

    static func trainingBatch(after: Int64, on db: any SQLDatabase) async throws -> [(
        id: Int64, text: String, label: Int64
    )] {
        try await db.raw(
            """
            SELECT id, subject, description, training_label FROM cases WHERE training_label IS NOT NULL AND id > \(bind: after) \
            ORDER BY id LIMIT 20000
            """
        ).all().map { r in
            (
                try r.decode(column: "id", as: Int64.self),
                CaseRouting.text(
                    subject: try r.decode(column: "subject", as: String.self),
                    description: try r.decode(column: "description", as: String.self)),
                try r.decode(column: "training_label", as: Int64.self)
            )
        }
    }

    static func storedVersion(on db: any SQLDatabase) async throws -> Int64 {
        let v = try await db.select().column("value").from("service_settings").where(
            "key", .equal, SQLBind("routing_version")
        ).first()
        return Int64(try v?.decode(column: "value", as: String.self) ?? "0") ?? 0
    }

    /// Bumps the version (atomically on both engines: the row is locked by the update) and returns the new one.
    static func bumpVersion(on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw(
            "UPDATE service_settings SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'routing_version' RETURNING value"
        ).first()
        return Int64(try row?.decode(column: "value", as: String.self) ?? "0") ?? 0
    }

    /// Cases whose department a person chose or confirmed.
    static func trainingSet(on db: any SQLDatabase) async throws -> [(text: String, label: Int64)] {
        try await db.select().columns("subject", "description", "training_label").from("cases").where(
            SQLColumn("training_label"), .isNot, SQLLiteral.null
        )
        .orderBy("id").all()
        .map { r in
            (
                CaseRouting.text(
                    subject: try r.decode(column: "subject", as: String.self),
                    description: try r.decode(column: "description", as: String.self)),
                try r.decode(column: "training_label", as: Int64.self)
            )
        }
    }
}

extension RoutingModelCache {
    /// Trains from the database now (for measuring, and to take the first request's training off the request path).
    public func warm(on database: any LoreDatabase) async throws {
        _ = try await current(database: database)
    }
}
