import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// A date dealt with its counts, pair types and minimum requests' states free together (`SearchPairCountDeals.swift`),
/// checked against an exhaustive enumeration of the date's deals on small generated weeks: the first deal (no steps)
/// is exactly the best of the date's own pair types and states; from a date at the best of its own types, a call
/// improves whenever a type added, dropped or exchanged for another gives a better deal, and whenever one request's
/// state changed does.
@Suite struct SearchPairCountDealsTests {
    typealias Rotation = SearchSeatRotationTests

    /// A date's deal as the exhaustive walk sees it: its value (`SearchCountRedealTests.dayValue`: each job's
    /// `dayValue`, each request's share units after its pins), the free workers' rows and their pair types.
    struct Deal {
        var value: Int64
        var rows: [[Int32]]
        var types: [[Int32]]
    }

    /// The sorted request pairs of the two-job rows among `rows`, sorted.
    static func pairTypes(_ engine: GeneralEngine, _ rows: [[Int32]]) -> [[Int32]] {
        rows.filter { $0.count == 2 }.map { $0.map { engine.candReq[Int($0)] }.sorted() }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
    }

    /// Every deal of date d's free workers (those of `MoveChecks.dealFreeWorkers`, two jobs at most, a pair's rider
    /// of a seat-limited van aside: then nil): each worker nothing, one candidate of the date or two that fit
    /// together, valid when every request of the date stays within its headcount, a request with a minimum above one
    /// and no pins stays closed when it is closed and keeps its minimum when open. Returns the free workers, the deals
    /// and the current rows' value; nil when a free worker has a rider candidate or none is free.
    /// With `statesFree`, a request with a minimum above one and no pins may also open or close (closed, or at least
    /// its minimum).
    static func deals(_ start: GeneralEngine, _ d: Int, statesFree: Bool = false) -> (
        free: [Int], deals: [Deal], now: Int64
    )? {
        var engine = start
        let nD = engine.nD
        let (count, _) = engine.dayCounts(d)
        let free = MoveChecks.dealFreeWorkers(engine, d, maxJobs: 2)
        guard !free.isEmpty else { return nil }
        var options: [[[Int32]]] = []
        for w in free {
            let key = w * nD + d
            let cs = engine.rowCands[key].filter { engine.candOK[Int($0)] && engine.fits($0, row: key, []) }
            if cs.contains(where: { engine.p.candRide[Int($0)] != 0 }) { return nil }
            var mine: [[Int32]] = [[]]
            for c in cs { mine.append([c]) }
            if engine.inst.workers[w].maxJobsPerDay >= 2 {
                for i in 0..<cs.count {
                    for j in (i + 1)..<cs.count
                    where engine.candReq[Int(cs[i])] != engine.candReq[Int(cs[j])]
                        && engine.fits(cs[j], row: key, [cs[i]])
                    {
                        mine.append([cs[i], cs[j]].sorted())
                    }
                }
            }
            options.append(mine)
        }
        let now = SearchCountRedealTests.dayValue(engine, d)
        var all: [Deal] = []
        var rows = [[Int32]](repeating: [], count: free.count)
        func walk(_ i: Int) {
            if i == free.count {
                for (j, w) in free.enumerated() { engine.jobs[w * nD + d] = rows[j] }
                let (n, _) = engine.dayCounts(d)
                for r in 0..<engine.p.nR where Int(engine.p.reqDay[r]) == d {
                    if n[r] > engine.p.reqCap[r] { return }
                    if engine.pinnedCount[r] == 0 && engine.p.reqMin[r] > 1 {
                        if statesFree {
                            if n[r] > 0 && n[r] < engine.p.reqMin[r] { return }
                            continue
                        }
                        if count[r] == 0 && n[r] > 0 { return }
                        if count[r] > 0 && n[r] < engine.p.reqMin[r] { return }
                    }
                }
                all.append(
                    Deal(
                        value: SearchCountRedealTests.dayValue(engine, d), rows: rows,
                        types: pairTypes(engine, rows)))
                return
            }
            for option in options[i] {
                rows[i] = option
                walk(i + 1)
            }
            rows[i] = []
        }
        walk(0)
        return (free, all, now)
    }

