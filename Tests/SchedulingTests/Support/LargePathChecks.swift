import Testing

@testable import Scheduling

/// What several suites check of the large path (`runLarge`, `GeneralEngine.largePairsOverride` at 0).
enum LargePathChecks {
    /// The first row that is a candidate for exactly three requests: its index, its requests, and each request's
    /// position in the row by its id.
    static func threeJobRow(
        _ engine: GeneralEngine, _ instance: Instance, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (row: Int, reqs: [Int], at: [String: Int]) {
        let row = try #require(engine.rowCands.firstIndex { $0.count == 3 }, sourceLocation: sourceLocation)
        let reqs = engine.rowCands[row].map { Int(engine.candReq[Int($0)]) }
        let at = Dictionary(uniqueKeysWithValues: reqs.enumerated().map { (instance.requests[$0.1].id, $0.0) })
        return (row, reqs, at)
    }

    /// The large path's plan of `instance` (seeded by `seed`) is valid and never above `optimum`, and its bound,
    /// where the general engine runs, is at least the optimum's medium (a true upper bound).
    static func expectPlanAtMost(
        _ optimum: Score, _ instance: Instance, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let plan = GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: SolveOptions(seed: seed)) }
        #expect(score(instance, assignments: plan.assignments).score.hard == 0, sourceLocation: sourceLocation)
        #expect(plan.score <= optimum, "seed \(seed)", sourceLocation: sourceLocation)
        if GeneralEngine.needed(Problem(instance)) {
            #expect(plan.stats.mediumUpperBound >= optimum.medium, "seed \(seed)", sourceLocation: sourceLocation)
        }
    }
}
