import Metrics

/// Where a knowledge-base search spends its time, as `lore_kb_search_phase_seconds{phase=...}` on `/metrics`:
/// `rank` (the ranking statement with the candidates' signals, and its any-word fallback), `facets` (the statement
/// listing the matching ids, beside `rank`, when the ranking statement does not list them itself), `count` (counting
/// those ids over the facet columns), `page` (the page's rows) and `snippets`. Created on first use, after `lore serve` has
/// set up the metrics system; elsewhere (tests, the CLI) they record nowhere.
enum SearchPhaseTimer {
    static let rank = Timer(label: "lore_kb_search_phase_seconds", dimensions: [("phase", "rank")])
    static let facets = Timer(label: "lore_kb_search_phase_seconds", dimensions: [("phase", "facets")])
    static let count = Timer(label: "lore_kb_search_phase_seconds", dimensions: [("phase", "count")])
    static let page = Timer(label: "lore_kb_search_phase_seconds", dimensions: [("phase", "page")])
    static let snippets = Timer(label: "lore_kb_search_phase_seconds", dimensions: [("phase", "snippets")])

    /// Runs `work` and records its duration on `timer`.
    static func time<T>(_ timer: Timer, _ work: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { timer.record(duration: ContinuousClock.now - start) }
        return try await work()
    }
}
