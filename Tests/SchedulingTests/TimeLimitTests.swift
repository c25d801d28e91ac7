import Foundation
import Testing

@testable import Scheduling

/// `--time-limit` is a cap: a solve out of time still returns a valid plan.
@Suite struct TimeLimitTests {
    /// A limit already past when the first flow starts: the flow stops at once, and the plan is the greedy fill,
    /// valid by the shared scorer, with every pin kept, and marked as cut short.
    @Test(arguments: [(31, 1), (32, 2), (33, 3)] as [(UInt64, Int)])
    func aLimitThatStopsTheFirstFlowStillGivesAValidPlan(_ seed: UInt64, _ days: Int) throws {
        let instance = Fixtures.random(seed: seed, workers: 60, requests: 14, days: days, pins: true)
        let plan = solve(instance, options: SolveOptions(seed: seed, timeLimit: 0))
        #expect(plan.stats.timeLimitHit)
        #expect(plan.stats.mediumUpperBound == 0)
        #expect(plan.score.hard == 0)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
        for pin in instance.pinned { #expect(plan.assignments.contains(pin)) }
        // The greedy fill placed workers beyond the pins.
        #expect(plan.assignments.count > instance.pinned.count)
        // No better than the full solve (which is optimal in medium on these sizes or close to it).
        let full = solve(instance, options: SolveOptions(seed: seed))
        #expect(!full.stats.timeLimitHit)
        #expect(full.score >= plan.score)
    }

    /// The greedy fill alone honours minimum headcounts and weekly caps (the scorer checks rules 1-9): minimums from
    /// the random instance, and a worker whose cap allows one day of the three.
    @Test func theGreedyFillKeepsMinimumsAndWeeklyCaps() throws {
        var instance = Fixtures.random(seed: 5, workers: 30, requests: 10, days: 3)
        instance.workers[0].maxDaysPerWeek = 1
        #expect(instance.requests.contains { $0.minHeadcount > 1 })
        let plan = solve(instance, options: SolveOptions(timeLimit: 0))
        #expect(plan.stats.timeLimitHit)
        #expect(plan.score.hard == 0)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }
}
