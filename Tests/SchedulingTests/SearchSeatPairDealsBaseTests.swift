import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The pair deals' own deal of the current pair types (`pairDealDay`, v2soft14 session): when a date's rows are below
/// the best deal of their own pair types, one call deals them to exactly that best, pair types kept. Checked against
/// an exhaustive enumeration of the date's deals (`SearchSeatPairDealsTests.deals`) on small generated weeks.
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
    /// date) whose value is below the best deal with its own pair types (an exhaustive enumeration of the date's deals
    /// as the engine sees them with that deal set) is set as the date's deal, and `pairDealDay` is called once: it
    /// gives exactly the best value of the current pair types with the types, the medium and the counts per request
    /// kept. The pair deals without the deal of the current types change the types or nothing in one call, so the check
    /// fails without it; some such start must exist, so it cannot pass empty.
    @Test func belowTheBestOfItsOwnPairTypesOneCallReachesIt() {
        var starts = 0
        for seed in 1...12 {
            let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            for d in 0..<start.nD {
                guard let (free, all, _) = Pairs.deals(start, d) else { continue }
                var tried = 0
                for deal in all where tried < 12 {
                    var engine = start
                    for (i, w) in free.enumerated() { engine.jobs[w * engine.nD + d] = deal.rows[i] }
                    // The date's deals as the engine now sees them (its free workers with this deal set).
                    guard let (free2, all2, now) = Pairs.deals(engine, d) else { continue }
                    let t = Self.pairTypes(engine, free2.map { engine.jobs[$0 * engine.nD + d] })
                    let best = all2.filter { Self.pairTypes(engine, $0.rows) == t }.map(\.value).max() ?? now
                    guard now < best else { continue }
                    tried += 1
                    let counts = Rotation.counts(engine.assignments())
                    let pinned = engine.pinnedWorkers()
                    let before = score(instance, assignments: engine.assignments()).score
                    _ = engine.pairDealDay(d, pinned, maxFlows: Int.max, maxWork: Int.max)
                    let after = score(instance, assignments: engine.assignments()).score
                    let rows = free2.map { engine.jobs[$0 * engine.nD + d] }
                    #expect(Pairs.deals(engine, d)?.now == best, "seed \(seed), date \(d)")
                    #expect(Self.pairTypes(engine, rows) == t, "seed \(seed), date \(d)")
                    #expect(after.hard == 0 && after.medium == before.medium, "seed \(seed), date \(d)")
                    #expect(after.soft >= before.soft, "seed \(seed), date \(d)")
                    #expect(Rotation.counts(engine.assignments()) == counts, "seed \(seed), date \(d)")
                }
                starts += tried
            }
        }
        #expect(starts > 0)
    }
}
