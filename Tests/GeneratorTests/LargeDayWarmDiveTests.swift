import Foundation
import Testing

@testable import Generator
@testable import Scheduling

/// The large path's dives start warm from the flow before them (`GeneralEngine.largeDiveWarmEpsilon`): on generated
/// version 2 days, a dive's flow solved warm from the root's prices has the value and medium of the same flow solved
/// from the zero flow's prices (a warm start changes the work, never the optimum).
@Suite struct LargeDayWarmDiveTests {
    @Test func aWarmDiveHasTheColdDivesOptimum() throws {
        var dived = 0
        for seed: UInt64 in [3, 6, 9, 12] {
            let instance = try LargeVersion2Tests.instance(seed)
            var engine = GeneralEngine(Problem(instance), SolveOptions(seed: seed))
            let value = engine.baseValues()
            let root = engine.largeRelaxation(value: value)
            try #require(root.complete)
            var holds = LargeDiveHolds(candidates: engine.p.candidateCount)
            guard engine.holdDive(root.rows, value: value, holds: &holds) else { continue }
            dived += 1
            let cold = engine.largeRelaxation(value: value, singleRows: holds.single, forbidden: holds.forbidden)
            let warm = engine.largeRelaxation(
                value: value, singleRows: holds.single, forbidden: holds.forbidden,
                warm: GeneralCostScaling.WarmStart(prices: root.prices, epsilon: GeneralEngine.largeDiveWarmEpsilon))
            #expect(cold.complete && warm.complete)
            #expect(warm.value == cold.value, "seed \(seed)")
            #expect(warm.medium == cold.medium, "seed \(seed)")
            #expect(warm.value <= root.value, "a dive holds rows: its flow is worth at most the root's")
        }
        #expect(dived > 0, "no generated day had a row to hold")
    }
}
