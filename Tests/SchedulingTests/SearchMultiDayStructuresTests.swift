import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The two-job structure search on multi-day instances (`SearchMultiDayStructures.swift`): from a plan whose days
/// hold no two-job row, completing each day exactly (`resolveSingles`) loses medium, and the structure search of each
/// day with the others fixed reaches the optimum of every plan; it never lowers a plan.
@Suite struct SearchMultiDayStructuresTests {
    static let days = [Fixtures.day1, Fixtures.day2]

    /// The odds of `SearchTwoJobStructuresTests.randomDay`, with jobs that run across dates (one request in two) and
    /// weekly caps of one date (one worker in three).
    static let odds = {
        var odds = SearchTwoJobStructuresTests.odds
        odds.jobs = true
        odds.weeklyCaps = true
        return odds
    }()

    /// A deterministic random two-day instance: half-day jobs (mornings and afternoons at nearby farms) and a few
    /// full days on each date, workers who may take two jobs a day, some with a weekly cap of one date.
    static func randomWeek(_ seed: Int, workers nW: Int = 3, requestsPerDay nR: Int = 2) -> Instance {
        SmallInstances.halfDayJobs(seed: seed, dates: Self.days, workers: nW, requestsPerDate: nR, Self.odds)
    }

    /// The best score of every plan that gives each worker at most two requests on each date.
    static func exhaustive(_ instance: Instance) -> Score {
        let options = ExhaustiveRows.setsByDate(instance, atMost: { _ in 2 }, candidatesOnly: false)
        return ExhaustiveRows.best(instance, options: options)!
    }

    /// Both days completed exactly with no two-job row (each day in turn, until neither improves).
    static func singlesOnly(_ instance: Instance) -> GeneralEngine {
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        var improved = true
        while improved {
            improved = false
            for d in 0..<2 where engine.resolveSingles(d, maxWork: Int.max) { improved = true }
        }
        return engine
    }

    /// Seeds whose optimum needs a two-job row (the best plan of single jobs stays below its medium) and where the
    /// structure search by day alone reaches it (found among seeds 1-80: 53 need a two-job row, 29 of them are
    /// reached by the structure search of each day with the other fixed; the others need two days changed at once).
    static let mediumSeeds: [Int] = [3, 4, 5, 8, 11, 12, 14, 22, 23, 29]

    /// Seeds whose optimum needs a two-job row where the structure search by day alone stops below its medium.
    static let acrossDaySeeds: [Int] = [10, 13, 15, 16, 18, 20, 24, 25]

    /// From the single-job plan, the structure search by day (with the day's single jobs re-solved between rounds)
    /// reaches the exhaustive optimum where the single jobs alone lose medium.
    @Test(arguments: mediumSeeds)
    func theStructuresByDayReachTheOptimum(seed: Int) {
        let instance = Self.randomWeek(seed)
        let want = Self.exhaustive(instance)
        var engine = Self.singlesOnly(instance)
        let singles = score(instance, assignments: engine.assignments()).score
        #expect(singles.hard == 0)
        #expect(singles.medium < want.medium, "seed \(seed)")
        for _ in 0..<4 {
            guard engine.searchStructuresByDay(maxWork: Int.max, perRound: Int.max) else { break }
        }
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want, "seed \(seed)")
    }

    /// The search never lowers a plan, never breaks a rule, and gives the same plan twice.
    @Test(arguments: 1...40)
    func theSearchNeverLowersAPlan(seed: Int) {
        Self.expectNeverLowers(seed: seed) { _ = $0.searchStructuresByDay(maxWork: Int.max) }
    }

    /// From the singles-only plan of a small random week (`seed`, four workers, three requests a day), `search` never
    /// lowers the plan, never breaks a rule, and gives the same plan twice.
    static func expectNeverLowers(seed: Int, _ search: (inout GeneralEngine) -> Void) {
        let instance = randomWeek(seed, workers: 4, requestsPerDay: 3)
        var engine = singlesOnly(instance)
        let before = score(instance, assignments: engine.assignments()).score
        var again = engine
        search(&engine)
        search(&again)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0, "seed \(seed)")
        #expect(after >= before, "seed \(seed)")
        #expect(engine.assignments() == again.assignments(), "seed \(seed)")
    }

    /// The whole engine on the seeds whose optimum needs a two-job row: the plan is the exhaustive optimum.
    @Test(arguments: mediumSeeds + acrossDaySeeds)
    func theEngineReachesTheOptimum(seed: Int) {
        let instance = Self.randomWeek(seed)
        let want = Self.exhaustive(instance)
        let plan = solve(instance)
        #expect(plan.score == want, "seed \(seed)")
    }
}
