import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The re-decision of a few workers' schedules with free headcounts (`Engine.reassignWithHeadcounts`,
/// `ChainsHeadcountMoves.swift`, session "chains16").
@Suite struct ChainsHeadcountMoveTests {
    /// The engine of a random multi-day instance at the first flow's plan.
    static func flowEngine(_ seed: UInt64, workers: Int, requests: Int, days: Int) -> (Instance, Engine) {
        let instance = Fixtures.random(seed: seed &* 2_654_435_761, workers: workers, requests: requests, days: days)
        var e = LocalSearchDayILSTests.engine(instance, [])
        e.startFrom(lookaheadHalves: 0, first: true)
        return (instance, e)
    }

    /// Runs `pass` twice from the first flow's plan of a random 30-worker instance of three to five days (seed
    /// `seed + offset`): the pass never lowers the score, says whether it rose, keeps the scorer's agreement, and gives
    /// the same plan and work both times. Returns the start and the engine after the pass.
    @discardableResult
    static func expectPassNeverLowersAndRepeats(
        _ seed: UInt64, offset: UInt64, _ pass: (inout Engine, SlotCandidates) -> Bool
    ) throws -> (start: Engine, after: Engine) {
        let (instance, start) = flowEngine(seed &+ offset, workers: 30, requests: 12, days: 3 + Int(seed % 3))
        let lookup = SlotCandidates(start.p, nD: start.nD)
        var a = start
        var b = start
        let before = a.currentScore()
        let moved = pass(&a, lookup)
        _ = pass(&b, lookup)
        #expect(a.currentScore() >= before)
        #expect(moved == (a.currentScore() > before))
        #expect(a.assign == b.assign)
        #expect(a.budget.spent == b.budget.spent)
        try Fixtures.expectScorerAgrees(instance, plan: a.makePlan())
        return (start, a)
    }

    /// Small random multi-day instances (weekly caps, minimum headcounts) of two or three workers: re-deciding every
    /// worker at once with free headcounts from the first flow's plan reaches exactly the best plan of the instance,
    /// by an exhaustive enumeration (`BruteForce`, no code shared with the move), and says whether it moved.
    @Test(arguments: Array(1...12) as [UInt64])
    func reDecidingTheWholeCrewReachesTheOptimum(_ seed: UInt64) throws {
        let days = seed % 2 == 0 ? 3 : 4
        let workers = seed % 3 == 0 ? 3 : 2
        var (instance, e) = ChainsHeadcountMoveTests.flowEngine(seed, workers: workers, requests: 6, days: days)
        let before = e.currentScore()
        let best = try #require(BruteForce(instance: instance).optimum())
        var fill = e.headcounts().map { Int32($0) }
        let moved = e.reassignWithHeadcounts(Array(0..<workers), SlotCandidates(e.p, nD: e.nD), fill: &fill)
        let after = e.currentScore()
        #expect(after == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(moved == (after > before))
        #expect(fill == e.headcounts().map { Int32($0) })
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// Random instances of seven workers over three or four days: for every pair of workers, from the first flow's plan
    /// and from the empty plan, the move reaches the best plan among those where every other worker keeps its
    /// schedule, by an enumeration of the pair's schedules (each day off or any request it may take, headcounts,
    /// minimums and weekly caps checked by `BruteForce`). From the flow's plans of these seeds no pair gains (the day
    /// descent has left none); from the empty plan some do.
    @Test(arguments: Array(1...6) as [UInt64])
    func everyPairReachesTheBestOfItsNeighbourhood(_ seed: UInt64) throws {
        let (instance, start) = ChainsHeadcountMoveTests.flowEngine(
            seed, workers: 7, requests: 7, days: seed % 2 == 0 ? 3 : 4)
        let days = start.nD
        let empty = LocalSearchDayILSTests.engine(instance, [])
        let brute = BruteForce(instance: instance)
        let requests = instance.requests
        let dates = Array(Set(requests.map(\.date))).sorted()
        let lookup = SlotCandidates(start.p, nD: days)
        var moves = 0
        for (a, b, first) in (0..<instance.workers.count).flatMap({ a in
            ((a + 1)..<instance.workers.count).flatMap { b in [(a, b, start), (a, b, empty)] }
        }) {
            do {
                var e = first
                let before = e.currentScore()
                // The rows of the other workers, in the engine's plan.
                var rows: [(r: Int, w: Int)] = []
                for w in 0..<instance.workers.count where w != a && w != b {
                    for d in 0..<days where e.assign[w * days + d] >= 0 {
                        rows.append((Int(e.assign[w * days + d]), w))
                    }
                }
                let want = try #require(
                    Self.bestOfSchedules(brute, [a, b], days: dates.count, beside: rows) { w, k in
                        requests.indices.filter {
                            requests[$0].date == dates[k] && brute.allowed(instance.workers[w], requests[$0])
                        }
                    })
                var fill = e.headcounts().map { Int32($0) }
                let moved = e.reassignWithHeadcounts([a, b], lookup, fill: &fill)
                let after = e.currentScore()
                #expect(after == Score(hard: 0, medium: want.0, soft: want.1), "pair \(a) \(b)")
                #expect(moved == (after > before))
                if moved {
                    moves += 1
                    try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
                }
            }
        }
        #expect(moves > 0)
    }

    /// The best (medium, soft) by `BruteForce` over every way the workers of `set` take, on each of `days` dates,
    /// nothing or one request of `options(worker, date)` with a seat left, beside the fixed `rows` of everyone else:
    /// the exhaustive answer a few-worker move with headcounts free must reach.
    static func bestOfSchedules(
        _ brute: BruteForce, _ set: [Int], days: Int, beside fixed: [(r: Int, w: Int)], options: (Int, Int) -> [Int]
    ) -> (Int, Int)? {
        let requests = brute.instance.requests
        var rows = fixed
        var taken = [Int](repeating: 0, count: requests.count)
        for (r, _) in rows { taken[r] += 1 }
        var best: (Int, Int)?
        func visit(_ i: Int, _ k: Int) {
            if i == set.count {
                if let v = brute.evaluate(rows, taken), best.map({ v > $0 }) ?? true { best = v }
                return
            }
            if k == days { return visit(i + 1, 0) }
            visit(i, k + 1)
            for r in options(set[i], k) where taken[r] < requests[r].headcount {
                taken[r] += 1
                rows.append((r, set[i]))
                visit(i, k + 1)
                rows.removeLast()
                taken[r] -= 1
            }
        }
        visit(0, 0)
        return best
    }
}
