import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The pair deals' own deal of the current pair types (`pairDealDay`, v2soft14 session): when a date's rows are below
/// the best deal of their own pair types, one call deals them to exactly that best, pair types kept. Checked against an
/// exhaustive enumeration of the date's deals (`SearchSeatPairDealsTests.deals`) on small generated weeks.
@Suite struct SearchSeatPairDealsBaseTests {
    typealias Rotation = SearchSeatRotationTests
    typealias Pairs = SearchSeatPairDealsTests

    /// A deal's pair types: the sorted request pairs of its two-job rows, sorted.
    static func pairTypes(_ engine: GeneralEngine, _ rows: [[Int32]]) -> [[Int32]] {
        rows.filter { $0.count == 2 }.map { $0.map { engine.candReq[Int($0)] }.sorted() }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
    }

    /// Every deal of a date (seeds 1-12, six workers, four requests a date, from the single-job plan; at most 12 a
    /// date) whose value is below the best deal with its own pair types, and where the seat re-deals stop, is set as
    /// the date's deal: one call of `pairDealDay` then gives exactly the best value of those pair types, with the pair
    /// types and the counts per request kept. Without the deal of the current types, one call either changes the
    /// pair types or leaves the value below, so the check fails; some such deal must exist, so it cannot pass empty.
    @Test func belowTheBestOfItsOwnPairTypesOneCallReachesIt() {
        var starts = 0
        for seed in 1...12 {
            let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            for d in 0..<start.nD {
                guard let (free, all, _) = Pairs.deals(start, d) else { continue }
                var bestOfTypes: [[[Int32]]: Int64] = [:]
                for deal in all {
                    let t = Self.pairTypes(start, deal.rows)
                    bestOfTypes[t] = max(bestOfTypes[t] ?? Int64.min, deal.value)
                }
                var tried = 0
                for deal in all where tried < 12 {
                    let t = Self.pairTypes(start, deal.rows)
                    guard let best = bestOfTypes[t], deal.value < best else { continue }
                    var engine = start
                    for (i, w) in free.enumerated() { engine.jobs[w * engine.nD + d] = deal.rows[i] }
                    guard Pairs.reDealsStop(engine, d) else { continue }
                    tried += 1
                    let counts = Rotation.counts(engine.assignments())
                    let pinned = engine.pinnedWorkers()
                    #expect(
                        engine.pairDealDay(d, pinned, maxFlows: Int.max, maxWork: Int.max), "seed \(seed), date \(d)")
                    let rows = free.map { engine.jobs[$0 * engine.nD + d] }
                    #expect(Pairs.deals(engine, d)?.now == best, "seed \(seed), date \(d)")
                    #expect(Self.pairTypes(engine, rows) == t, "seed \(seed), date \(d)")
                    #expect(Rotation.counts(engine.assignments()) == counts, "seed \(seed), date \(d)")
                    #expect(score(instance, assignments: engine.assignments()).score.hard == 0, "seed \(seed)")
                }
                starts += tried
            }
        }
        #expect(starts > 0)
    }
}
