import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Every exact day re-solve warm-started where the pair search runs (`Engine.warmsEveryDescent`, session gap20).
@Suite struct WarmEveryDescentTests {
    /// The rule is on exactly where the pair search runs: several plan days, at most 20,000 candidate pairs and a
    /// continuity weight; single days, large instances and instances without continuity keep cold re-solves.
    @Test func warmWhereThePairSearchRuns() {
        for candidates in [0, 500, 20_000, 20_001] {
            for days in [1, 2, 5] {
                for continuity: Int64 in [0, 30] {
                    let phases = SolveBudget.phases(candidates: candidates, days: days, continuity: continuity)
                    let budget = SolveBudget(total: 1_000_000, phases: phases, start: Date(), timeLimit: nil)
                    let expected = candidates > 0 && candidates <= 20_000 && days > 1 && continuity > 0
                    #expect(Engine.warmsEveryDescent(budget) == expected, "\(candidates) pairs, \(days) days")
                }
            }
        }
        let multi = Engine(Fixtures.random(seed: 11, workers: 12, requests: 8, days: 3), SolveOptions())
        #expect(multi.warmDescents == multi.budget.runs(.pairSearch))
        let single = Engine(Fixtures.random(seed: 11, workers: 12, requests: 8, days: 1), SolveOptions())
        #expect(!single.warmDescents)
    }

    /// Seeded multi-day instances (weekly caps, minimum headcounts, pins on every other seed): after kicks moved the
    /// days, every default re-solve (no `warm` argument) is warm, records the day's warm start and reaches the same
    /// objective as a cold re-solve of the same plan (the day's exact optimum); a default day descent never lowers
    /// the plan, ends where no cold re-solve of any day improves, and its plan passes the scorer.
    @Test(arguments: Array(1...8) as [UInt64])
    func defaultReSolvesAreWarmAndExact(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 7_013, workers: 16, requests: 14, days: 3 + Int(seed % 3), pins: seed % 2 == 0)
        var e = ChainsCrossoverTests.engine(instance)
        try #require(e.warmDescents)
        e.startFrom(lookaheadHalves: 0, first: true)
        var g = SplitMix64(seed: seed)
        var recorded = 0
        for step in 0..<(2 * e.nD) {
            e.kickDay(step % e.nD, rng: &g, share: 40)
            for d in 0..<e.nD {
                var cold = e
                cold.warmDescents = false
                cold.dayWarm = nil
                var warm = e
                _ = cold.resolveDay(d)
                _ = warm.resolveDay(d)
                #expect(cold.dayWarm == nil)
                if warm.dayWarm?.sol[d] != nil { recorded += 1 }
                #expect(warm.trueValue() == cold.trueValue(), "day \(d) after kick \(step)")
                e = warm
            }
        }
        #expect(recorded > 0)
        try ChainsWarmDescentTests.expectDescentEndsWhereNoColdReSolveImproves(&e, warm: false, instance)
    }

    /// Small random multi-day instances where the rule is on: the whole solve gives the same plan twice, never scores
    /// above the enumerated optimum (`BruteForce`), and its plan is valid for the scorer.
    @Test(arguments: Array(1...6) as [UInt64])
    func theSolveIsRepeatableAndBelowTheOptimum(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 6_151, workers: 5, requests: 6, days: seed % 2 == 0 ? 3 : 4, pins: seed % 3 == 0)
        let best = try #require(BruteForce(instance: instance).optimum())
        let options = SolveOptions(seed: seed, workBudget: 2_000_000)
        let plan = solve(instance, options: options)
        #expect(plan.assignments == solve(instance, options: options).assignments)
        #expect(plan.score <= Score(hard: 0, medium: best.medium, soft: best.soft))
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }
}
