import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The wide ejection sets (`Engine.exchangeableWorkers`, `ejectionSets(wide:)`, `ChainsEjection.swift`, session
/// "chains14").
@Suite struct ChainsWideEjectionTests {
    /// The engine of a random multi-day instance at the first flow's plan, after the narrow ejection passes.
    static func stuckEngine(_ seed: UInt64, workers: Int, days: Int, perDay: Int = 3) -> Engine {
        let instance = Fixtures.random(
            seed: seed &* 2_654_435_761, workers: workers, requests: perDay * days, days: days)
        var e = LocalSearchDayILSTests.engine(instance, [])
        e.startFrom(lookaheadHalves: 0, first: true)
        let lookup = SlotCandidates(e.p, nD: e.nD)
        e.ejectionDescent(lookup, maxPasses: 20)
        return e
    }

    /// The exchangeable workers of a pair are exactly those the definition names (checked by a direct scan of every
    /// worker, day and seat), each once, cheapest trade first.
    @Test(arguments: Array(1...12) as [UInt64])
    func exchangeableWorkersAreThoseThatCanTradeASeat(_ seed: UInt64) {
        let e = ChainsWideEjectionTests.stuckEngine(seed, workers: 10, days: seed % 2 == 0 ? 3 : 4)
        let days = e.nD
        let lookup = SlotCandidates(e.p, nD: days)
        let pinned = [Bool](repeating: false, count: e.p.nW)
        var holders = [[Int]](repeating: [], count: e.p.nR)
        for w in 0..<e.p.nW {
            for d in 0..<days where e.assign[w * days + d] >= 0 { holders[Int(e.assign[w * days + d])].append(w) }
        }
        for w in 0..<e.p.nW {
            for v in 0..<e.p.nW where v != w {
                let got = e.exchangeableWorkers(w, v, pinned, holders, lookup)
                var want: [Int: Int64] = [:]
                for u in 0..<e.p.nW where u != w && u != v {
                    for d in 0..<days {
                        let tu = Int(e.assign[u * days + d])
                        guard tu >= 0 else { continue }
                        for a in [w, v] {
                            let ta = Int(e.assign[a * days + d])
                            guard ta >= 0, ta != tu else { continue }
                            let ca = lookup.candidate(a, tu, day: d)
                            let cu = lookup.candidate(u, ta, day: d)
                            guard ca >= 0, cu >= 0 else { continue }
                            let delta =
                                e.p.candCost[Int(ca)] + e.p.candCost[Int(cu)]
                                - e.p.candCost[Int(e.assignCand[a * days + d])]
                                - e.p.candCost[Int(e.assignCand[u * days + d])]
                            want[u] = min(want[u] ?? Int64.max, delta)
                        }
                    }
                }
                #expect(Set(got) == Set(want.keys), "pair \(w) \(v)")
                #expect(got.count == Set(got).count)
                let deltas = got.map { want[$0] ?? 0 }
                #expect(deltas == deltas.sorted(), "pair \(w) \(v)")
            }
        }
    }

    /// From plans where the narrow ejection passes are stuck (24 workers, 4-5 days), one wide pass never lowers the
    /// plan, keeps every request's headcount and gives valid plans (the scorer agrees); it gains on some of these seeds
    /// (with 8 exchangeable workers a pair: seeds 7, 8 and 15, +28, +9, +11), so its sets reach moves the narrow ones
    /// do not.
    @Test func widePassesGainWhereTheNarrowOnesAreStuck() throws {
        var gains = 0
        for seed in 1...16 as ClosedRange<UInt64> {
            var e = ChainsWideEjectionTests.stuckEngine(seed, workers: 24, days: seed % 2 == 0 ? 4 : 5, perDay: 5)
            let lookup = SlotCandidates(e.p, nD: e.nD)
            var before = [Int](repeating: 0, count: e.p.nR)
            for s in 0..<e.assign.count where e.assign[s] >= 0 { before[Int(e.assign[s])] += 1 }
            let start = e.currentScore()
            let moved = e.ejectionDescent(lookup, maxPasses: 1, wide: true)
            let after = e.currentScore()
            #expect(after >= start)
            #expect(moved == (after > start))
            var now = [Int](repeating: 0, count: e.p.nR)
            for s in 0..<e.assign.count where e.assign[s] >= 0 { now[Int(e.assign[s])] += 1 }
            #expect(now == before)
            if moved {
                gains += 1
                try Fixtures.expectScorerAgrees(e.p.instance, plan: e.makePlan())
            }
        }
        #expect(gains > 0)
    }
}
