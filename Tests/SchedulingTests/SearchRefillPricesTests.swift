import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The structure moves' estimate on several days (`structurePrices`, `priceEstimate`) and the search's memory of
/// what a move gained (`rankedBySeen`). A row without jobs whose weekly cap closes the date is no worker to refill a
/// slot with (it counted as one, so every slot a move vacates looked refilled for free); a move that gained less than
/// its estimate when completed is ranked by that gain when the search lists it again.
@Suite struct SearchRefillPricesTests {
    typealias Week = SearchMultiDayStructuresTests

    /// Whether row `key` of `engine` may refill a slot of day `d`: a row with one job (it moves on), or one without
    /// jobs whose week leaves the date open; rows with two jobs or pins are fixed.
    static func mayMove(_ engine: GeneralEngine, _ key: Int) -> Bool {
        engine.jobs[key].count == 1 && engine.pinsOn[key].isEmpty
            || engine.jobs[key].isEmpty && engine.pinsOn[key].isEmpty && engine.dayWeekOpen(Int32(key))
    }

    /// A request of day `d` that no row free to move can work has no refill price (no chain can bring a worker to
    /// it); on the plan of single jobs of random weeks (a third of the workers with a weekly cap of one date) some
    /// request of each such week can be worked only by workers whose cap the other date uses up, and there the old
    /// prices counted them as idle. Returns how many such requests the seed has.
    static func closedRequests(seed: Int) -> Int {
        let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
        let engine = Week.singlesOnly(instance)
        var found = 0
        for d in 0..<engine.nD {
            let prices = engine.structurePrices(day: d)
            var reachable = Set<Int32>()
            var closedOnly = Set<Int32>()
            for w in 0..<engine.p.nW {
                let key = w * engine.nD + d
                for c in engine.rowCands[key] {
                    let r = engine.candReq[Int(c)]
                    if mayMove(engine, key) {
                        reachable.insert(r)
                    } else if engine.jobs[key].isEmpty && engine.pinsOn[key].isEmpty {
                        closedOnly.insert(r)
                    }
                }
            }
            for r in 0..<engine.p.nR where Int(engine.p.reqDay[r]) == d && !reachable.contains(Int32(r)) {
                #expect(prices.refill[r] == Int64.min, "seed \(seed) day \(d) request \(r): \(prices.refill[r])")
                if closedOnly.contains(Int32(r)) { found += 1 }
            }
        }
        return found
    }

    /// No refill through a row whose weekly cap closes the date (seeds 1-40); the seeds have such requests, so the
    /// check is not empty (the old prices gave them the closed worker's value).
    @Test func noRefillFromAClosedWeek() {
        var found = 0
        for seed in 1...40 { found += Self.closedRequests(seed: seed) }
        #expect(found > 0)
    }

    /// A move whose recorded gain is below its estimate is ranked by that gain; one recorded above its estimate and
    /// the moves not recorded keep theirs; ties in the order of the rows and jobs set.
    @Test func aMoveIsRankedByWhatItGained() {
        let engine = Week.singlesOnly(Week.randomWeek(1))
        let a = StructureMove(set: [(0, [1, 2])], estimate: 100)
        let b = StructureMove(set: [(1, [3, 4])], estimate: 50)
        let c = StructureMove(set: [(2, [])], estimate: 50)
        let moves = [a, b, c]
        #expect(engine.rankedBySeen(moves, seen: [:]).map(\.key) == moves.map(\.key))
        let lowered = engine.rankedBySeen(moves, seen: [a.key: -7, c.key: 80])
        #expect(lowered.map(\.key) == [b, c, a].map(\.key))
        #expect(lowered.map(\.estimate) == [50, 50, -7])
        let tie = engine.rankedBySeen(moves, seen: [a.key: 50])
        #expect(tie.map(\.key) == [a, b, c].map(\.key))
    }

    /// With `mediumFirst`'s settings and the new prices and ranking, the search by day never lowers a plan, keeps it
    /// valid and gives the same plan twice (seeds 41-80 of the four-worker weeks; 1-40 in
    /// `SearchStructureRestartsTests`).
    @Test(arguments: 41...80)
    func theSearchNeverLowersAPlan(seed: Int) {
        Week.expectNeverLowers(seed: seed) { engine in
            for d in 0..<engine.nD {
                _ = engine.searchDayStructures(
                    d, maxWork: Int.max, perRound: GeneralEngine.polishPerRound,
                    maxStale: GeneralEngine.polishMaxStale, restarts: GeneralEngine.polishRestarts, polish: true)
            }
        }
    }
}
