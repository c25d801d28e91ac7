import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The ejection chains that move seats between requests of a day (`Engine.countMovingCombos`,
/// `ChainsCountMoves.swift`, session "chains15").
@Suite struct ChainsCountMovesTests {
    /// Small random multi-day instances: re-deciding every worker at once with any number of seats moved a day reaches
    /// exactly the best plan, by an exhaustive enumeration (`BruteForce`, no code shared with the move), among the
    /// plans whose requests are those the move may use (each day's held requests and the others of a priority at
    /// least the day's lowest held one) and whose priority sum of each day is at least the start's; so `medium`
    /// never falls, and a move is reported exactly when the plan rose.
    @Test(arguments: Array(1...12) as [UInt64])
    func reDecidingTheWholeCrewWithMovedSeatsIsExact(_ seed: UInt64) throws {
        let workers = seed % 3 == 0 ? 4 : 3
        let instance = Fixtures.random(
            seed: seed &* 2_654_435_761, workers: workers, requests: 6, days: seed % 2 == 0 ? 3 : 4)
        var e = LocalSearchDayILSTests.engine(instance, [])
        e.startFrom(lookaheadHalves: 0, first: true)
        let p = e.p
        let days = e.nD
        // Per day: the priority sum held and the requests the move may use.
        var base = [Int](repeating: 0, count: days)
        var lowest = [Int64](repeating: Int64.max, count: days)
        var held = [Bool](repeating: false, count: p.nR)
        for w in 0..<p.nW {
            for d in 0..<days where e.assign[w * days + d] >= 0 {
                let r = Int(e.assign[w * days + d])
                base[d] += Int(p.reqPriority[r])
                lowest[d] = min(lowest[d], p.reqPriority[r])
                held[r] = true
            }
        }
        let usable = (0..<p.nR).map { r in held[r] || p.reqPriority[r] >= lowest[Int(p.reqDay[r])] }
        for d in 0..<days {
            // More than `countMoveExtras` other requests a day would be a choice of the move, not a definition.
            let extra = (0..<p.nR).filter { Int(p.reqDay[$0]) == d && !held[$0] && usable[$0] }
            guard extra.count <= Engine.countMoveExtras else { return }
        }
        let dayOf = instance.requests.map { r in p.days.firstIndex(of: r.date)! }
        let best = try #require(
            BruteForce(instance: instance).optimum { counts in
                var sum = [Int](repeating: 0, count: days)
                for r in counts.indices where counts[r] > 0 {
                    guard usable[r], counts[r] <= instance.requests[r].headcount else { return false }
                    sum[dayOf[r]] += counts[r] * instance.requests[r].priority
                }
                return (0..<days).allSatisfy { sum[$0] >= base[$0] }
            })
        let before = e.currentScore()
        var fill = e.unpinnedFill()
        let improved = e.reassignWorkers(Array(0..<workers), SlotCandidates(p, nD: days), fill: &fill, moved: 8)
        let after = e.currentScore()
        #expect(after == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(after.medium >= before.medium)
        #expect(improved == (after > before))
        #expect(fill == e.unpinnedFill())
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// Two days. Day 1: k1 (job K) and j1 (job J); day 2: j2 (job J) and l2 (job L), one seat each, priority 1. Worker
    /// a works both days, c day 1 only. From a on k1 and l2 and c on j1, no day re-solve gains (a's other day is
    /// never J) and the ejection that keeps every headcount only swaps a and c on day 1 (a tie), but moving day 2's
    /// seat from l2 to j2 with a on j1 links a's two days: +30, the enumerated optimum.
    @Test func aSeatMovesToTheRequestThatLinks() throws {
        let days = [Fixtures.day1, Fixtures.day2]
        let ws = [
            Fixtures.worker("a", km: 1, days: Set(days)),
            Fixtures.worker("c", km: 1, days: [Fixtures.day1]),
        ]
        let rs = [
            Fixtures.request("k1", job: "K", date: Fixtures.day1),
            Fixtures.request("j1", job: "J", date: Fixtures.day1),
            Fixtures.request("j2", job: "J", date: Fixtures.day2),
            Fixtures.request("l2", job: "L", date: Fixtures.day2),
        ]
        let instance = Instance(
            name: "seat-moves", weights: Weights(fairness: 5, continuity: 30), workers: ws,
            farms: [Fixtures.farm()], requests: rs, pinned: [], history: [])
        let start = [
            Pair(request: "k1", worker: "a"), Pair(request: "j1", worker: "c"), Pair(request: "l2", worker: "a"),
        ]
        var old = LocalSearchDayILSTests.engine(instance, start)
        let before = old.currentScore()
        let lookup = SlotCandidates(old.p, nD: 2)
        ChainsEjectionTests.expectNoDayOrWindowGain(&old, days: 2, lookup)
        let keptGains = old.reassignWorkers([0, 1], lookup)
        #expect(!keptGains)
        #expect(old.currentScore() == before)

        var e = LocalSearchDayILSTests.engine(instance, start)
        var fill = e.unpinnedFill()
        let movedGains = e.reassignWorkers([0, 1], lookup, fill: &fill, moved: 1)
        #expect(movedGains)
        let best = try #require(BruteForce(instance: instance).optimum())
        #expect(e.currentScore() == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(e.currentScore() == Score(hard: 0, medium: before.medium, soft: before.soft + 30))
        #expect(fill == e.unpinnedFill())
        let plan = e.makePlan()
        #expect(
            Set(plan.assignments) == [
                Pair(request: "j1", worker: "a"), Pair(request: "k1", worker: "c"), Pair(request: "j2", worker: "a"),
            ])
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }
}

extension BruteForce {
    /// The best valid plan among those whose request headcounts (in instance order) `accept` takes (which must bound
    /// them by the requests' headcounts: `evaluate` does not).
    func optimum(accepting accept: ([Int]) -> Bool) -> Best? {
        let requests = instance.requests
        let dates = Array(Set(requests.map(\.date))).sorted()
        var options: [[[Int?]]] = []
        for w in instance.workers {
            options.append(
                dates.map { day in
                    [nil]
                        + requests.indices.filter { requests[$0].date == day && allowed(w, requests[$0]) }.map {
                            Optional($0)
                        }
                })
        }
        var count = [Int](repeating: 0, count: requests.count)
        var chosen: [(r: Int, w: Int)] = []
        var best: Best?
        func visit(_ w: Int, _ k: Int) {
            if w == instance.workers.count {
                guard accept(count), let (medium, soft) = evaluate(chosen, count) else { return }
                if best.map({ (medium, soft) > ($0.medium, $0.soft) }) ?? true {
                    best = Best(medium: medium, soft: soft, assignments: [], plans: 0)
                }
                return
            }
            if k == dates.count { return visit(w + 1, 0) }
            for option in options[w][k] {
                guard let r = option else {
                    visit(w, k + 1)
                    continue
                }
                count[r] += 1
                chosen.append((r, w))
                visit(w, k + 1)
                chosen.removeLast()
                count[r] -= 1
            }
        }
        visit(0, 0)
        return best
    }
}
