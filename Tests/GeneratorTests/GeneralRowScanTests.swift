import Foundation
import Testing

@testable import Generator
@testable import Scheduling

/// The general engine's per-row scans, rewritten for the province day (index arrays instead of request copies, a
/// latitude bound before each distance, the jobs by start, one pass to empty the requests below their minimum), are
/// checked against plain recomputations by the rule functions on generated version 2 days with two-job workers,
/// minutes caps and several farms a row: `rowConflictIntervals`' tails against the least transfer over every later
/// job, `largestFit` against an exhaustive search with `compatible`, and `compatible` against rule 5's own order.
/// A wrong bound (a farm skipped that is nearer), a wrong suffix or a lost minutes test changes a tail or a size here.
@Suite struct GeneralRowScanTests {
    static func instance(seed: UInt64, halfDay: Bool) -> Instance {
        var g = InstanceGenerator(
            workers: 160, requestsPerDay: 60, days: 2, seed: seed, flavor: halfDay ? .scarce : .balanced)
        g.version2 = .standard
        var instance = g.generate()
        // More two-job workers, and a minutes cap on every third of them.
        for i in instance.workers.indices where i % 2 == 0 {
            instance.workers[i].maxJobsPerDay = 2 + i % 3
            if i % 3 == 0 { instance.workers[i].maxMinutesPerDay = 360 + 60 * (i % 4) }
        }
        return instance
    }

    /// Rows with at least two candidates, as (row key, requests).
    static func rows(_ engine: GeneralEngine) -> [(Int, [Int])] {
        engine.rowCands.indices.compactMap { key in
            let cands = engine.rowCands[key]
            return cands.count >= 2 ? (key, cands.map { Int(engine.candReq[Int($0)]) }) : nil
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func tailsAreTheLeastTransferToALaterJob(_ seed: UInt64) throws {
        let instance = Self.instance(seed: seed, halfDay: seed % 2 == 0)
        let engine = GeneralEngine(Problem(instance), SolveOptions())
        let rows = Self.rows(engine)
        #expect(rows.count >= 20, "seed \(seed): rows with several candidates")
        var bridged = 0
        for (key, reqs) in rows {
            let got = engine.rowConflictIntervals(reqs, row: key)
            let W = instance.workers[key / max(1, engine.nD)]
            let left = W.maxMinutesPerDay.map { m in
                engine.pinsOn[key].reduce(m) { $0 - instance.requests[Int($1)].lengthMinutes }
            }
            for (i, r) in reqs.enumerated() {
                let R = instance.requests[r]
                let later = reqs.filter { instance.requests[$0].startMinute >= R.endMinute }
                let fitting = later.filter { q in
                    left.map { R.lengthMinutes + instance.requests[q].lengthMinutes <= $0 } ?? true
                }
                let expected: Int
                if later.isEmpty {
                    expected = 0
                } else if fitting.isEmpty {
                    expected = GeneralEngine.neverFits
                } else {
                    expected = fitting.map { q in
                        transfer(
                            R, engine.reqLoc[r], instance.requests[q], engine.reqLoc[q], speedKmh: instance.speedKmh)
                    }.min()!
                }
                #expect(got.tail[i] == min(GeneralEngine.neverFits, expected), "seed \(seed) row \(key) job \(i)")
                if expected > 0 && expected < GeneralEngine.neverFits { bridged += 1 }
                #expect(got.start[i] == R.startMinute && got.end[i] == R.endMinute)
            }
        }
        #expect(bridged > 0, "seed \(seed): some tail is a real transfer")
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func largestFitIsTheLargestCompatibleSet(_ seed: UInt64) throws {
        let instance = Self.instance(seed: seed, halfDay: seed % 2 == 0)
        let p = Problem(instance)
        let engine = GeneralEngine(p, SolveOptions())
        var several = 0
        for (key, reqs) in Self.rows(engine) where reqs.count <= 12 {
            let W = instance.workers[key / max(1, engine.nD)]
            let pins = engine.pinsOn[key].map(Int.init)
            let limit = Int(engine.jobsMax[key / max(1, engine.nD)]) - pins.count
            let got = GeneralEngine.largestFit(reqs, worker: W, pins: pins, limit: limit, problem: p)
            // Every subset, by `compatible` on the requests themselves and the minutes cap.
            var best = min(1, reqs.count)
            for mask in 1..<(1 << reqs.count) where mask.nonzeroBitCount > best {
                let set = reqs.indices.filter { mask & (1 << $0) != 0 }.map { reqs[$0] }
                var ok = true
                for a in set.indices where ok {
                    for b in set.indices where b > a && ok {
                        let (x, y) = (set[a], set[b])
                        ok = compatible(
                            instance.requests[x], p.reqLocation(x), instance.requests[y], p.reqLocation(y),
                            speedKmh: instance.speedKmh)
                    }
                }
                if ok, let m = W.maxMinutesPerDay {
                    let total = (set + pins).reduce(0) { $0 + instance.requests[$1].lengthMinutes }
                    ok = total <= m
                }
                if ok { best = set.count }
            }
            #expect(got == min(limit, best), "seed \(seed) row \(key)")
            if best >= 2 { several += 1 }
        }
        #expect(several > 0, "seed \(seed): some row holds two jobs")
    }

    /// `compatible` answers rule 5's question for every pair of a day's requests, overlapping or not.
    @Test(arguments: [1, 2] as [UInt64])
    func compatibleIsRuleFive(_ seed: UInt64) {
        let instance = Self.instance(seed: seed, halfDay: true)
        let p = Problem(instance)
        var yes = 0
        var no = 0
        for a in 0..<min(60, p.nR) {
            for b in 0..<min(60, p.nR) where a != b && p.reqDay[a] == p.reqDay[b] {
                let (A, B) = (instance.requests[a], instance.requests[b])
                let aFirst = (A.startMinute, A.endMinute, A.id) < (B.startMinute, B.endMinute, B.id)
                let (x, fx, y, fy) =
                    aFirst ? (A, p.reqLocation(a), B, p.reqLocation(b)) : (B, p.reqLocation(b), A, p.reqLocation(a))
                let expected = y.startMinute - x.endMinute >= transfer(x, fx, y, fy, speedKmh: instance.speedKmh)
                let got = compatible(A, p.reqLocation(a), B, p.reqLocation(b), speedKmh: instance.speedKmh)
                #expect(got == expected, "seed \(seed) \(A.id) \(B.id)")
                if got { yes += 1 } else { no += 1 }
            }
        }
        #expect(yes > 0 && no > 0)
    }
}
