import Foundation
import Testing

@testable import Scheduling

/// The iterated local search over exact day re-solves (`Engine.dayILS`).
@Suite struct LocalSearchDayILSTests {
    /// An engine holding the given plan (pins added from the problem).
    static func engine(_ instance: Instance, _ pairs: [Pair], seed: UInt64 = 0) -> Engine {
        var e = Engine(instance, SolveOptions(seed: seed, workBudget: 2_000_000))
        let (assign, cand) = LocalSearchTests.state(e.p, pairs)
        e.assign = assign
        e.assignCand = cand
        return e
    }

    /// Two workers, two two-day jobs: working crossed (a: J then K, b: K then J) loses both continuity bonuses; the
    /// kicks and descents reach the plan where each works one job both days, and never return a worse one.
    @Test func restoresContinuityFromACrossedPlan() {
        let (instance, start) = SmallInstances.crossedJobs(name: "crossed", bKm: 2)
        var e = Self.engine(instance, start)
        let before = e.currentScore()
        e.dayILS(iterations: 10, seed: 1)
        let after = e.currentScore()
        #expect(after.hard == 0)
        #expect(after.medium == before.medium)
        #expect(after.soft == before.soft + 60)
    }

    /// From an empty or a solved plan on random multi-day instances (pins included): valid, never worse, and the
    /// plan the shared scorer computes.
    @Test(arguments: [31, 32, 33, 34] as [UInt64])
    func neverWorseNeverInvalid(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed, workers: 24, requests: 10, days: 2 + Int(seed % 2), pins: seed % 2 == 0)
        for startPairs in [
            instance.pinned, solve(instance, options: SolveOptions(seed: seed, workBudget: 500_000)).assignments,
        ] {
            var e = Self.engine(instance, startPairs, seed: seed)
            let before = e.currentScore()
            let value = e.trueValue()
            e.dayILS(iterations: 20, seed: seed)
            let plan = e.makePlan()
            #expect(plan.score.hard == 0)
            #expect(plan.score >= before || before.hard < 0)
            #expect(e.trueValue() >= value)
            try Fixtures.expectScorerAgrees(instance, plan: plan)
        }
    }

    /// Same seed, same plan (the kicks use a seeded generator and array orders only).
    @Test func deterministic() {
        let instance = Fixtures.random(seed: 78, workers: 30, requests: 10, days: 3)
        var a = Self.engine(instance, [])
        var b = Self.engine(instance, [])
        a.dayILS(iterations: 25, seed: 5)
        b.dayILS(iterations: 25, seed: 5)
        #expect(a.assign == b.assign)
        #expect(a.assignCand == b.assignCand)
        let x = solve(instance, options: SolveOptions(seed: 2, workBudget: 1_000_000))
        let y = solve(instance, options: SolveOptions(seed: 2, workBudget: 1_000_000))
        #expect(x.assignments == y.assignments)
    }
}
