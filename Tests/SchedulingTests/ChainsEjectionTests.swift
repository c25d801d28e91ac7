import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The exact re-decision of a few workers' whole schedules over every plan day (`Engine.reassignWorkers`,
/// `ChainsEjection.swift`).
@Suite struct ChainsEjectionTests {
    /// Neither the re-solve of any of the `days` nor the exchange of any window gains on `engine`'s plan (the plan a
    /// test starts from is stuck for the earlier moves).
    static func expectNoDayOrWindowGain(_ engine: inout Engine, days: Int, _ lookup: SlotCandidates) {
        for d in 0..<days {
            let improved = engine.resolveDay(d)
            #expect(!improved, "day \(d)")
        }
        for (a, b) in engine.exchangeWindows() {
            let improved = engine.exchangeSchedules(from: a, to: b, lookup)
            #expect(!improved, "window \(a)-\(b)")
        }
    }

    /// Small random multi-day instances (weekly caps, minimum headcounts): re-deciding every worker at once
    /// from the first flow's plan reaches exactly the best plan, by an exhaustive enumeration (`BruteForce`, no code
    /// shared with the move), among the plans that keep every request's headcount, and keeps those headcounts.
    @Test(arguments: Array(1...10) as [UInt64])
    func reDecidingTheWholeCrewIsExact(_ seed: UInt64) throws {
        let days = seed % 2 == 0 ? 3 : 4
        let workers = seed % 3 == 0 ? 4 : 3
        let instance = Fixtures.random(seed: seed &* 2_654_435_761, workers: workers, requests: 6, days: days)
        var e = LocalSearchDayILSTests.engine(instance, [])
        e.startFrom(lookaheadHalves: 0, first: true)
        var counts = [Int](repeating: 0, count: e.p.nR)
        for s in 0..<e.assign.count where e.assign[s] >= 0 { counts[Int(e.assign[s])] += 1 }
        let before = e.currentScore()
        let best = try #require(BruteForce(instance: instance).optimum(keeping: counts))
        let improved = e.reassignWorkers(Array(0..<workers), SlotCandidates(e.p, nD: days))
        let after = e.currentScore()
        #expect(after == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(improved == (after > before))
        var now = [Int](repeating: 0, count: e.p.nR)
        for s in 0..<e.assign.count where e.assign[s] >= 0 { now[Int(e.assign[s])] += 1 }
        #expect(now == counts)
    }

    /// Three consecutive days of one job J (one seat a day) and two workers: a, next to the farm, may work two days a
    /// week; b, 3 km away, worked J the day before the plan (history). From a on days 1-2 and b on day 3, no single day
    /// re-solved exactly and no exchange of whole schedules improves (each ties or loses), but moving a's two days to
    /// days 2-3 and giving day 1 to b keeps a's link and adds b's history link: +30, the enumerated optimum.
    @Test func aCappedWorkersDaysMoveAcrossTheWeek() throws {
        let day3 = Fixtures.day1.adding(days: 2)
        let days = [Fixtures.day1, Fixtures.day2, day3]
        let ws = [
            Fixtures.worker("a", km: 0, days: Set(days), maxDays: 2),
            Fixtures.worker("b", km: 3, days: Set(days)),
        ]
        let rs = days.enumerated().map { i, d in Fixtures.request("j\(i + 1)", job: "J", date: d) }
        let instance = Instance(
            name: "capped-worker-moves", weights: Weights(fairness: 5, continuity: 30), workers: ws,
            farms: [Fixtures.farm()], requests: rs, pinned: [],
            history: [HistoryEntry(worker: "b", farm: "f1", job: "J", date: Fixtures.day1.adding(days: -1))])
        let start = [
            Pair(request: "j1", worker: "a"), Pair(request: "j2", worker: "a"), Pair(request: "j3", worker: "b"),
        ]
        var old = LocalSearchDayILSTests.engine(instance, start)
        let before = old.currentScore()
        let lookup = SlotCandidates(old.p, nD: 3)
        ChainsEjectionTests.expectNoDayOrWindowGain(&old, days: 3, lookup)
        #expect(old.currentScore() == before)

        var e = LocalSearchDayILSTests.engine(instance, start)
        let moved = e.ejectionDescent(lookup)
        #expect(moved)
        let best = try #require(BruteForce(instance: instance).optimum())
        #expect(e.currentScore() == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(e.currentScore().soft == before.soft + 30)
        let plan = e.makePlan()
        #expect(
            Set(plan.assignments) == [
                Pair(request: "j1", worker: "b"), Pair(request: "j2", worker: "a"), Pair(request: "j3", worker: "a"),
            ])
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }
}

extension BruteForce {
    /// The best valid plan among those where request i has exactly `counts[i]` workers (requests in instance order).
    func optimum(keeping counts: [Int]) -> Best? {
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
                guard count == counts, let (medium, soft) = evaluate(chosen, count) else { return }
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
                guard count[r] < counts[r] else { continue }
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
