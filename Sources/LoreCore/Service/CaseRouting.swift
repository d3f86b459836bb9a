/// How a case gets its department and what the routing model learns from: one rule for opening a case (form, API
/// or e-mail), re-routing, resolving and training.
public enum CaseRouting {
    /// What the model reads of a case, in training and in prediction alike: its subject, then its description.
    public static func text(subject: String, description: String) -> String { subject + "\n" + description }

    /// Where a new case goes, and why.
    public struct Decision: Sendable, Equatable {
        public var source: RoutingSource
        public var departmentID: Int64?
        /// The model's best guess and its probability, kept for the routing figures even when not followed.
        public var predictedDepartmentID: Int64?
        public var confidence: Double?

        public init(
            source: RoutingSource, departmentID: Int64? = nil, predictedDepartmentID: Int64? = nil,
            confidence: Double? = nil
        ) {
            self.source = source
            self.departmentID = departmentID
            self.predictedDepartmentID = predictedDepartmentID
            self.confidence = confidence
        }

        /// The label the model learns from the case when it opens: only a department a person chose.
        public var trainingLabel: Int64? { source == .manual ? departmentID : nil }
    }

    /// A department chosen by whoever opened the case stands. Otherwise the model's best guess is followed when it
    /// is at least `threshold` sure and names a department that still exists; otherwise the case waits in triage.
    /// The guess and the threshold are only worked out when no department was chosen.
    public static func decide(
        chosen: Int64?, best: () -> (label: Int64, probability: Double)?, threshold: () async throws -> Double,
        departmentExists: (Int64) async throws -> Bool
    ) async rethrows -> Decision {
        if let chosen { return Decision(source: .manual, departmentID: chosen) }
        let guess = best()
        var decision = Decision(source: .triage, predictedDepartmentID: guess?.label, confidence: guess?.probability)
        if let guess, guess.probability >= (try await threshold()), try await departmentExists(guess.label) {
            decision.source = .model
            decision.departmentID = guess.label
        }
        return decision
    }

    /// When a person settles a case's department — a manager re-routes it, or it is resolved in it — that department
    /// becomes the case's training label. The change to the model: the new label, replacing the old one if any;
    /// nil when the label is already that department.
    public static func relabel(trained: Int64?, settled: Int64?) -> (add: Int64, remove: Int64?)? {
        guard let settled, settled != trained else { return nil }
        return (settled, trained)
    }
}