    /// The pair types one change away from `t` as the move makes them: one type added, one dropped, or one dropped
    /// and another added (multisets of sorted request pairs, sorted).
    static func neighbours(_ t: [[Int32]], _ all: Set<[[Int32]]>) -> Set<[[Int32]]> {
        var out = Set<[[Int32]]>()
        for other in all where other != t {
            var left = other
            var extra = 0
            for x in t {
                if let i = left.firstIndex(of: x) { left.remove(at: i) } else { extra += 1 }
            }
            if left.count <= 1 && extra <= 1 { out.insert(other) }
        }
        return out
    }

    /// Every deal of a date (seeds 1-12, five workers, three requests a date, from the single-job plan; at most 12
    /// a date) whose value is below the best deal of its own pair types with the counts free (the exhaustive walk) is
    /// set as the date's deal, and `pairCountDealDay` is called once with no steps (`maxFlows` 0): it reaches exactly
    /// that best with the pair types kept. The pair deals keep the counts and the count re-deals keep each pair's anchor, so neither alone need do
    /// this; some start must differ from its best in its counts (checked), so the check cannot pass on the pair deals'
    /// deal, nor empty.
    @Test func belowTheBestOfItsOwnPairTypesOneCallReachesIt() {
        var starts = 0
        var recounted = 0
        for seed in 1...12 {
            let instance = Rotation.instance(seed, workers: 5, requestsPerDay: 3)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            for d in 0..<start.nD {
                guard let (free, all, _) = Self.deals(start, d) else { continue }
                var tried = 0
                for deal in all where tried < 12 {
                    var engine = start
                    for (i, w) in free.enumerated() { engine.jobs[w * engine.nD + d] = deal.rows[i] }
                    guard let (free2, all2, now) = Self.deals(engine, d) else { continue }
                    let t = Self.pairTypes(engine, free2.map { engine.jobs[$0 * engine.nD + d] })
                    guard let best = all2.filter({ $0.types == t }).max(by: { $0.value < $1.value }),
                        now < best.value
                    else { continue }
                    tried += 1
                    let countsBefore = Rotation.counts(engine.assignments())
                    let before = score(instance, assignments: engine.assignments()).score
                    let improved = engine.pairCountDealDay(
                        d, engine.pinnedWorkers(), maxFlows: 0, maxWork: Int.max)
                    let after = score(instance, assignments: engine.assignments()).score
                    #expect(improved, "seed \(seed), date \(d)")
                    #expect(SearchCountRedealTests.dayValue(engine, d) == best.value, "seed \(seed), date \(d)")
                    #expect(
                        Self.pairTypes(engine, free2.map { engine.jobs[$0 * engine.nD + d] }) == t,
                        "seed \(seed), date \(d)")
                    #expect(
                        after.hard == 0 && after.medium >= before.medium && after > before, "seed \(seed), date \(d)")
                    if Rotation.counts(engine.assignments()) != countsBefore { recounted += 1 }
                }
                starts += tried
            }
        }
        #expect(starts > 0)
        #expect(recounted > 0)
        print("pair count deals: \(starts) starts reach the best of their own types, \(recounted) re-counted")
    }

    /// Every deal of a date (as above, every minimum set to one so that states play no part) that is the best of its
    /// own pair types, where some pair types one change away (a type added, dropped, or one exchanged for another)
    /// have a better deal: one call of `pairCountDealDay` with no limits raises the date's value, to a deal of the
    /// date at least as good as the worst of those better neighbours (every change is bounded above by the flow's
    /// duals, so an improving change is tried; later steps only raise it). Some such start must exist.
    @Test func atTheBestOfItsTypesOneCallTakesAnImprovingChange() {
        var starts = 0
        for seed in 1...12 {
            var instance = Rotation.instance(seed, workers: 5, requestsPerDay: 3)
            for i in instance.requests.indices { instance.requests[i].minHeadcount = 1 }
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            for d in 0..<start.nD {
                guard let (free, all, _) = Self.deals(start, d) else { continue }
                var bestOf: [[[Int32]]: Deal] = [:]
                for deal in all where deal.value > (bestOf[deal.types]?.value ?? Int64.min) {
                    bestOf[deal.types] = deal
                }
                var tried = 0
                for t in bestOf.keys.sorted(by: { $0.description < $1.description }) where tried < 12 {
                    guard let mine = bestOf[t] else { continue }
                    let near = Self.neighbours(t, Set(bestOf.keys))
                    guard near.contains(where: { bestOf[$0]!.value > mine.value }) else { continue }
                    var engine = start
                    for (i, w) in free.enumerated() { engine.jobs[w * engine.nD + d] = mine.rows[i] }
                    // Nothing better with its own types as the engine now sees the date.
                    guard let (_, all2, now) = Self.deals(engine, d),
                        !all2.contains(where: { $0.types == t && $0.value > now })
                    else { continue }
                    tried += 1
                    let before = score(instance, assignments: engine.assignments()).score
                    let improved = engine.pairCountDealDay(
                        d, engine.pinnedWorkers(), maxFlows: Int.max, maxWork: Int.max)
                    let after = score(instance, assignments: engine.assignments()).score
                    let value = SearchCountRedealTests.dayValue(engine, d)
                    let better = near.map { bestOf[$0]!.value }.filter { $0 > now }
                    #expect(improved, "seed \(seed), date \(d), types \(t)")
                    #expect(value >= (better.min() ?? Int64.max), "seed \(seed), date \(d), types \(t)")
                    #expect(all2.contains { $0.value == value }, "seed \(seed), date \(d), types \(t)")
                    #expect(after.hard == 0 && after > before, "seed \(seed), date \(d)")
                }
                starts += tried
            }
        }
        #expect(starts > 0)
        print("pair count deals: \(starts) starts at the best of their types take an improving change")
    }

    /// Every date (seeds 1-40, five workers, three requests a date, from the single-job plan) whose rows are set to
    /// the best deal of their own states (the exhaustive walk, states kept), where a better deal with the same pair
    /// types differs in one request's state (a closed request with a minimum opened, or an open one closed; the walk
    /// with the states free): one call raises the date's value to one of its deals with the states free. The count
    /// re-deals and pair deals keep the states, so this needs the state steps; some such date must exist.
    @Test func aBetterStateIsTaken() {
        var starts = 0
        for seed in 1...40 {
            let instance = Rotation.instance(seed, workers: 5, requestsPerDay: 3)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            for d in 0..<start.nD {
                guard let (free, kept, _) = Self.deals(start, d), let best = kept.max(by: { $0.value < $1.value })
                else { continue }
                var engine = start
                for (i, w) in free.enumerated() { engine.jobs[w * engine.nD + d] = best.rows[i] }
                guard let (free2, all, now) = Self.deals(engine, d, statesFree: true), free2 == free,
                    let (_, kept2, _) = Self.deals(engine, d), !kept2.contains(where: { $0.value > now })
                else { continue }
                /// Which requests of the date are held with `rows` as the free workers' rows.
                func held(_ rows: [[Int32]]) -> [Bool] {
                    var e = engine
                    for (i, w) in free.enumerated() { e.jobs[w * e.nD + d] = rows[i] }
                    let (n, _) = e.dayCounts(d)
                    return (0..<e.p.nR).map { n[$0] > 0 }
                }
                let mine = held(best.rows)
                let oneFlip = all.contains { deal in
                    guard deal.value > now && deal.types == best.types else { return false }
                    let flips = zip(held(deal.rows), mine).enumerated().filter {
                        $0.element.0 != $0.element.1 && engine.p.reqMin[$0.offset] > 1
                    }
                    return flips.count == 1
                }
                guard oneFlip else { continue }
                starts += 1
                let before = score(instance, assignments: engine.assignments()).score
                let improved = engine.pairCountDealDay(d, engine.pinnedWorkers(), maxFlows: Int.max, maxWork: Int.max)
                let after = score(instance, assignments: engine.assignments()).score
                let value = SearchCountRedealTests.dayValue(engine, d)
                #expect(improved, "seed \(seed), date \(d)")
                #expect(value > now && all.contains { $0.value == value }, "seed \(seed), date \(d)")
                #expect(after.hard == 0 && after > before, "seed \(seed), date \(d)")
            }
        }
        #expect(starts > 0)
        print("pair count deals: \(starts) dates take a better state")
    }

    /// The move never lowers a plan, keeps it valid with its medium, and gives the same plan twice.
    @Test(arguments: 1...30)
    func pairCountDealsNeverLowerAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.pairCountDeals(maxWork: Int.max)
        }
    }
}
