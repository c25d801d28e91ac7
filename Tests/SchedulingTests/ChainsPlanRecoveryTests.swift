import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The plans the schedule relaxation builds from workers' schedules (`Engine.scheduleBonus`, `Engine.flowWithBonus`,
/// `ChainsSchedules.swift`): the first flow over every day with each schedule's links as a bonus.
@Suite struct ChainsPlanRecoveryTests {
    /// The option of the program behind every slot of the engine's current plan (-1: off), as `chosen`.
    static func chosen(_ e: Engine, _ dp: ScheduleDP) -> [Int32] {
        var chosen = [Int32](repeating: -1, count: e.assign.count)
        for s in 0..<e.assign.count where e.assign[s] >= 0 {
            for o in Int(dp.optStart[s])..<Int(dp.optStart[s + 1]) where dp.optReq[o] == e.assign[s] {
                chosen[s] = Int32(o)
            }
        }
        return chosen
    }

    /// The bonus of every option of a plan given as schedules (`scheduleBonus`, per option).
    static func bonus(_ e: Engine, _ dp: ScheduleDP, _ chosen: [Int32]) -> [Double] {
        let perSlot = e.scheduleBonus(dp, chosen)
        var perOption = [Double](repeating: 0, count: dp.optionCount)
        for s in 0..<chosen.count where chosen[s] >= 0 { perOption[Int(chosen[s])] = perSlot[s] }
        return perOption
    }

    /// Small seeded multi-day instances (weekly caps, minimum headcounts, history, pins on every other seed): given
    /// the schedules of an optimal plan (exhaustive enumeration, `BruteForce`, no code shared), the flow with their
    /// links as a bonus returns an optimal plan, with no polish. (With half a link's bonus on each of its days, as
    /// before, a plan that breaks one day of a link lost only half of it in the flow: on the generated instances of
    /// `scripts/dev/multiday-gap` the optimum's own schedules came back up to 153 points short.)
    @Test(arguments: Array(1...12) as [UInt64])
    func theOptimumsSchedulesGiveAnOptimum(_ seed: UInt64) throws {
        let days = 2 + Int(seed % 3)
        let workers = seed % 3 == 0 ? 4 : 3
        let instance = Fixtures.random(
            seed: seed &* 2_654_435_761, workers: workers, requests: 6, days: days, pins: seed % 2 == 0)
        let best = try #require(BruteForce(instance: instance).optimum())
        var e = LocalSearchDayILSTests.engine(instance, best.assignments)
        #expect(e.currentScore() == Score(hard: 0, medium: best.medium, soft: best.soft))
        let dp = ScheduleDP(
            e.p, nD: e.nD, SlotCandidates(e.p, nD: e.nD), allowed: [Bool](repeating: true, count: e.p.nR))
        let bonus = Self.bonus(e, dp, Self.chosen(e, dp))
        // Start the flow from an empty plan: nothing of the optimum but the bonus.
        (e.assign, e.assignCand) = e.pinnedAssignments()
        e.phase = .schedules
        e.flowWithBonus(dp, bonus)
        #expect(e.currentScore() == Score(hard: 0, medium: best.medium, soft: best.soft))
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// Larger seeded instances: from any valid plan's schedules (the first flow's, and the plan after the day
    /// descent), the flow with their links as a bonus never returns a plan worse by the engine's objective.
    @Test(arguments: Array(1...6) as [UInt64])
    func aPlansSchedulesNeverGiveAWorsePlan(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 7_919, workers: 24, requests: 12, days: 3 + Int(seed % 3), pins: seed % 2 == 1)
        var e = LocalSearchDayILSTests.engine(instance, instance.pinned)
        e.budget = SolveBudget(
            total: 50_000_000,
            phases: SolveBudget.phases(candidates: e.p.candidateCount, days: e.nD, continuity: e.p.continuity),
            start: Date(), timeLimit: nil)
        e.startFrom(lookaheadHalves: 0, first: true)
        let dp = ScheduleDP(
            e.p, nD: e.nD, SlotCandidates(e.p, nD: e.nD), allowed: [Bool](repeating: true, count: e.p.nR))
        e.phase = .schedules
        for _ in 0..<2 {
            let value = e.trueValue()
            let score = e.currentScore()
            let bonus = Self.bonus(e, dp, Self.chosen(e, dp))
            e.flowWithBonus(dp, bonus)
            #expect(e.trueValue() >= value)
            #expect(e.currentScore() >= score)
            #expect(e.currentScore().hard == 0)
            try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
            e.dayDescent()
        }
    }
}
