import Foundation
import Testing

@testable import Scheduling

/// The day kicks' hand-over (session chains17): the walk (`Engine.dayILS`) ends once it has spent
/// 1/`Engine.dayKickStall` of its share without a better plan, and `SolveBudget.handOver` moves what it left to the
/// pair search, the worker schedules and the schedule exchange by their weights.
@Suite struct DayKickHandOverTests {
    static let now = Date()
    /// Every phase of the version 1 engine on a multi-day instance with a continuity weight.
    static let all = SolveBudget.phases(candidates: 10, days: 2, continuity: 30)

    /// The rest of a phase's allowance goes to the targets by weight (the last taking the rounding rest), leaves the
    /// phase's allowance at what it spent, and the phases' allowances still add up to the total.
    @Test func theRestIsSplitByWeight() {
        // Weights 6, 1, 6, 1, 6, 4 (sum 24): 100 units a weight point.
        var budget = SolveBudget(total: 2_400, phases: Self.all, start: Self.now, timeLimit: nil)
        budget.charge(.dayKicks, 155)
        budget.handOver(.dayKicks, to: Engine.dayKickHeirs)
        // 445 left: 445 / 11 = 40 a weight point, pair search 6, schedules 4, the exchange the rest (445 - 400).
        #expect(budget.allowance(.dayKicks) == 155)
        #expect(budget.left(.dayKicks) == 0)
        #expect(budget.allowance(.pairSearch) == 600 + 240)
        #expect(budget.allowance(.schedules) == 400 + 160)
        #expect(budget.allowance(.scheduleExchange) == 100 + 45)
        #expect(budget.allowance(.flows) == 600)
        #expect(budget.allowance(.localSearch) == 100)
        #expect(SolvePhase.allCases.filter { $0 != .chains }.reduce(0) { $0 + budget.allowance($1) } == 2_400)
        // The continuity chains still get what the others leave.
        #expect(budget.allowance(.chains) == 2_400 - 155)
        // Once handed over, nothing is left to hand again.
        budget.handOver(.dayKicks, to: Engine.dayKickHeirs)
        #expect(budget.allowance(.pairSearch) == 840)
    }

    /// A phase that overran gives nothing; targets that do not run take nothing, and the rest then stays in the total
    /// (for the continuity chains where they run).
    @Test func overrunsAndAbsentTargetsMoveNothing() {
        var budget = SolveBudget(total: 2_400, phases: Self.all, start: Self.now, timeLimit: nil)
        budget.charge(.dayKicks, 700)
        budget.handOver(.dayKicks, to: Engine.dayKickHeirs)
        #expect(budget.allowance(.dayKicks) == 600)
        #expect(budget.allowance(.pairSearch) == 600)

        let phases = SolveBudget.phases(candidates: 10, days: 2, continuity: 0)
        var noContinuity = SolveBudget(total: 1_300, phases: phases, start: Self.now, timeLimit: nil)
        #expect(noContinuity.allowance(.dayKicks) == 600)
        noContinuity.charge(.dayKicks, 100)
        noContinuity.handOver(.dayKicks, to: Engine.dayKickHeirs)
        #expect(noContinuity.allowance(.dayKicks) == 100)
        #expect(noContinuity.allowance(.pairSearch) == 0)
        #expect(noContinuity.allowance(.flows) == 600)
    }

    /// On random multi-day instances the walk ends on the stall rule and hands exactly its unspent share to the later
    /// phases (before any of them ran), never on a worse plan than it started from.
    @Test(arguments: Array(1...4) as [UInt64])
    func theWalkHandsItsUnspentShareOn(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed &* 104_729, workers: 40, requests: 14, days: 3)
        var e = Engine(instance, SolveOptions(seed: seed, workBudget: 24_000_000))
        e.startFrom(lookaheadHalves: 0, first: true)
        // The walk stops well before its share (a kick costs far less than the share here), on the stall rule.
        try Self.expectHandsOn(&e, instance, phase: .dayKicks, to: Engine.dayKickHeirs) {
            $0.dayILS(iterations: 10_000, seed: seed)
        }
    }

    /// Small random multi-day instances: the whole solve with the hand-over gives the same plan twice, never scores
    /// below a best plan it reported along the way (the walk's, and every later phase's: a phase that took the walk's
    /// units only keeps better plans), nor above the enumerated optimum (`BruteForce`), and its plan is valid for the
    /// scorer.
    @Test(arguments: Array(1...6) as [UInt64])
    func theSolveKeepsEveryPhasesBestPlan(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 7_919, workers: 5, requests: 6, days: seed % 2 == 0 ? 3 : 4, pins: seed % 3 == 0)
        let best = try #require(BruteForce(instance: instance).optimum())
        let reports = Reports()
        let options = SolveOptions(seed: seed, workBudget: 2_000_000, progress: { reports.add($0.best) })
        let plan = solve(instance, options: options)
        #expect(
            plan.assignments == solve(instance, options: SolveOptions(seed: seed, workBudget: 2_000_000)).assignments)
        let reported = reports.scores
        #expect(!reported.isEmpty)
        for s in reported where s.hard == 0 { #expect(plan.score >= s) }
        #expect(plan.score <= Score(hard: 0, medium: best.medium, soft: best.soft))
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }

    /// The best scores a solve reported (its progress callback may run on any thread).
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Score] = []

        /// Records a reported best score, if any.
        func add(_ score: Score?) {
            guard let score else { return }
            lock.lock()
            list.append(score)
            lock.unlock()
        }

        /// Every score recorded so far.
        var scores: [Score] {
            lock.lock()
            defer { lock.unlock() }
            return list
        }
    }

    /// Runs `phase` on `e` by `run` and checks its hand-over: it ended inside its share, its allowance is now what it
    /// spent, `heirs` got exactly the rest (none lost), the plan is not worse than before and the scorer agrees with
    /// it. Shared by the phases that hand their units on (`DayKickHandOverTests`, `StallHandOverTests`).
    static func expectHandsOn(
        _ e: inout Engine, _ instance: Instance, phase: SolvePhase, to heirs: [SolvePhase],
        sourceLocation: SourceLocation = #_sourceLocation, run: (inout Engine) -> Void
    ) throws {
        let share = e.budget.allowance(phase)
        let heirsBefore = heirs.map { e.budget.allowance($0) }
        let before = e.trueValue()
        run(&e)
        let spent = e.budget.spent[phase, default: 0]
        #expect(spent < share, sourceLocation: sourceLocation)
        #expect(e.budget.allowance(phase) == spent, sourceLocation: sourceLocation)
        let given = zip(heirs, heirsBefore).map { e.budget.allowance($0) - $1 }
        #expect(given.reduce(0, +) == share - spent, sourceLocation: sourceLocation)
        #expect(given.allSatisfy { $0 >= 0 }, sourceLocation: sourceLocation)
        #expect(e.trueValue() >= before, sourceLocation: sourceLocation)
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan(), sourceLocation: sourceLocation)
    }
}
