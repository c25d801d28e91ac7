import Foundation
import Testing

@testable import Scheduling

/// Schedule exchanges (`Engine.exchangeSchedules`) and the two-day Lagrangian pair search (`Engine.pairSearch`).
@Suite struct PairSearchTests {
    /// Two workers, two two-day jobs at two farms 2 km apart; each worker holds the chain at the farm far from home.
    /// Trading one day saves 2 × 20 in distance but breaks both chains (2 × 30), so no day re-solve improves; trading
    /// both days saves 80 and keeps both chains.
    static func crossedChains() -> (Instance, [Pair]) {
        let ws = [
            Fixtures.worker("a", km: 0, days: [Fixtures.day1, Fixtures.day2]),
            Fixtures.worker("b", km: 2, days: [Fixtures.day1, Fixtures.day2]),
        ]
        let farms = [Fixtures.farm("f1"), Farm(id: "f2", location: Fixtures.east(2), blockedWorkers: [])]
        let rs = [
            Fixtures.request("j1", farm: "f1", job: "J", date: Fixtures.day1),
            Fixtures.request("j2", farm: "f1", job: "J", date: Fixtures.day2),
            Fixtures.request("k1", farm: "f2", job: "K", date: Fixtures.day1),
            Fixtures.request("k2", farm: "f2", job: "K", date: Fixtures.day2),
        ]
        let instance = Instance(
            name: "crossed-chains", weights: Weights(fairness: 5, continuity: 30), workers: ws, farms: farms,
            requests: rs, pinned: [], history: [])
        let start = [
            Pair(request: "k1", worker: "a"), Pair(request: "k2", worker: "a"),
            Pair(request: "j1", worker: "b"), Pair(request: "j2", worker: "b"),
        ]
        return (instance, start)
    }

    @Test func exchangeTradesWholeChainsThatNoDayResolveTrades() {
        let (instance, start) = Self.crossedChains()
        var e = LocalSearchDayILSTests.engine(instance, start)
        let before = e.currentScore()
        let day0 = e.resolveDay(0)
        let day1 = e.resolveDay(1)
        #expect(!day0 && !day1)
        #expect(e.exchangeWindows().count == 1)
        let traded = e.exchangeSchedules(from: 0, to: 1, SlotCandidates(e.p, nD: e.nD))
        #expect(traded)
        let after = e.currentScore()
        #expect(after.hard == 0)
        #expect(after.medium == before.medium)
        #expect(after.soft == before.soft + 80)
        // Nothing left to trade.
        let again = e.exchangeSchedules(from: 0, to: 1, SlotCandidates(e.p, nD: e.nD))
        #expect(!again)
    }

    @Test func pairSearchReachesTheCrossedChainsOptimum() {
        let (instance, start) = Self.crossedChains()
        var e = LocalSearchDayILSTests.engine(instance, start)
        let before = e.currentScore()
        e.pairSearch()
        #expect(e.currentScore().soft == before.soft + 80)
    }

    /// From a solved plan of random multi-day instances (pins included): valid, never worse by the engine's objective,
    /// the score the shared scorer computes, and the same plan twice.
    @Test(arguments: [41, 42, 43, 44] as [UInt64])
    func neverWorseNeverInvalid(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed, workers: 30, requests: 12, days: 2 + Int(seed % 2), pins: seed % 2 == 0)
        let startPairs = solve(instance, options: SolveOptions(seed: seed, workBudget: 300_000)).assignments
        var e = LocalSearchDayILSTests.engine(instance, startPairs, seed: seed)
        let before = e.currentScore()
        let value = e.trueValue()
        e.pairSearch()
        let plan = e.makePlan()
        #expect(plan.score.hard == 0)
        #expect(plan.score >= before || before.hard < 0)
        #expect(e.trueValue() >= value)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
        var again = LocalSearchDayILSTests.engine(instance, startPairs, seed: seed)
        again.pairSearch()
        #expect(again.assign == e.assign)
    }
}
