import Foundation
import Testing

@testable import Scheduling

/// The exact day re-solves before the single annealing round of a large multi-day instance (`Engine.dayPass`).
@Suite struct LocalSearchDayPassTests {
    /// An engine on `instance` holding the first flow's plan only: at a budget of 1,000 units the first flow overruns
    /// the flows' share, so no descent follows it (as on the county week at the default budget).
    static func afterFirstFlow(_ instance: Instance, seed: UInt64 = 1) -> Engine {
        var e = Engine(instance, SolveOptions(seed: seed, workBudget: 1000))
        e.startFrom(lookaheadHalves: 0, first: true)
        return e
    }

    /// More than 20,000 candidate pairs over three days (one annealing round): the search starts by re-solving day 1
    /// (between days 0 and 2), which overruns the local search's share at this budget, so nothing follows: day 1 is
    /// then exact given the others and re-solving it again gains nothing; the plan is valid, never worse than the
    /// start, and the shared scorer agrees.
    @Test(arguments: [1, 2] as [UInt64])
    func largeMultiDayRunsOnePass(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed, workers: 900, requests: 150, days: 3)
        var e = Self.afterFirstFlow(instance, seed: seed)
        try #require(e.p.candidateCount > 20_000)
        try #require(LocalSearch.rounds(candidates: e.p.candidateCount) == 1)
        #expect(e.stats.passes == 0)
        let before = e.currentScore()
        let value = e.trueValue()
        e.localSearch()
        #expect(e.stats.passes == 1)
        #expect(e.budget.left(.localSearch) < 0)
        let after = e.currentScore()
        #expect(after.hard == 0)
        #expect(after >= before)
        #expect(e.trueValue() >= value)
        let improvedAgain = e.resolveDay(1)
        #expect(!improvedAgain)
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// Small multi-day instances (nine rounds with day re-solves between them) and single days run no pass first.
    @Test func smallAndSingleDaysRunNone() {
        for (workers, days) in [(40, 3), (300, 1)] {
            let instance = Fixtures.random(seed: 7, workers: workers, requests: 20, days: days)
            var e = Self.afterFirstFlow(instance)
            let passes = e.stats.passes
            e.localSearch()
            #expect(e.stats.passes == passes)
        }
    }

    /// A large multi-day instance whose first flow left work for the day descent (the default budget): the descent
    /// ran to its end, so the search re-solves no day before annealing.
    @Test func noPassAfterADescent() throws {
        let instance = Fixtures.random(seed: 1, workers: 900, requests: 150, days: 3)
        var e = Engine(instance, SolveOptions(seed: 1))
        e.startFrom(lookaheadHalves: 0, first: true)
        try #require(e.p.candidateCount > 20_000)
        let passes = e.stats.passes
        try #require(passes > 0)
        e.localSearch()
        #expect(e.stats.passes == passes)
        #expect(e.budget.left(.localSearch) >= 0)
    }

    /// Same instance and budget, same plan.
    @Test func deterministic() {
        let instance = Fixtures.random(seed: 3, workers: 900, requests: 150, days: 3)
        let a = solve(instance, options: SolveOptions(seed: 3, workBudget: 1000))
        let b = solve(instance, options: SolveOptions(seed: 3, workBudget: 1000))
        #expect(a.assignments == b.assignments)
        #expect(a.score == b.score)
    }
}
