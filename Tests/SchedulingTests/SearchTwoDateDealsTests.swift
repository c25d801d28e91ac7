import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Two neighbouring dates dealt one after the other (`SearchTwoDateDeals.swift`) and closing kicks
/// (`SearchClosingKicks.swift`): the first date's deal, with the links into its neighbour's free rows left out, is
/// the best of its deals valued so (an exhaustive walk of the same deals); both moves never lower a plan and give the
/// same plan twice.
@Suite struct SearchTwoDateDealsTests {
    typealias Redeal = SearchCountRedealTests
    typealias Rotation = SearchSeatRotationTests

    /// The plan where the old search stops, then the count re-deals until they stop.
    static func countFixedPoint(_ instance: Instance) -> GeneralEngine {
        var engine = Redeal.oldSearch(instance)
        while engine.countRedeals(maxWork: Int.max) {}
        return engine
    }

    /// The engine with date e's free rows set aside (as the pair step does before its first deal).
    static func withoutFreeRows(_ start: GeneralEngine, _ e: Int) -> GeneralEngine {
        var engine = start
        let pinned = engine.pinnedWorkers()
        for w in 0..<engine.p.nW
        where !engine.jobs[w * engine.nD + e].isEmpty && engine.isDealFree(w, e, pinned, keepPairRiders: false) {
            engine.jobs[w * engine.nD + e] = []
        }
        return engine
    }

    /// With the neighbour's free rows set aside, the first date of a pair set to the worst of its deals is dealt to
    /// the best of them (every deal enumerated by `SearchCountRedealTests.deals`, valued by the day's network value,
    /// whose continuity now sees only the neighbour's fixed rows); on some of those dates the best deal differs from
    /// the best with the links in, so the check is not the count re-deals' again.
    @Test func theFirstDealIsTheBestWithTheNeighboursLinksLeftOut() {
        var dealt = 0
        var differs = 0
        for seed in 1...12 {
            let instance = Rotation.instance(seed, workers: 5, requestsPerDay: 3)
            let start = Self.countFixedPoint(instance)
            for d in 0..<start.nD {
                let e = d == 0 ? 1 : 0
                let cleared = Self.withoutFreeRows(start, e)
                for anchor in 1...GeneralEngine.countRedealModes {
                    guard let (worst, best) = Redeal.deals(cleared, d, anchor: anchor), worst.value < best else {
                        continue
                    }
                    var engine = cleared
                    for (w, row) in worst.rows { engine.jobs[w * engine.nD + d] = row }
                    let deal = engine.countDeal(d, engine.pinnedWorkers(), anchor: anchor)
                    #expect(deal != nil, "seed \(seed), date \(d), anchor \(anchor)")
                    for (w, row) in deal ?? [] { engine.jobs[w * engine.nD + d] = row }
                    #expect(Redeal.dayValue(engine, d) == best, "seed \(seed), date \(d), anchor \(anchor)")
                    dealt += 1
                    // The same worst deal dealt with the neighbour's rows in place.
                    var linked = start
                    for (w, row) in worst.rows { linked.jobs[w * linked.nD + d] = row }
                    for (w, row) in linked.countDeal(d, linked.pinnedWorkers(), anchor: anchor) ?? [] {
                        linked.jobs[w * linked.nD + d] = row
                    }
                    if (0..<engine.p.nW).contains(where: {
                        engine.jobs[$0 * engine.nD + d] != linked.jobs[$0 * linked.nD + d]
                    }) {
                        differs += 1
                    }
                }
            }
        }
        #expect(dealt > 0)
        #expect(differs > 0)
        print("two-date deals: \(dealt) first dates dealt to the best, \(differs) unlike the linked deal")
    }

    /// The pair steps never lower a plan, keep its medium at least and give the same plan twice.
    @Test(arguments: 1...30)
    func twoDateDealsNeverLowerAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.twoDateDeals(maxWork: Int.max)
        }
    }

    /// The closing kicks never lower a plan, keep its medium at least and give the same plan twice.
    @Test(arguments: 1...30)
    func closingKicksNeverLowerAPlan(seed: Int) {
        var instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        // Minimums above one, so some requests are held at them.
        for i in instance.requests.indices where instance.requests[i].headcount >= 2 {
            instance.requests[i].minHeadcount = 2
        }
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.closingKicks(maxWork: Int.max)
        }
    }
}
