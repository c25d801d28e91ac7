import Testing

@testable import Scheduling

/// `Engine.valuedDayNetwork` (the day re-solves' networks, values filled in one pass) against `dayNetwork` with a
/// `dayValue` call per arc, the path it replaced: the same network, value for value, on every day of random
/// multi-day plans with history, pins, a gap in the plan days and a forced worker and job.
@Suite struct DayValuesTests {
    /// A random multi-day instance with history on the day before the first plan day (jobs of the instance's own
    /// requests, so some pairs carry the history bonus) and, on odd seeds, the third plan day moved one day later (so
    /// the second and third plan days are not calendar neighbours).
    static func instance(_ seed: UInt64) -> Instance {
        var instance = Fixtures.random(seed: seed, workers: 30 + Int(seed % 20), requests: 24, days: 4, pins: true)
        if seed % 2 == 1 {
            let third = Fixtures.day1.adding(days: 2)
            for i in instance.requests.indices where instance.requests[i].date >= third {
                instance.requests[i].date = instance.requests[i].date.adding(days: 1)
            }
            for i in instance.workers.indices {
                instance.workers[i].available = Set(
                    instance.workers[i].available.map { $0 >= third ? $0.adding(days: 1) : $0 })
            }
        }
        var g = SplitMix64(seed: seed &+ 99)
        let jobs = instance.requests.map(\.job)
        for w in instance.workers where g.next() % 3 == 0 {
            instance.history.append(
                HistoryEntry(worker: w.id, job: jobs[Int(g.next() % UInt64(jobs.count))], date: Fixtures.day1.previous))
        }
        return instance
    }

    @Test func sameNetworkAsAValuePerArc() {
        var bonusArcs = 0
        var historyArcs = 0
        var forcedArcs = 0
        for seed in UInt64(0)..<24 {
            let instance = Self.instance(seed)
            var e = Engine(instance, SolveOptions(seed: seed, workBudget: 20_000))
            e.startFrom(lookaheadHalves: 0, first: true)
            // Even seeds also move some workers at random, so the neighbouring days hold other jobs than the flow's.
            var g = SplitMix64(seed: seed &+ 5)
            if seed % 2 == 0 {
                for _ in 0..<20 {
                    let r = Int(g.next() % UInt64(e.p.nR))
                    let lo = Int(e.p.candStart[r])
                    let hi = Int(e.p.candStart[r + 1])
                    guard hi > lo else { continue }
                    let c = lo + Int(g.next() % UInt64(hi - lo))
                    let w = Int(e.p.candWorker[c])
                    let d = Int(e.p.reqDay[r])
                    guard e.p.pinnedOn[w * e.nD + d] < 0 else { continue }
                    e.assign[w * e.nD + d] = Int32(r)
                    e.assignCand[w * e.nD + d] = Int32(c)
                }
            }
            // Four plan days, or three when no request fell on one of the dates.
            #expect(e.nD >= 3)
            for d in 0..<e.nD {
                // A forced worker and job among the day's arcs (none on every third seed).
                var forceWorker = -1
                var forceJob: Int32 = -1
                if seed % 3 != 0, let probe = e.dayNetwork(d, value: { _, _, _ in 0 }), probe.nRows > 0 {
                    let row = Int(g.next() % UInt64(probe.nRows))
                    let lo = Int(probe.rowArcStart[row])
                    let hi = Int(probe.rowArcStart[row + 1])
                    forceWorker = Int(probe.rowWorker[row])
                    forceJob = e.p.reqJob[Int(probe.arcReq[lo + Int(g.next() % UInt64(hi - lo))])]
                }
                let fast = e.valuedDayNetwork(d, forceWorker: forceWorker, forceJob: forceJob)
                let slow = e.dayNetwork(d) { r, c, w in
                    e.dayValue(d, r, c, w) + (w == forceWorker && e.p.reqJob[r] == forceJob ? 16 * e.p.bigM : 0)
                }
                #expect((fast == nil) == (slow == nil))
                guard let fast, let slow else { continue }
                #expect(fast.arcValue == slow.arcValue, "seed \(seed) day \(d)")
                #expect(fast.arcReq == slow.arcReq)
                #expect(fast.arcCand == slow.arcCand)
                #expect(fast.rowWorker == slow.rowWorker)
                #expect(fast.rowArcStart == slow.rowArcStart)
                #expect(fast.groupSupply == slow.groupSupply)
                for a in 0..<slow.arcValue.count {
                    let c = Int(slow.arcCand[a])
                    let base = e.p.reqPriority[Int(slow.arcReq[a])] * e.p.bigM - e.p.candCost[c]
                    if slow.arcValue[a] - base >= 16 * e.p.bigM { forcedArcs += 1 }
                    if e.p.candHistory[c] != 0 { historyArcs += 1 }
                    if (slow.arcValue[a] - base) % (16 * e.p.bigM) > 0 { bonusArcs += 1 }
                }
            }
        }
        // The comparison covered continuity bonuses, history pairs and forced arcs, not only plain values.
        #expect(bonusArcs > 0)
        #expect(historyArcs > 0)
        #expect(forcedArcs > 0)
    }
}
