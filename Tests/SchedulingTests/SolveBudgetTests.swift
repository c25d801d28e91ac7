import Foundation
import Testing

@testable import Scheduling

/// The one solver budget (`SolveBudget`): its split among the phases that run, every phase drawing from its own
/// share, the same budget giving the same plan, and the time limit as a cap that still returns a valid plan.
@Suite struct SolveBudgetTests {
    static let now = Date()

    @Test func theTotalIsSplitByWeightAmongThePhasesThatRun() {
        let all = SolveBudget.phases(candidates: 5_000, days: 3, continuity: 30)
        // Every phase of the version 1 engine (the general engine of version 2 has a budget of its own).
        #expect(all == Set(SolvePhase.allCases).subtracting([.general]))
        let budget = SolveBudget(total: 70_000_000, phases: all, start: Self.now, timeLimit: nil)
        #expect(budget.allowance(.flows) == 17_500_000)
        #expect(budget.allowance(.localSearch) == 2_916_666)
        #expect(budget.allowance(.dayKicks) == 17_500_000)
        #expect(budget.allowance(.scheduleExchange) == 2_916_666)
        #expect(budget.allowance(.pairSearch) == 17_500_000)
        #expect(budget.allowance(.schedules) == 11_666_666)
        // The continuity chains run last, on what the others left.
        #expect(budget.allowance(.chains) == 70_000_000)
        #expect(SolvePhase.allCases.filter { $0 != .chains }.reduce(0) { $0 + budget.allowance($1) } <= budget.total)

        // One day, or more than 20,000 candidate pairs: the flows and the local search share the whole budget.
        for phases in [
            SolveBudget.phases(candidates: 5_000, days: 1, continuity: 30),
            SolveBudget.phases(candidates: 1_000_000, days: 5, continuity: 30),
        ] {
            #expect(phases == [.flows, .localSearch])
            let large = SolveBudget(total: 70_000_000, phases: phases, start: Self.now, timeLimit: nil)
            #expect(large.allowance(.flows) == 60_000_000)
            #expect(large.allowance(.localSearch) == 10_000_000)
            #expect(large.allowance(.pairSearch) == 0)
            #expect(!large.runs(.dayKicks))
        }
        // Without continuity weight there is nothing for the exchange and the pair search to gain.
        #expect(SolveBudget.phases(candidates: 5_000, days: 3, continuity: 0) == [.flows, .localSearch, .dayKicks])
        #expect(SolveBudget.phases(candidates: 0, days: 3, continuity: 30) == [.flows])
        // No overflow on an absurd budget.
        let huge = SolveBudget(total: Int.max, phases: all, start: Self.now, timeLimit: nil)
        #expect(huge.allowance(.flows) > 0)
    }

    @Test func chargesComeOffTheirOwnShare() {
        var budget = SolveBudget(
            total: 2_400, phases: SolveBudget.phases(candidates: 10, days: 2, continuity: 30), start: Self.now,
            timeLimit: nil)
        budget.charge(.flows, 600)
        #expect(budget.left(.flows) == 0)
        #expect(budget.left(.pairSearch) == 600)
        budget.charge(.flows, 10)
        #expect(budget.left(.flows) == -10)
        #expect(budget.left(.dayKicks) == 600)
        #expect(budget.left(.chains) == 2_400 - 610)
        budget.charge(.chains, 90)
        #expect(budget.left(.chains) == 2_400 - 700)
        #expect(budget.left(.flows) == -10)
    }

    /// A small multi-day instance runs every phase; each phase spends about its share and no more (work under way is
    /// finished first, so a phase may overrun by the flows of one step, small here).
    @Test(arguments: [3, 4] as [UInt64])
    func everyPhaseDrawsFromItsShare(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed, workers: 40, requests: 14, days: 3, pins: true)
        let total = 400_000
        let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: total))
        let budget = SolveBudget(
            total: total, phases: SolveBudget.phases(candidates: plan.stats.candidatePairs, days: 3, continuity: 30),
            start: Self.now, timeLimit: nil)
        #expect(Set(plan.stats.work.keys).union([.chains]) == Set(SolvePhase.allCases).subtracting([.general]))
        let others = plan.stats.work.filter { $0.key != .chains }.values.reduce(0, +)
        #expect(plan.stats.work[.chains, default: 0] <= max(0, total - others) + 60_000)
        // What a phase ending on a stall left of its share went to its heirs: the day kicks' (session chains17), the
        // flows' after the chain moves and the pair search's, which may pass on what it was handed (session gap19).
        func left(_ phase: SolvePhase, handed: Int = 0) -> Int {
            max(0, budget.allowance(phase) + handed - plan.stats.work[phase, default: 0])
        }
        let fromDayKicks = left(.dayKicks)
        let fromFlows = left(.flows)
        let fromPairSearch = left(.pairSearch, handed: fromDayKicks + fromFlows)
        func handed(to phase: SolvePhase) -> Int {
            (Engine.dayKickHeirs.contains(phase) ? fromDayKicks : 0)
                + (Engine.chainMoveHeirs.contains(phase) ? fromFlows : 0)
                + (Engine.pairSearchHeirs.contains(phase) ? fromPairSearch : 0)
        }
        for (phase, spent) in plan.stats.work where phase != .chains {
            #expect(spent > 0)
            let allowance = budget.allowance(phase) + handed(to: phase)
            #expect(spent <= allowance + 60_000, "\(phase) spent \(spent) of \(allowance)")
        }
        #expect(plan.score.hard == 0)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }

    /// The same budget and seed give the same plan (and spend the same work), whatever the machine or the clock.
    @Test(arguments: [300_000, 3_000_000] as [Int])
    func theSameBudgetGivesTheSamePlan(_ total: Int) {
        let instance = Fixtures.random(seed: 61, workers: 40, requests: 14, days: 3, pins: true)
        let a = solve(instance, options: SolveOptions(seed: 5, workBudget: total))
        let b = solve(instance, options: SolveOptions(seed: 5, workBudget: total))
        #expect(a.assignments == b.assignments)
        #expect(a.unfilled == b.unfilled)
        #expect(a.score == b.score)
        #expect(a.stats.work == b.stats.work)
        #expect(a.stats.flowWork == b.stats.flowWork)
        #expect(!a.stats.timeLimitHit)
    }

    /// A budget of zero still gives a valid plan: the first flow always runs to the end (only the deadline stops it),
    /// every later step is skipped.
    @Test func aZeroBudgetStillGivesAValidPlan() throws {
        let instance = Fixtures.random(seed: 62, workers: 30, requests: 12, days: 2, pins: true)
        let plan = solve(instance, options: SolveOptions(workBudget: 0))
        #expect(plan.score.hard == 0)
        #expect(plan.assignments.count > instance.pinned.count)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }

    /// A time limit that runs out during the search (not at once) is a cap: the solve stops soon after it and returns
    /// a valid plan marked as cut short; the work budget is not what stopped it.
    @Test func aTimeLimitDuringTheSearchStillGivesAValidPlan() throws {
        let instance = Fixtures.random(seed: 63, workers: 120, requests: 40, days: 3, pins: true)
        let limit = 0.3
        let started = Date()
        let plan = solve(instance, options: SolveOptions(seed: 1, workBudget: Int.max / 2, timeLimit: limit))
        let seconds = Date().timeIntervalSince(started)
        #expect(plan.stats.timeLimitHit)
        #expect(seconds < limit + 10)
        #expect(plan.score.hard == 0)
        for pin in instance.pinned { #expect(plan.assignments.contains(pin)) }
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }
}
