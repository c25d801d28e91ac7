import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The chains of displaced seats with a headcount moved (`ChainsHeadcountChains.swift`, session gap21): the narrow
/// re-decision of up to four workers against an enumeration of the same options, and the pass over the seeded chains.
@Suite struct ChainsHeadcountChainTests {
    /// Random instances of five workers over two or three days, from the first flow's plan and from the empty plan: for
    /// every set of three workers (and of four on two days), the narrow move reaches the best plan among those where
    /// every other worker keeps its schedule and each worker of the set takes, on each day, nothing, a request the set
    /// holds that day, or a request with an open seat of a job it works on the calendar day before or after (an
    /// enumeration checked by `BruteForce`: headcounts, minimums, weekly caps, no code shared with the move), and
    /// says whether it moved.
    @Test(arguments: Array(1...8) as [UInt64])
    func narrowSetsReachTheBestOfTheirOptions(_ seed: UInt64) throws {
        let (instance, start) = ChainsHeadcountMoveTests.flowEngine(
            seed &+ 40, workers: 5, requests: 6, days: seed % 2 == 0 ? 2 : 3)
        let days = start.nD
        let empty = LocalSearchDayILSTests.engine(instance, [])
        let brute = BruteForce(instance: instance)
        let requests = instance.requests
        let dates = Array(Set(requests.map(\.date))).sorted()
        let lookup = SlotCandidates(start.p, nD: days)
        let n = instance.workers.count
        var sets: [[Int]] = []
        for a in 0..<n {
            for b in (a + 1)..<n {
                for c in (b + 1)..<n {
                    sets.append([a, b, c])
                    if days == 2 { for d in (c + 1)..<n { sets.append([a, b, c, d]) } }
                }
            }
        }
        for set in sets {
            for first in [start, empty] {
                var e = first
                let before = e.currentScore()
                var rows: [(r: Int, w: Int)] = []
                var count = [Int](repeating: 0, count: requests.count)
                for w in 0..<n {
                    for d in 0..<days where e.assign[w * days + d] >= 0 {
                        count[Int(e.assign[w * days + d])] += 1
                        if !set.contains(w) { rows.append((Int(e.assign[w * days + d]), w)) }
                    }
                }
                // Each worker's options per day, from the plan before the move.
                func options(_ w: Int, _ k: Int) -> [Int] {
                    var jobs: [String] = []
                    for other in [k - 1, k + 1] where other >= 0 && other < days {
                        let r = Int(e.assign[w * days + other])
                        let adjacent = other < k ? dates[k].previous == dates[other] : dates[other].previous == dates[k]
                        if r >= 0 && adjacent { jobs.append(requests[r].job) }
                    }
                    return requests.indices.filter { r in
                        guard requests[r].date == dates[k] && brute.allowed(instance.workers[w], requests[r]) else {
                            return false
                        }
                        let held = set.contains { e.assign[$0 * days + k] == Int32(r) }
                        return held || (count[r] < requests[r].headcount && jobs.contains(requests[r].job))
                    }
                }
                let want = try #require(
                    ChainsHeadcountMoveTests.bestOfSchedules(brute, set, days: days, beside: rows, options: options))
                var fill = e.headcounts().map { Int32($0) }
                let moved = e.reassignWithHeadcounts(set, lookup, fill: &fill, narrow: true)
                let after = e.currentScore()
                #expect(after == Score(hard: 0, medium: want.0, soft: want.1), "set \(set)")
                #expect(moved == (after > before))
                #expect(fill == e.headcounts().map { Int32($0) })
                if moved { try Fixtures.expectScorerAgrees(instance, plan: e.makePlan()) }
            }
        }
    }

    /// Random 30-worker instances over three to five days, from the first flow's plan: the pass over the seeded chains
    /// never lowers the score, says whether it rose, keeps the scorer's agreement, and gives the same plan and work
    /// twice.
    @Test(arguments: Array(1...8) as [UInt64])
    func chainPassNeverLowersAndRepeats(_ seed: UInt64) throws {
        try ChainsHeadcountMoveTests.expectPassNeverLowersAndRepeats(seed, offset: 90) { $0.headcountChainDescent($1) }
    }

    /// Random 30-worker instances over three to five days, from the first flow's plan with one day emptied: the day
    /// descent on its slot (enough passes) never lowers the score, says whether it rose, and ends where no cold exact
    /// re-solve of any single day (every other day fixed, an engine copy without warm starts) improves; the rounds of
    /// the end's descent never lower the score and give the same plan and work twice (scorer checked).
    @Test(arguments: Array(1...8) as [UInt64])
    func polishEndsWhereNoDayReSolveGains(_ seed: UInt64) throws {
        let (instance, start) = ChainsHeadcountMoveTests.flowEngine(
            seed &+ 130, workers: 30, requests: 12, days: 3 + Int(seed % 3))
        var a = start
        a.clearDay(Int(seed) % a.nD)
        let before = a.currentScore()
        let rose = a.dayPassesOnSlot(maxPasses: 50)
        #expect(a.currentScore() >= before)
        #expect(rose == (a.currentScore() > before))
        for d in 0..<a.nD {
            var cold = a
            cold.warmDescents = false
            let gains = cold.resolveDay(d)
            #expect(!gains)
        }
        try Fixtures.expectScorerAgrees(instance, plan: a.makePlan())
        var b = start
        b.clearDay((Int(seed) + 1) % b.nD)
        var c = b
        let first = b.currentScore()
        b.endDescentOnSlot()
        c.endDescentOnSlot()
        #expect(b.currentScore() >= first)
        #expect(b.assign == c.assign)
        #expect(b.budget.spent == c.budget.spent)
        try Fixtures.expectScorerAgrees(instance, plan: b.makePlan())
    }
}
