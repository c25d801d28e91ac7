import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The crossover plan of the schedule relaxation (`Engine.planFromCrossover`, `ChainsSchedules.swift`): the flow over
/// every day with the averaged schedules' bonus plus the best plan's own schedules' bonus, then the polish.
@Suite struct ChainsCrossoverTests {
    /// An engine on `instance` holding only its pins, with a work budget of `budget` units.
    static func engine(_ instance: Instance, budget: Int = 50_000_000) -> Engine {
        var e = Engine(instance, SolveOptions(seed: 0, workBudget: budget))
        (e.assign, e.assignCand) = e.pinnedAssignments()
        return e
    }

    /// Seeded instances (weekly caps, minimum headcounts, history, pins on every other seed): with no averaged bonus
    /// the crossover is the flow with the plan's own schedules as its bonus, so it never returns a plan worse by the
    /// engine's objective, and the plan it returns passes the scorer.
    @Test(arguments: Array(1...6) as [UInt64])
    func theCrossoverAloneNeverLoses(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 104_729, workers: 24, requests: 12, days: 3 + Int(seed % 3), pins: seed % 2 == 0)
        var e = Self.engine(instance)
        e.startFrom(lookaheadHalves: 0, first: true)
        let lookup = SlotCandidates(e.p, nD: e.nD)
        let dp = ScheduleDP(e.p, nD: e.nD, lookup, allowed: [Bool](repeating: true, count: e.p.nR))
        let windows = e.exchangeWindows()
        e.phase = .schedules
        for _ in 0..<2 {
            let value = e.trueValue()
            let score = e.currentScore()
            e.planFromCrossover(dp, [Double](repeating: 0, count: dp.optionCount), windows, lookup)
            #expect(e.trueValue() >= value)
            #expect(e.currentScore() >= score)
            #expect(e.currentScore().hard == 0)
            try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
            e.dayDescent()
        }
    }

    /// The plan's own options as the program sees them: every assigned unpinned slot has one, of its own request.
    @Test(arguments: Array(1...4) as [UInt64])
    func thePlansOptionsAreItsAssignments(_ seed: UInt64) {
        let instance = Fixtures.random(seed: seed &* 15_485_863, workers: 20, requests: 10, days: 4, pins: true)
        var e = Self.engine(instance)
        e.startFrom(lookaheadHalves: 0, first: true)
        let dp = ScheduleDP(
            e.p, nD: e.nD, SlotCandidates(e.p, nD: e.nD), allowed: [Bool](repeating: true, count: e.p.nR))
        let options = e.planOptions(dp)
        #expect(options.count == e.assign.count)
        var assigned = 0
        for s in 0..<e.assign.count {
            if e.assign[s] < 0 {
                #expect(options[s] == -1)
                continue
            }
            assigned += 1
            #expect(options[s] >= 0)
            if options[s] >= 0 { #expect(dp.optReq[Int(options[s])] == e.assign[s]) }
        }
        #expect(assigned > 0)
    }

    /// Small seeded multi-day instances (without minimum headcounts on every fourth seed; no pins: the enumeration
    /// with fixed headcounts does not force them), exhaustive: the relaxation cut to two rounds (so its last round
    /// builds every plan, the crossover included) never lowers the plan, keeps medium, and its bound is never below
    /// the best enumerated plan with the start's headcounts (`BruteForce`, no code shared).
    @Test(arguments: Array(1...10) as [UInt64])
    func thePhaseWithTheCrossoverNeverLosesAndBoundsTheOptimum(_ seed: UInt64) throws {
        let days = seed % 2 == 0 ? 3 : 4
        let workers = seed % 3 == 0 ? 4 : 3
        let instance = Fixtures.random(
            seed: seed &* 1_299_709, workers: workers, requests: 6, days: days, minHeadcounts: seed % 4 != 1)
        var e = Self.engine(instance, budget: 2_000_000)
        e.startFrom(lookaheadHalves: 0, first: true)
        try ChainsSchedulesTests.expectRelaxationBoundsTheOptimum(&e, instance, rounds: 2)
    }

    /// A larger instance whose relaxation reaches a plan round (50 rounds): the phase never loses, and the same budget
    /// gives the same plan and the same work.
    @Test(arguments: Array(1...2) as [UInt64])
    func thePlanRoundIsDeterministic(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed &* 7_727, workers: 30, requests: 14, days: 4, pins: seed == 2)
        func run() -> (Engine, Int64) {
            var e = Self.engine(instance)
            e.startFrom(lookaheadHalves: 0, first: true)
            let v = e.trueValue()
            e.scheduleRelaxation(rounds: 51)
            return (e, v)
        }
        let (a, before) = run()
        #expect(a.trueValue() >= before)
        #expect(a.currentScore().hard == 0)
        let (b, _) = run()
        #expect(a.assign == b.assign)
        #expect(a.budget.spent == b.budget.spent)
        try Fixtures.expectScorerAgrees(instance, plan: a.makePlan())
    }
}
