import Testing

@testable import Scheduling

/// `Engine.buildFullNetwork` (its passes over the candidate pairs through buffers, session week22) against the pairs
/// enumerated one by one: each row's arcs are exactly its worker's candidate pairs on its day, in request then pair
/// order, valued `baseValue`, and every unpinned worker-day with pairs has a row unless its weekly cap is spent.
@Suite struct FullNetworkTests {
    @Test func arcsAreTheRowsPairsInOrder() {
        var arcs = 0
        var historyArcs = 0
        for seed in UInt64(0)..<24 {
            var instance = Fixtures.random(
                seed: seed, workers: 25 + Int(seed % 10), requests: 12, days: 2 + Int(seed % 6), pins: seed % 2 == 0)
            var g = SplitMix64(seed: seed &+ 7)
            let jobs = instance.requests.map(\.job)
            for w in instance.workers where g.next() % 3 == 0 {
                instance.history.append(
                    HistoryEntry(
                        worker: w.id, job: jobs[Int(g.next() % UInt64(jobs.count))], date: Fixtures.day1.previous))
            }
            let e = Engine(instance, SolveOptions(seed: seed))
            let p = e.p
            let net = e.buildFullNetwork()
            var rowOf = [Int: Int]()
            for row in 0..<net.nRows { rowOf[Int(net.rowWorker[row]) * e.nD + Int(net.rowDay[row])] = row }
            var expected = [[(Int32, Int32, Int64)]](repeating: [], count: net.nRows)
            for r in 0..<p.nR {
                let d = Int(p.reqDay[r])
                for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                    let w = Int(p.candWorker[c])
                    guard p.pinnedOn[w * e.nD + d] < 0 else { continue }
                    guard let row = rowOf[w * e.nD + d] else {
                        // No row: the worker's cap for that ISO week is spent.
                        #expect(p.capLeft[w * p.weeks.count + Int(p.dayWeek[d])] <= 0, "seed \(seed)")
                        continue
                    }
                    let value =
                        p.reqPriority[r] * p.bigM - p.candCost[c] + (p.candHistory[c] != 0 ? p.continuity : 0)
                    expected[row].append((Int32(r), Int32(c), value))
                }
            }
            #expect(net.arcReq.count == expected.reduce(0) { $0 + $1.count }, "seed \(seed)")
            for row in 0..<net.nRows {
                let lo = Int(net.rowArcStart[row])
                let hi = Int(net.rowArcStart[row + 1])
                #expect(hi - lo == expected[row].count, "seed \(seed) row \(row)")
                guard hi - lo == expected[row].count else { continue }
                for (k, want) in expected[row].enumerated() {
                    #expect(net.arcReq[lo + k] == want.0, "seed \(seed) row \(row)")
                    #expect(net.arcCand[lo + k] == want.1, "seed \(seed) row \(row)")
                    #expect(net.arcValue[lo + k] == want.2, "seed \(seed) row \(row)")
                    arcs += 1
                    if p.candHistory[Int(want.1)] != 0 { historyArcs += 1 }
                }
            }
        }
        #expect(arcs > 1_000)
        #expect(historyArcs > 20)
    }
}
