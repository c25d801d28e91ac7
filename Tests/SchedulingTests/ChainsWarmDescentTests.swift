import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The warm-started day re-solves and descent of the worker schedules phase (`ChainsWarmDescent.swift`).
@Suite struct ChainsWarmDescentTests {
    /// Seeded multi-day instances (weekly caps, minimum headcounts, pins on every other seed): from the first flow's
    /// plan, each day solved once to fill the warm starts, then kicked days (perturbed re-solves) so that the days
    /// beside them moved: every warm re-solve of a day reaches the same objective as the cold one from the same plan
    /// (the day's optimum), the warm descent never lowers the plan and ends where no cold day re-solve improves, and
    /// its plan passes the scorer.
    @Test(arguments: Array(1...10) as [UInt64])
    func warmReSolvesReachTheColdOptimum(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 6_007, workers: 16, requests: 14, days: 3 + Int(seed % 3), pins: seed % 2 == 0)
        var e = ChainsCrossoverTests.engine(instance)
        e.warmDescents = false
        e.startFrom(lookaheadHalves: 0, first: true)
        e.dayWarm = DayWarmStarts(nD: e.nD)
        for d in 0..<e.nD { _ = e.resolveDay(d, warm: true) }
        var g = SplitMix64(seed: seed)
        var warmUsed = 0
        for step in 0..<(2 * e.nD) {
            e.kickDay(step % e.nD, rng: &g, share: 40)
            for d in 0..<e.nD {
                let warmed = e.dayWarm?.sol[d].map { !$0.prices.isEmpty } ?? false
                if warmed { warmUsed += 1 }
                var cold = e
                cold.warmDescents = false
                var warm = e
                _ = cold.resolveDay(d)
                _ = warm.resolveDay(d, warm: true)
                #expect(warm.trueValue() == cold.trueValue(), "day \(d) after kick \(step)")
                e.dayWarm = warm.dayWarm
            }
        }
        #expect(warmUsed > 0)
        try Self.expectDescentEndsWhereNoColdReSolveImproves(&e, warm: true, instance)
    }

    /// Runs the day descent (warm or by default) and checks it: the true value and the score never fall, no cold
    /// re-solve of any day improves the plan it ends at, and the scorer agrees with that plan.
    static func expectDescentEndsWhereNoColdReSolveImproves(
        _ e: inout Engine, warm: Bool, _ instance: Instance, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = e.trueValue()
        let score = e.currentScore()
        e.dayDescent(warm: warm)
        #expect(e.trueValue() >= before, sourceLocation: sourceLocation)
        #expect(e.currentScore() >= score, sourceLocation: sourceLocation)
        for d in 0..<e.nD {
            var cold = e
            cold.warmDescents = false
            let improved = cold.resolveDay(d)
            #expect(!improved, "day \(d) still improves", sourceLocation: sourceLocation)
        }
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan(), sourceLocation: sourceLocation)
    }

    /// On a generated four-day instance (60 workers), a day re-solved again after the days beside it moved costs
    /// less than half the work units of the cold re-solve, for the same objective.
    @Test func aWarmReSolveCostsLessThanACold() throws {
        let url = Fixtures.instances.appendingPathComponent("multiday/gen-scarce-w60-r15-d4-s4.json")
        let instance = try InstanceDecoder.decode([UInt8](try Data(contentsOf: url)))
        var e = ChainsCrossoverTests.engine(instance)
        e.warmDescents = false
        e.startFrom(lookaheadHalves: 0, first: true)
        e.dayWarm = DayWarmStarts(nD: e.nD)
        for d in 0..<e.nD { _ = e.resolveDay(d, warm: true) }
        var g = SplitMix64(seed: 5)
        e.kickDay(1, rng: &g, share: 40)
        var coldUnits = 0
        var warmUnits = 0
        for d in [0, 2] {
            var cold = e
            cold.warmDescents = false
            var warm = e
            let c0 = cold.workLeft
            _ = cold.resolveDay(d)
            coldUnits += c0 - cold.workLeft
            let w0 = warm.workLeft
            _ = warm.resolveDay(d, warm: true)
            warmUnits += w0 - warm.workLeft
            #expect(warm.trueValue() == cold.trueValue())
        }
        #expect(2 * warmUnits < coldUnits, "warm \(warmUnits), cold \(coldUnits)")
    }
}
