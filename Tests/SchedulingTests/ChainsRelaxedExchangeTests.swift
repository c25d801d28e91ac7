import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The schedule exchanges with relaxed edges (`Engine.relaxedExchangeDescent`, `ChainsRelaxedExchange.swift`).
@Suite struct ChainsRelaxedExchangeTests {
    /// Three days; jobs J (farm 1 km east) and K (1 km west), one seat each a day. Worker a (0.3 km east) works every
    /// day, b (0.3 km west) only days 2-3, so day 1 fills J or K, not both. From a on K all three days and b on J on
    /// days 2-3, no day re-solved exactly (a on J on day 1: +6 in cost, −30 in its link), no exact exchange of any
    /// window (a and b trading days 2-3: +24 in cost, −30 in a's link to day 1; the whole three days: b cannot take
    /// day 1) and no crew ejection (it keeps the headcounts: K's seat of day 1 stays filled) improves; the relaxed
    /// exchange trades days 2-3 on their own terms, the day descent moves a to J on day 1, and the plan gains +30
    /// at the same medium: the enumerated optimum.
    @Test func aTradeThatPaysOnceTheDayBesideItIsRebuilt() throws {
        let d1 = Fixtures.day1
        let d2 = Fixtures.day2
        let d3 = d1.adding(days: 2)
        let ws = [
            Fixtures.worker("a", km: 0.3, days: [d1, d2, d3]),
            Fixtures.worker("b", km: -0.3, days: [d2, d3]),
        ]
        let farms = [
            Farm(id: "fJ", location: Fixtures.east(1), blockedWorkers: []),
            Farm(id: "fK", location: Fixtures.east(-1), blockedWorkers: []),
        ]
        var rs: [LaborRequest] = []
        for (i, d) in [d1, d2, d3].enumerated() {
            rs.append(Fixtures.request("j\(i + 1)", farm: "fJ", job: "J", date: d))
            rs.append(Fixtures.request("k\(i + 1)", farm: "fK", job: "K", date: d))
        }
        let instance = Instance(
            name: "relaxed-exchange", weights: Weights(fairness: 5, continuity: 30), workers: ws, farms: farms,
            requests: rs, pinned: [], history: [])
        let start = [
            Pair(request: "k1", worker: "a"), Pair(request: "k2", worker: "a"), Pair(request: "k3", worker: "a"),
            Pair(request: "j2", worker: "b"), Pair(request: "j3", worker: "b"),
        ]
        var old = LocalSearchDayILSTests.engine(instance, start)
        let before = old.currentScore()
        let lookup = SlotCandidates(old.p, nD: 3)
        ChainsEjectionTests.expectNoDayOrWindowGain(&old, days: 3, lookup)
        let ejected = old.ejectionDescent(lookup)
        #expect(!ejected)
        #expect(old.currentScore() == before)

        var e = LocalSearchDayILSTests.engine(instance, start)
        let moved = e.relaxedExchangeDescent(e.exchangeWindows(), lookup)
        #expect(moved)
        let best = try #require(BruteForce(instance: instance).optimum())
        #expect(e.currentScore() == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(e.currentScore().medium == before.medium)
        #expect(e.currentScore().soft == before.soft + 30)
        let plan = e.makePlan()
        #expect(
            Set(plan.assignments) == [
                Pair(request: "j1", worker: "a"), Pair(request: "j2", worker: "a"), Pair(request: "j3", worker: "a"),
                Pair(request: "k2", worker: "b"), Pair(request: "k3", worker: "b"),
            ])
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }

    /// Seeded multi-day instances (weekly caps, minimum headcounts, pins on every other seed), from the first flow's
    /// plan: the move never lowers the plan by the engine's objective nor its score, and its plan passes the scorer.
    @Test(arguments: Array(1...8) as [UInt64])
    func neverLoses(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 7_919, workers: 9, requests: 11, days: 3 + Int(seed % 2), pins: seed % 2 == 0)
        var e = ChainsCrossoverTests.engine(instance)
        e.startFrom(lookaheadHalves: 0, first: true)
        let value = e.trueValue()
        let score = e.currentScore()
        e.relaxedExchangeDescent(e.exchangeWindows(), SlotCandidates(e.p, nD: e.nD))
        #expect(e.trueValue() >= value)
        #expect(e.currentScore() >= score)
        #expect(e.currentScore().hard == 0)
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }
}
