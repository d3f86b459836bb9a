import LoreCore
import Testing

/// The one routing rule that case creation, e-mail intake, re-routing, resolution and training share.
@Suite struct CaseRoutingTests {
    @Test func aChosenDepartmentStandsAndIsTheOnlyLabelLearnedAtOpening() async {
        let manual = await CaseRouting.decide(chosen: 7, best: { (3, 0.99) }, threshold: { 0.6 }) { _ in true }
        #expect(manual == CaseRouting.Decision(source: .manual, departmentID: 7))
        #expect(manual.trainingLabel == 7)
        // With a department chosen, neither the model nor the threshold is consulted.
        var consulted = false
        _ = await CaseRouting.decide(
            chosen: 7,
            best: {
                consulted = true; return nil
            }, threshold: { 0.6 }
        ) { _ in true }
        #expect(!consulted)
        let model = await CaseRouting.decide(chosen: nil, best: { (3, 0.8) }, threshold: { 0.6 }) { _ in true }
        #expect(
            model.source == .model && model.departmentID == 3 && model.trainingLabel == nil && model.confidence == 0.8)
    }

    @Test func unsureDeletedOrUntrainedGoesToTriageKeepingTheGuess() async {
        let unsure = await CaseRouting.decide(chosen: nil, best: { (3, 0.59) }, threshold: { 0.6 }) { _ in true }
        #expect(unsure.source == .triage && unsure.departmentID == nil && unsure.predictedDepartmentID == 3)
        let gone = await CaseRouting.decide(chosen: nil, best: { (3, 0.95) }, threshold: { 0.6 }) { _ in false }
        #expect(gone.source == .triage && gone.departmentID == nil)
        let untrained = await CaseRouting.decide(chosen: nil, best: { nil }, threshold: { 0.6 }) { _ in true }
        #expect(untrained == CaseRouting.Decision(source: .triage))
        let atThreshold = await CaseRouting.decide(chosen: nil, best: { (4, 0.6) }, threshold: { 0.6 }) { _ in true }
        #expect(atThreshold.source == .model)
    }

    @Test func settlingADepartmentRelabelsOnlyWhenItChanges() {
        #expect(CaseRouting.relabel(trained: nil, settled: 2)! == (2, nil))
        #expect(CaseRouting.relabel(trained: 1, settled: 2)! == (2, 1))
        #expect(CaseRouting.relabel(trained: 2, settled: 2) == nil)
        #expect(CaseRouting.relabel(trained: 2, settled: nil) == nil)
        #expect(CaseRouting.text(subject: "Refund", description: "late") == "Refund\nlate")
    }
}
