import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The local search over two-job structures (`SearchTwoJobStructures.swift`): from a plan whose structure is wrong,
/// completing that structure exactly (`resolveSingles`, what `polishStructures` does) stays short of the optimum, and
/// the structure moves reach it; checked against every plan of small random days.
@Suite struct SearchTwoJobStructuresTests {
    static let day = Fixtures.day1

    /// A deterministic random day of half-day jobs (mornings and afternoons at nearby farms) and a few full days.
    static func randomDay(_ seed: Int, workers nW: Int = 4, requests nR: Int = 4) -> Instance {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let spans = [
            ("06:00", "10:00"), ("07:00", "11:00"), ("13:00", "17:00"), ("12:30", "16:30"), ("07:00", "16:00"),
        ]
        var farms: [Farm] = []
        var requests: [LaborRequest] = []
        for i in 0..<nR {
            farms.append(Farm(id: "f\(i)", location: Fixtures.east(Double(next(8)))))
            let span = spans[next(spans.count)]
            let headcount = 1 + next(3)
            requests.append(
                LaborRequest(
                    id: "r\(i)", farm: "f\(i)", date: Self.day, start: TimeOfDay(span.0), end: TimeOfDay(span.1),
                    headcount: headcount, minHeadcount: next(4) == 0 ? headcount : 1, priority: 1 + next(3)))
        }
        var workers: [Worker] = []
        for i in 0..<nW {
            var w = Fixtures.worker("w\(i)", km: Double(next(10)), days: [Self.day], recent: next(6))
            w.maxJobsPerDay = next(5) == 0 ? 1 : 2
            workers.append(w)
        }
        return Instance(
            weights: Weights(fairness: 5, continuity: 30, share: 1 + next(5)), workers: workers, farms: farms,
            requests: requests, version: 2)
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
