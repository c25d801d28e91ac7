import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Restarts of the structure search by day (`searchDayStructures(restarts:)`, `GeneralEngine.polishMaxStale` and
/// `polishRestarts`): after `maxStale` steps without a new best the search starts again from its best plan, the
/// structures it completed staying tried. The search with restarts never lowers a plan, and where the walk of losing
/// steps stops it reaches what the first moves of the best plan's list did not.
@Suite struct SearchStructureRestartsTests {
    typealias Week = SearchMultiDayStructuresTests

    /// Day `d`'s structure search with polish completions, `perRound` moves a step, one losing step and `restarts`.
    static func search(_ engine: inout GeneralEngine, restarts: Int, perRound: Int = 2) {
        for d in 0..<engine.nD {
            _ = engine.searchDayStructures(
                d, maxWork: Int.max, perRound: perRound, maxStale: 1, restarts: restarts, polish: true)
        }
    }

    /// With the settings of `mediumFirst` (one losing step, two restarts) the search never lowers a plan, never
    /// breaks a rule, and gives the same plan twice.
    @Test(arguments: 1...40)
    func theSearchWithRestartsNeverLowersAPlan(seed: Int) {
        Week.expectNeverLowers(seed: seed) { engine in
            for d in 0..<engine.nD {
                _ = engine.searchDayStructures(
                    d, maxWork: Int.max, perRound: GeneralEngine.polishPerRound,
                    maxStale: GeneralEngine.polishMaxStale, restarts: GeneralEngine.polishRestarts, polish: true)
            }
        }
    }

    /// Seed 303 (four workers, three requests a date; found by a scan of seeds 1-400, one of the two where restarts
    /// change the plan): with two moves a step and one losing step, the search without restarts stops at soft 3240,
    /// and with restarts it completes a move of the best plan's list that the walk never reached (3700). Until the
    /// v2rows7 session (the estimate priced idle rows of closed weeks) it was seed 135, 3475 → 3495; the walk now
    /// reaches 3495 there by itself.
    @Test func restartsReachWhatTheWalkStopsShortOf() {
        let instance = Week.randomWeek(303, workers: 4, requestsPerDay: 3)
        var without = Week.singlesOnly(instance)
        var with = without
        Self.search(&without, restarts: 0)
        Self.search(&with, restarts: GeneralEngine.polishRestarts)
        let a = score(instance, assignments: without.assignments()).score
        let b = score(instance, assignments: with.assignments()).score
        #expect(a.hard == 0 && b.hard == 0)
        #expect(b > a, "\(a) → \(b)")
        #expect(b.soft == 3700 && b.medium == 24, "\(b)")
    }
}
