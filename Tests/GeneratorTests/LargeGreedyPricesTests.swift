import Foundation
import Testing

@testable import Generator
@testable import Scheduling

/// A large one-day root flow may start from greedy prices (`GeneralEngine.greedyStart`, on a province day): the start
/// changes the work, never the optimum, and the plan made from it is valid.
@Suite struct LargeGreedyPricesTests {
    /// One-day generated version 2 instances of a few hundred workers.
    static func day(_ seed: UInt64) throws -> Instance {
        var g = InstanceGenerator(workers: 400, requestsPerDay: 100, days: 1, seed: seed, flavor: .balanced)
        g.version2 = .standard
        return try InstanceDecoder.decode(InstanceJSONWriter.encode(g.generate()))
    }

    @Test func theGreedyStartReachesTheColdOptimumWithLessWork() throws {
        var cheaper = 0
        for seed: UInt64 in [1, 2, 3, 4] {
            let instance = try Self.day(seed)
            let engine = GeneralEngine(Problem(instance), SolveOptions(seed: seed))
            var coldEngine = engine
            let cold = coldEngine.largeRelaxation(value: engine.baseValues())
            var greedyEngine = engine
            let greedy = GeneralEngine.$largeGreedyPairsOverride.withValue(0) {
                greedyEngine.largeRelaxation(value: engine.baseValues())
            }
            try #require(cold.complete && greedy.complete)
            #expect(greedy.value == cold.value, "seed \(seed)")
            #expect(greedy.medium == cold.medium, "seed \(seed)")
            if greedy.work < cold.work { cheaper += 1 }
        }
        #expect(cheaper >= 3, "the greedy start should save work on most days")
    }

    @Test func aPlanFromTheGreedyStartIsValid() throws {
        for seed: UInt64 in [5, 6] {
            let instance = try Self.day(seed)
            let plan = GeneralEngine.$largeGreedyPairsOverride.withValue(0) {
                LargeVersion2Tests.solveLarge(instance, SolveOptions(seed: seed))
            }
            let report = score(instance, assignments: plan.assignments)
            #expect(report.score.hard == 0, "seed \(seed): \(report.violations.prefix(3))")
            #expect(plan.score == report.score)
        }
    }
}
