import Foundation
import Testing

@testable import Scheduling

/// The stall rules of session gap19 (`StallHandOver.swift`): the first start's branch and bound ends on its best leaf
/// once it has spent `stall` units without a better one, the two-day chain moves end after 1/`chainMoveStall` of the
/// flows share without a gain and hand what the flows left to `chainMoveHeirs`, and the pair search hands what it
/// left to `pairSearchHeirs`.
@Suite struct StallHandOverTests {
    /// Whether every request of a flow solution is closed or at its minimum headcount (no pins here).
    static func feasible(_ e: Engine, _ sol: FlowSolution) -> Bool {
        (0..<e.p.nR).allSatisfy { sol.reqCount[$0] == 0 || sol.reqCount[$0] >= e.p.reqMin[$0] }
    }

    /// On random instances with minimum headcounts, the branch and bound over the first flow stopped at its first leaf
    /// (`stall` 0) returns a feasible flow no better than the finished search's and spends no more; on some seed it
    /// spends less (the finished search goes on past its first leaf), and it never stops before a leaf is known.
    @Test func theFirstFlowsSearchEndsOnItsStall() {
        var fewer = 0
        for seed in 1...12 as ClosedRange<UInt64> {
            let instance = Fixtures.random(seed: seed &* 31_337, workers: 14, requests: 10, days: 1 + Int(seed % 3))
            var whole = Engine(instance, SolveOptions(seed: seed, workBudget: 400_000_000))
            let net = whole.buildFullNetwork()
            let order = whole.releaseOrder(net)
            let finished = whole.branchAndBound(net, order: order, isFull: false)
            var cut = Engine(instance, SolveOptions(seed: seed, workBudget: 400_000_000))
            let stalled = cut.branchAndBound(net, order: order, isFull: false, stall: 0)
            #expect(Self.feasible(whole, finished), "seed \(seed)")
            #expect(Self.feasible(cut, stalled), "seed \(seed)")
            #expect(stalled.value <= finished.value, "seed \(seed)")
            let spentWhole = whole.budget.spent[.flows, default: 0]
            let spentCut = cut.budget.spent[.flows, default: 0]
            #expect(spentCut <= spentWhole, "seed \(seed)")
            #expect(spentCut > 0, "seed \(seed)")
            if spentCut < spentWhole { fewer += 1 }
        }
        #expect(fewer > 0)
    }

    /// On random multi-day instances the chain moves end on their stall rule before the flows share is spent, the
    /// flows keep exactly what they spent, the heirs get exactly the rest, and the plan is never worse than before.
    @Test(arguments: Array(1...4) as [UInt64])
    func theChainMovesHandTheFlowsRestOn(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed &* 104_729, workers: 40, requests: 14, days: 3)
        var e = Engine(instance, SolveOptions(seed: seed, workBudget: 2_000_000))
        e.startFrom(lookaheadHalves: 0, first: true)
        try DayKickHandOverTests.expectHandsOn(&e, instance, phase: .flows, to: Engine.chainMoveHeirs) {
            $0.continuityMoves()
        }
    }

    /// The pair search, ended by its sweeps well inside its share, hands exactly what it left to the worker schedules,
    /// and its plan is never worse than the one it started from.
    @Test(arguments: Array(1...4) as [UInt64])
    func thePairSearchHandsItsRestToTheSchedules(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed &* 7_877, workers: 40, requests: 14, days: 3)
        var e = Engine(instance, SolveOptions(seed: seed, workBudget: 24_000_000))
        e.startFrom(lookaheadHalves: 0, first: true)
        try DayKickHandOverTests.expectHandsOn(&e, instance, phase: .pairSearch, to: Engine.pairSearchHeirs) {
            $0.pairSearch()
        }
    }

    /// The whole solve with the three rules: the same plan twice, valid for the scorer, never above the enumerated
    /// optimum (`BruteForce`) on small random multi-day instances.
    @Test(arguments: Array(1...6) as [UInt64])
    func theSolveIsTheSameTwiceAndNeverAboveTheOptimum(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 65_537, workers: 5, requests: 7, days: seed % 2 == 0 ? 3 : 4, pins: seed % 3 == 0)
        let best = try #require(BruteForce(instance: instance).optimum())
        let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: 1_000_000))
        #expect(
            plan.assignments == solve(instance, options: SolveOptions(seed: seed, workBudget: 1_000_000)).assignments)
        #expect(plan.score <= Score(hard: 0, medium: best.medium, soft: best.soft))
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }
}
