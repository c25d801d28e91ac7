import Foundation
import Testing

@testable import Scheduling

/// The date deals with counts free followed by the seat re-deals (`SearchPairCountFollowUp.swift`), checked against an
/// exhaustive walk over the seat re-deals' neighbourhood on small generated weeks: after the move no date has a
/// better deal with its counts kept in which each two-job row keeps its earlier (or its later) job and every free
/// worker takes at most one seat more; the date deals alone leave such deals on some dates.
@Suite struct SearchPairCountFollowUpTests {
    typealias Rotation = SearchSeatRotationTests

    /// The best value (`SearchCountRedealTests.dayValue`) of date d's deals in the seat re-deals' neighbourhood with
    /// `anchor` (1: each two-job row keeps its earlier job, 2: its later one, by start minute then candidate), walked
    /// exhaustively: each free worker (`MoveChecks.dealFreeWorkers`) keeps its anchor, if any, and takes one
    /// candidate of the date that fits beside it, or none; every request keeps its count. Returns the best and the
    /// current value; nil when a free worker has a rider candidate.
    static func bestRedeal(_ start: GeneralEngine, _ d: Int, anchor: Int) -> (best: Int64, now: Int64)? {
        var engine = start
        let nD = engine.nD
        let (count, _) = engine.dayCounts(d)
        let free = MoveChecks.dealFreeWorkers(engine, d, maxJobs: 2)
        guard !free.isEmpty else { return nil }
        var options: [[[Int32]]] = []
        for w in free {
            let key = w * nD + d
            let row = engine.jobs[key]
            var kept: [Int32] = []
            if row.count == 2 {
                let byStart = row.sorted {
                    (engine.inst.requests[Int(engine.candReq[Int($0)])].startMinute, $0)
                        < (engine.inst.requests[Int(engine.candReq[Int($1)])].startMinute, $1)
                }
                kept = [anchor == 1 ? byStart[0] : byStart[1]]
            }
            let cs = engine.rowCands[key].filter { engine.candOK[Int($0)] }
            if cs.contains(where: { engine.p.candRide[Int($0)] != 0 }) { return nil }
            var mine: [[Int32]] = [kept]
            for c in cs where !kept.contains(c) && engine.fits(c, row: key, kept) {
                if let k = kept.first, engine.candReq[Int(k)] == engine.candReq[Int(c)] { continue }
                mine.append((kept + [c]).sorted())
            }
            options.append(mine)
        }
        let now = SearchCountRedealTests.dayValue(engine, d)
        var best = Int64.min
        var rows = [[Int32]](repeating: [], count: free.count)
        func walk(_ i: Int) {
            if i == free.count {
                for (j, w) in free.enumerated() { engine.jobs[w * nD + d] = rows[j] }
                let (n, _) = engine.dayCounts(d)
                guard n == count, free.allSatisfy({ engine.dayWeekOpen(Int32($0 * nD + d)) }) else { return }
                best = max(best, SearchCountRedealTests.dayValue(engine, d))
                return
            }
            for option in options[i] {
                rows[i] = option
                walk(i + 1)
            }
        }
        walk(0)
        return (best, now)
    }

    /// How many (date, anchor) pairs of `engine`'s plan have a better deal in the seat re-deals' neighbourhood.
    static func gainsLeft(_ engine: GeneralEngine) -> Int {
        var left = 0
        for d in 0..<engine.nD {
            for anchor in 1...2 {
                guard let (best, now) = bestRedeal(engine, d, anchor: anchor) else { continue }
                if best > now { left += 1 }
            }
        }
        return left
    }

    /// Seeds 1-40 of six workers and four requests a date, from the single-job plan: wherever the date deals improve
    /// the plan, the move leaves no (date, anchor) with a better deal in the exhaustive walk, and the plan is valid and
    /// higher; the date deals alone leave one on some seed (checked, so the walk can tell the two apart).
    @Test func noSeatRedealGainIsLeft() {
        var moved = 0
        var leftAlone = 0
        for seed in 1...40 {
            let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            var alone = start
            guard alone.pairCountDeals(maxWork: Int.max) else { continue }
            moved += 1
            if Self.gainsLeft(alone) > 0 { leftAlone += 1 }
            var engine = start
            let before = score(instance, assignments: start.assignments()).score
            let improved = engine.pairCountDealsThenRedeals(maxWork: Int.max, redealWork: Int.max)
            #expect(improved, "seed \(seed)")
            let after = score(instance, assignments: engine.assignments()).score
            #expect(after.hard == 0 && after > before, "seed \(seed)")
            #expect(Self.gainsLeft(engine) == 0, "seed \(seed)")
        }
        #expect(moved > 0)
        #expect(leftAlone > 0)
        print("date deals then seat re-deals: \(moved) seeds improved, \(leftAlone) left a re-deal gain alone")
    }

    /// The move never lowers a plan, keeps it valid with its medium, and gives the same plan twice.
    @Test(arguments: 1...30)
    func neverLowersAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.pairCountDealsThenRedeals(maxWork: Int.max, redealWork: Int.max)
        }
    }
}
