import Foundation
import Testing

@testable import Scheduling

/// The local search's memory layout (issue 18): the packed pair records, the direct (worker, request) table and the
/// per-slot soft terms must give exactly what the `Problem` arrays and the slot search give.
@Suite struct LocalSearchLayoutTests {
    /// A random multi-day instance with a pin and some history (continuity from the day before the plan).
    static func instance(seed: UInt64) -> Instance {
        var instance = Fixtures.random(seed: seed, workers: 30, requests: 12, days: 3, pins: true)
        let before = Fixtures.day1.adding(days: -1)
        let firstDayJobs = instance.requests.filter { $0.date == Fixtures.day1 }.map(\.job)
        let jobs = firstDayJobs.isEmpty ? instance.requests.map(\.job) : firstDayJobs
        for (i, w) in instance.workers.enumerated() where i % 3 == 0 {
            instance.history.append(HistoryEntry(worker: w.id, job: jobs[i % jobs.count], date: before))
        }
        return instance
    }

    /// Every (worker, request): the direct table answers what the binary search over the slot and a scan of the
    /// request's pairs answer (the pair, or -1 when there is none).
    @Test(arguments: [1, 2, 3] as [UInt64]) func directTableFindsThePairsTheSlotSearchFinds(seed: UInt64) {
        let p = Problem(Self.instance(seed: seed))
        let (assign, cand) = LocalSearchTests.state(p, [])
        let ls = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        #expect(!ls.pairOf.isEmpty)
        var found = 0
        for w in 0..<p.nW {
            for r in 0..<p.nR {
                var scan: Int32 = -1
                for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where Int(p.candWorker[c]) == w {
                    scan = Int32(c)
                }
                #expect(ls.candidate(w, r) == scan)
                #expect(ls.slots.candidate(w, r, day: Int(p.reqDay[r])) == scan)
                if scan >= 0 { found += 1 }
            }
        }
        #expect(found == p.candidateCount)
        #expect(found > 0)
    }

    /// The packed record of every pair carries the pair's cost, history flag, request and worker.
    @Test func pairRecordsCarryTheProblemArrays() {
        let p = Problem(Self.instance(seed: 4))
        let (assign, cand) = LocalSearchTests.state(p, [])
        let ls = LocalSearch(p, assign: assign, cand: cand, seed: 4)
        #expect(ls.pairs.count == p.candidateCount)
        var withHistory = 0
        for c in 0..<p.candidateCount {
            let pair = ls.pairs[c]
            #expect(pair.cost == p.candCost[c])
            #expect(pair.history == (p.candHistory[c] != 0))
            #expect(Int(pair.worker) == Int(p.candWorker[c]))
            #expect(c >= Int(p.candStart[Int(pair.request)]) && c < Int(p.candStart[Int(pair.request) + 1]))
            if pair.history { withHistory += 1 }
        }
        #expect(withHistory > 0)
        // The largest cost an instance can give (`InstanceLimits`: km × 10 plus a soft term) and a few others.
        for cost in [0, 1, 2, 1_000_000 + 200_160, Int64(Int32.max)] as [Int64] {
            for history in [false, true] {
                let record = PairRecord(cost: cost, history: history, request: 7, worker: 9)
                #expect(record.cost == cost)
                #expect(record.history == history)
                #expect(record.request == 7 && record.worker == 9)
            }
        }
        #expect(MemoryLayout<PairRecord>.stride == 16)
    }

    /// After many annealing moves, the incremental soft score and the per-slot terms equal a recount from scratch
    /// (a fresh search built on the end state), and the plan is valid.
    @Test(arguments: [5, 6, 7] as [UInt64]) func incrementalSoftEqualsARecount(seed: UInt64) {
        let instance = Self.instance(seed: seed)
        let p = Problem(instance)
        let (assign, cand) = LocalSearchTests.state(p, [])
        var ls = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        ls.temperature = 8
        ls.run(moves: 20_000, endOnBest: false)
        #expect(ls.evaluations == 20_000)
        // Pins' own terms are not the search's (it never moves them), but a pin's next day is: count every slot.
        func all(_ s: LocalSearch) -> Int64 {
            var v: Int64 = 0
            for w in 0..<p.nW { for d in 0..<p.days.count { v += s.contribution(w, d) } }
            return v
        }
        let start = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        let fresh = LocalSearch(p, assign: Array(ls.assign), cand: Array(ls.cand), seed: seed)
        // The terms of every assigned slot (an empty slot's are never read).
        for s in 0..<ls.assign.count where ls.assign[s] >= 0 {
            #expect(ls.slotCost[s] == fresh.slotCost[s])
            #expect(ls.slotHist[s] == fresh.slotHist[s])
        }
        #expect(ls.soft == all(fresh) - all(start))
        #expect(Array(ls.assign) != assign)
        let report = score(instance, assignments: LocalSearchTests.pairs(ls))
        #expect(report.score.hard == 0)
        #expect(ls.medium == fresh.medium)
    }
}
