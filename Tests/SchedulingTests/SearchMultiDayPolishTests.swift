import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The cheap completion of a day among several (`SearchMultiDayPolish.swift`): the polish flow of one day's single
/// jobs, the other days fixed, against the exact completion (`resolveSingles`); and the structure search that judges
/// its moves by it.
@Suite struct SearchMultiDayPolishTests {
    typealias Week = SearchMultiDayStructuresTests

    /// Whether a request of plan day `d` needs more than one worker (then the polish's minimum handling, forcing and
    /// closing, is not exact).
    static func minimumOn(_ instance: Instance, day d: Int) -> Bool {
        instance.requests.contains { $0.date == Week.days[d] && $0.minHeadcount > 1 }
    }

    /// From the best plan of single jobs, each day's rows emptied and completed by the polish flow: the day is valid,
    /// and where no minimum binds it is worth at least the exact single-job completion (`resolveSingles`: the flow is
    /// exact for single jobs, continuity with the other day and the share bonus priced exactly, and the repair's
    /// greedy fill may add a second job to a row on top); the same plan twice.
    @Test(arguments: 1...40)
    func thePolishCompletesADayAtLeastAsWellWithoutMinimums(seed: Int) {
        let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
        let start = Week.singlesOnly(instance)
        for d in 0..<2 {
            var exact = start
            var polish = start
            for w in 0..<instance.workers.count {
                exact.jobs[w * 2 + d] = []
                polish.jobs[w * 2 + d] = []
            }
            _ = exact.resolveSingles(d, maxWork: Int.max)
            var again = polish
            let v = polish.polishDaySingles(d)
            _ = again.polishDaySingles(d)
            #expect(polish.dayValid(d), "seed \(seed) day \(d)")
            #expect(v == polish.dayPlanValue(d), "seed \(seed) day \(d)")
            if !Self.minimumOn(instance, day: d) {
                #expect(v >= exact.dayPlanValue(d), "seed \(seed) day \(d)")
            }
            #expect(polish.jobs == again.jobs, "seed \(seed) day \(d)")
        }
    }

    /// The structure search by day with polish completions (`searchDayStructures(polish: true)`, what `mediumFirst`
    /// takes on a day whose exact completion is expensive) reaches the exhaustive optimum on the seeds where the exact
    /// one does (`SearchMultiDayStructuresTests.mediumSeeds`), with the day's single jobs re-solved exactly between
    /// rounds as `mediumFirst` does.
    @Test(arguments: Week.mediumSeeds)
    func theSearchWithPolishCompletionsReachesTheOptimum(seed: Int) {
        let instance = Week.randomWeek(seed)
        let want = Week.exhaustive(instance)
        var engine = Week.singlesOnly(instance)
        for _ in 0..<4 {
            var improved = false
            for d in 0..<2 {
                if engine.resolveSingles(d, maxWork: Int.max) { improved = true }
                if engine.searchDayStructures(d, maxWork: Int.max, perRound: Int.max, polish: true) { improved = true }
            }
            if !improved { break }
        }
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want, "seed \(seed)")
    }

    /// The search with polish completions never lowers a plan, never breaks a rule, and gives the same plan twice.
    @Test(arguments: 1...40)
    func theSearchWithPolishCompletionsNeverLowersAPlan(seed: Int) {
        Week.expectNeverLowers(seed: seed) { engine in
            for d in 0..<2 { _ = engine.searchDayStructures(d, maxWork: Int.max, polish: true) }
        }
    }
}
