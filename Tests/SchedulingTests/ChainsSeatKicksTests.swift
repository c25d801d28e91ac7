import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Costly-seat kicks (`ChainsSeatKicks.swift`) and their flow priced from the plan (`flowWithBonus(pricedBy:)`).
@Suite struct ChainsSeatKicksTests {
    static func engine(_ seed: UInt64, days: Int) -> (Instance, Engine, ScheduleDP) {
        let instance = Fixtures.random(
            seed: seed &* 15_485_863, workers: 24, requests: 12, days: days, pins: seed % 2 == 1)
        var e = ChainsCrossoverTests.engine(instance)
        e.startFrom(lookaheadHalves: 0, first: true)
        e.phase = .schedules
        let dp = ScheduleDP(
            e.p, nD: e.nD, SlotCandidates(e.p, nD: e.nD), allowed: [Bool](repeating: true, count: e.p.nR))
        return (instance, e, dp)
    }

    /// The flow objective of the engine's current plan on the network of every day with `bonus` added (as
    /// `flowWithBonus` builds it), recomputed here.
    static func flowValue(_ e: Engine, _ dp: ScheduleDP, _ bonus: [Double]) -> Int64 {
        let net = e.buildFullNetwork()
        var value: Int64 = 0
        for row in 0..<net.nRows {
            let s = Int(net.rowWorker[row]) * e.nD + Int(net.rowDay[row])
            let cand = e.assignCand[s]
            guard cand >= 0 else { continue }
            for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) where net.arcCand[a] == cand {
                value += net.arcValue[a]
                for o in Int(dp.optStart[s])..<Int(dp.optStart[s + 1]) where dp.optReq[o] == net.arcReq[a] {
                    value += Int64(bonus[o].rounded())
                }
            }
        }
        return value
    }

    /// A kick's bonus: the plan's own schedules, with its `seats` dearest seats priced out (as `seatKicks`).
    static func kick(_ e: Engine, _ dp: ScheduleDP, seats: Int) -> (own: [Double], kick: [Double]) {
        let chosen = ChainsPlanRecoveryTests.chosen(e, dp)
        let own = ChainsPlanRecoveryTests.bonus(e, dp, chosen)
        var kick = own
        let dear = (0..<chosen.count).filter { chosen[$0] >= 0 && e.assignCand[$0] >= 0 && e.p.pinnedOn[$0] < 0 }
            .sorted { (e.p.candCost[Int(e.assignCand[$0])], -$0) > (e.p.candCost[Int(e.assignCand[$1])], -$1) }
        for s in dear.prefix(seats) {
            kick[Int(chosen[s])] = -Double(2 * e.p.continuity + e.p.candCost[Int(e.assignCand[s])])
        }
        return (own, kick)
    }

    /// Seeded instances (weekly caps, minimum headcounts, history, pins on every other seed): the kicked flow warm
    /// from the plan's prices reaches the same flow objective as the same flow from prices of no use (the plan priced
    /// under a zero bonus, so the refinement starts from a flow that is far from optimal for them); with the plan's
    /// own bonus alone it never returns a plan worse by the engine's objective; every plan passes the scorer.
    @Test(arguments: Array(1...8) as [UInt64])
    func thePricedFlowIsExact(_ seed: UInt64) throws {
        let (instance, start, dp) = Self.engine(seed, days: 2 + Int(seed % 4))
        var e = start
        for step in 0..<2 {
            let (own, kick) = Self.kick(e, dp, seats: 1 + Int(seed % 3))
            var priced = e
            var plain = e
            priced.flowWithBonus(dp, kick, pricedBy: own)
            plain.flowWithBonus(dp, kick, pricedBy: [Double](repeating: 0, count: dp.optionCount))
            #expect(Self.flowValue(priced, dp, kick) == Self.flowValue(plain, dp, kick), "step \(step)")
            #expect(priced.currentScore().hard == 0)
            try Fixtures.expectScorerAgrees(instance, plan: priced.makePlan())
            let value = e.trueValue()
            let score = e.currentScore()
            var same = e
            same.flowWithBonus(dp, own, pricedBy: own)
            #expect(same.trueValue() >= value)
            #expect(same.currentScore() >= score)
            try Fixtures.expectScorerAgrees(instance, plan: same.makePlan())
            e.dayDescent()
        }
    }

    /// The kicks never lower a plan (by the engine's objective and by the score), and their plan passes the scorer.
    @Test(arguments: Array(1...8) as [UInt64])
    func kicksNeverLowerAPlan(_ seed: UInt64) throws {
        let (instance, start, dp) = Self.engine(seed &+ 100, days: 2 + Int(seed % 4))
        var e = start
        e.dayDescent()
        let value = e.trueValue()
        let score = e.currentScore()
        let rose = e.seatKicks(dp, e.exchangeWindows(), SlotCandidates(e.p, nD: e.nD), maxKicks: 6)
        #expect(e.trueValue() >= value)
        #expect(e.currentScore() >= score)
        #expect(rose == (e.trueValue() > value))
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }
}
