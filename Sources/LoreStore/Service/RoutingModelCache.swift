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

    /// The model as of the database's current labels.
    func current(on db: any SQLDatabase) async throws -> RoutingModel {
        let stored = try await Self.storedVersion(on: db)
        if stored != version {
            let clock = ContinuousClock()
            let start = clock.now
            var fresh = RoutingModel()
            for (text, label) in try await Self.trainingSet(on: db) { fresh.add(text, label: label) }
            model = fresh
            version = stored
            let d = clock.now - start
            lastTrainingSeconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        return model
    }

    static func storedVersion(on db: any SQLDatabase) async throws -> Int64 {
        let v = try await db.select().column("value").from("service_settings").where("key", .equal, SQLBind("routing_version")).first()
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
                try r.decode(column: "subject", as: String.self) + "\n" + r.decode(column: "description", as: String.self),
                try r.decode(column: "training_label", as: Int64.self)
            )
        }
    }
}

extension RoutingModelCache {
    /// Trains from the database now (for measuring, and to take the first request's training off the request path).
    public func warm(on database: any LoreDatabase) async throws {
        _ = try await database.read { db in try await self.current(on: db) }
    }
}
