import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Seat pair deals (`SearchSeatPairDeals.swift`): a date's pair types changed, both halves of a two-job row moving at
/// once, each changed set of types dealt exactly by a flow re-optimized from the current one. From the plan where the
/// seat re-deals (pairs as units, one half kept in place) stop, it reaches the exhaustive optimum of a date's deal.
@Suite struct SearchSeatPairDealsTests {
    typealias Rotation = SearchSeatRotationTests

    /// Date d's free workers as `pairDealDay` takes them and every deal of their seats among them (each worker
    /// nothing, one seat, or two seats whose candidates fit together; counts per request kept), each with its value
    /// (`dayValue` without the priority, the other dates fixed); and the value of the plan's own deal. Nil when a deal
    /// could seat a van rider (the enumeration does not count seats).
    static func deals(_ engine: GeneralEngine, _ d: Int) -> (
        free: [Int], deals: [(value: Int64, rows: [[Int32]])], now: Int64
    )? {
        let nD = engine.nD
        let nW = engine.p.nW
        let candOf = engine.candidateIndex()
        var free: [Int] = []
        var left = [Int: Int]()
        for w in MoveChecks.dealFreeWorkers(engine, d, maxJobs: 2) {
            let row = engine.jobs[w * nD + d]
            free.append(w)
            for c in row { left[Int(engine.candReq[Int(c)]), default: 0] += 1 }
        }
        func value(_ c: Int32) -> Int64 {
            engine.dayValue(Int(c)) - engine.p.reqPriority[Int(engine.candReq[Int(c)])] * engine.bigM
        }
        // Each free worker's options: nothing, a seat's request, or two that fit together.
        let reqs = left.keys.sorted()
        var options: [[[Int32]]] = []
        for w in free {
            let key = w * nD + d
            var mine: [[Int32]] = [[]]
            let cs = reqs.compactMap { r -> Int32? in
                guard let c = candOf[r * nW + w], engine.fits(c, row: key, []) else { return nil }
                return c
            }
            if cs.contains(where: { engine.p.candRide[Int($0)] != 0 }) { return nil }
            for c in cs { mine.append([c]) }
            for i in 0..<cs.count {
                for j in (i + 1)..<cs.count where engine.fits(cs[j], row: key, [cs[i]]) { mine.append([cs[i], cs[j]]) }
            }
            options.append(mine)
        }
        var all: [(value: Int64, rows: [[Int32]])] = []
        var rows: [[Int32]] = []
        func walk(_ i: Int, _ sum: Int64) {
            if i == free.count {
                if left.values.allSatisfy({ $0 == 0 }) { all.append((sum, rows)) }
                return
            }
            for option in options[i] {
                let rs = option.map { Int(engine.candReq[Int($0)]) }
                guard rs.allSatisfy({ left[$0]! > 0 }) else { continue }
                for r in rs { left[r]! -= 1 }
                rows.append(option)
                walk(i + 1, option.reduce(sum) { $0 + value($1) })
                rows.removeLast()
                for r in rs { left[r]! += 1 }
            }
        }
        walk(0, 0)
        let now = free.reduce(Int64(0)) { sum, w in sum + engine.jobs[w * nD + d].reduce(Int64(0)) { $0 + value($1) } }
        return (free, all, now)
    }

    /// Whether none of the re-deal's three deals improves date d.
    static func reDealsStop(_ engine: GeneralEngine, _ d: Int) -> Bool {
        let candOf = engine.candidateIndex()
        let pinned = engine.pinnedWorkers()
        for mode in 0..<GeneralEngine.redealModes {
            var copy = engine
            if copy.redealDay(d, pinned, candOf, anchor: mode) { return false }
        }
        return true
    }

    /// Runs `pairDealDay` on date d until it stops; whether it changed the plan.
    static func pairDeals(_ engine: inout GeneralEngine, _ d: Int) -> Bool {
        let pinned = engine.pinnedWorkers()
        var any = false
        while engine.pairDealDay(d, pinned, maxFlows: Int.max, maxWork: Int.max) { any = true }
        return any
    }

    /// Every deal of a date (seeds 1-12, six workers, four requests a date, from the single-job plan) where the
    /// re-deals stop below the date's exhaustive optimum, at most 12 a date, is set as the date's deal: the pair deals
    /// then reach the optimum exactly, keeping the counts per request (so the medium). Some such deal must exist, so the
    /// check cannot pass empty; on them the re-deals stop, so it fails without the pair deals.
    @Test func fromEveryDealWhereTheReDealsStopThePairDealsReachTheOptimum() {
        var starts = 0
        for seed in 1...12 {
            let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            for d in 0..<start.nD {
                guard let (free, all, _) = Self.deals(start, d), let best = all.map(\.value).max() else { continue }
                var tried = 0
                for deal in all where deal.value < best && tried < 12 {
                    var engine = start
                    for (i, w) in free.enumerated() { engine.jobs[w * engine.nD + d] = deal.rows[i] }
                    guard Self.reDealsStop(engine, d) else { continue }
                    tried += 1
                    let counts = Rotation.counts(engine.assignments())
                    _ = Self.pairDeals(&engine, d)
                    #expect(Self.deals(engine, d)?.now == best, "seed \(seed), date \(d)")
                    #expect(Rotation.counts(engine.assignments()) == counts, "seed \(seed), date \(d)")
                    #expect(score(instance, assignments: engine.assignments()).score.hard == 0, "seed \(seed)")
                }
                starts += tried
            }
        }
        #expect(starts > 0)
    }

    /// The pair deals never lower a plan, keep it valid, its medium and its counts per request, and give the same plan
    /// twice.
    @Test(arguments: 1...30)
    func pairDealsNeverLowerAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAndCounts) {
            $0.seatPairDeals(maxWork: Int.max)
        }
    }
}
