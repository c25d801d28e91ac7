import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The local search over two-job structures (`SearchTwoJobStructures.swift`): from a plan whose structure is wrong,
/// completing that structure exactly (`resolveSingles`, what `polishStructures` does) stays short of the optimum, and
/// the structure moves reach it; checked against every plan of small random days.
@Suite struct SearchTwoJobStructuresTests {
    static let day = Fixtures.day1

    /// Half-day jobs at farms within 8 km, a few full days, a whole headcount wanted one time in four, a worker on one
    /// job a day one time in five.
    static let odds = SmallInstances.HalfDayOdds(
        spans: [("06:00", "10:00"), ("07:00", "11:00"), ("13:00", "17:00"), ("12:30", "16:30"), ("07:00", "16:00")],
        farmKm: 8, fullMinimumOneIn: 4, recentBelow: 6, oneJobOneIn: 5)

    /// A deterministic random day of half-day jobs (mornings and afternoons at nearby farms) and a few full days.
    static func randomDay(_ seed: Int, workers nW: Int = 4, requests nR: Int = 4) -> Instance {
        SmallInstances.halfDayJobs(seed: seed, dates: [Self.day], workers: nW, requestsPerDate: nR, Self.odds)
    }

    /// The best score of every plan that gives each worker a set of at most two requests.
    static func exhaustive(_ instance: Instance) -> Score {
        ExhaustiveRows.best(instance, options: ExhaustiveRows.atMostTwo(instance))!
    }

    /// Seeds whose optimum needs two-job rows: the exact completion of the structure without any (the best plan of
    /// single jobs, what `polishStructures` keeps for that structure) stays below it.
    static let twoJobSeeds: Set<Int> = [1, 2, 4, 6, 8, 12]

    /// From the best plan without two-job rows, the structure moves reach the optimum of every plan.
    @Test(arguments: 1...12)
    func theStructureMovesReachTheOptimum(seed: Int) {
        let instance = Self.randomDay(seed)
        let want = Self.exhaustive(instance)
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        _ = engine.resolveSingles(0, maxWork: Int.max)
        let singles = score(instance, assignments: engine.assignments()).score
        if Self.twoJobSeeds.contains(seed) {
            #expect(singles < want, "seed \(seed)")
        } else {
            #expect(singles == want, "seed \(seed)")
        }
        engine.searchTwoJobStructures(maxWork: Int.max, perRound: Int.max)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want, "seed \(seed)")
    }
}

/// The ejection chains over two-job structures (`SearchTwoJobChains.swift`): where every single structure move loses
/// or ties, a chain of them, each completed exactly, reaches the optimum of every plan.
@Suite struct SearchTwoJobChainsTests {
    /// Seeds of `SearchTwoJobStructuresTests.randomDay` (four workers, four requests) where the descent by single
    /// moves (every move completed each round, none taken unless it gains) stops below the exhaustive optimum and a
    /// chain reaches it (found among seeds 1-60).
    static let chainSeeds: [Int] = [43]

    /// The structure search from the best plan of single jobs, with the given chains and losing steps.
    static func search(_ instance: Instance, maxStale: Int, chains: StructureChainLimits?) -> Score {
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        _ = engine.resolveSingles(0, maxWork: Int.max)
        engine.searchTwoJobStructures(maxWork: Int.max, perRound: Int.max, maxStale: maxStale, chains: chains)
        return score(instance, assignments: engine.assignments()).score
    }

    /// Single moves alone (no losing step) stop short; with the chains the search reaches the exhaustive optimum.
    @Test(arguments: chainSeeds)
    func aChainReachesWhatSingleMovesDoNot(seed: Int) {
        let instance = SearchTwoJobStructuresTests.randomDay(seed)
        let want = SearchTwoJobStructuresTests.exhaustive(instance)
        let single = Self.search(instance, maxStale: 0, chains: nil)
        #expect(single.hard == 0)
        #expect(single < want, "seed \(seed)")
        let chained = Self.search(instance, maxStale: 0, chains: StructureChainLimits())
        #expect(chained == want, "seed \(seed)")
    }
}
