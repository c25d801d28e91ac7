import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The general engine's whole-day moves (`SearchSingleRows.swift`, `SearchStructures.swift`, `SearchChainSwap.swift`):
/// the single-job day re-solve is exact, structures are told apart by their two-job rows, and two workers exchange
/// their continuity chains across days where a day re-solve cannot.
@Suite struct SearchSingleRowsTests {
    /// The candidate of (request, worker) by ids.
    static func cand(_ p: Problem, _ request: String, _ worker: String) -> Int32? {
        guard let r = p.index.request[request], let w = p.index.worker[worker] else { return nil }
        for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where Int(p.candWorker[c]) == w { return Int32(c) }
        return nil
    }

    /// The best valid plan by exhaustion (each worker: no job or one candidate request), scored by `score`.
    static func exhaustive(_ instance: Instance) -> Score? {
        let p = Problem(instance)
        let options = instance.workers.map { W in
            [[]] + instance.requests.filter { cand(p, $0.id, W.id) != nil }.map { [$0.id] }
        }
        return ExhaustiveRows.best(instance, options: options)
    }

    /// From an empty plan, the single-job re-solve of a day (every worker one job at most) is the exhaustive optimum,
    /// share bonus and minimum headcounts included.
    @Test(arguments: 1...8)
    func theSingleJobDayReSolveIsExact(seed: UInt64) throws {
        var instance = Fixtures.random(seed: seed, workers: 6, requests: 3)
        instance.weights = Weights(fairness: 5, continuity: 30, share: 5)
        let want = try #require(Self.exhaustive(instance))
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        _ = engine.resolveSingles(0, maxWork: Int.max)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want, "seed \(seed)")
    }

    @Test func structuresAreToldApartByTheirTwoJobRowsOnly() {
        var pool = StructurePool()
        pool.offer([1: [5], 2: [7, 8]], 10)
        pool.offer([1: [6], 2: [8, 7]], 12)  // the same two-job row: one structure, the better plan kept
        pool.offer([1: [5, 6]], 11)
        pool.offer([3: [9]], 11)
        #expect(pool.plans.count == 3)
        #expect(StructurePool.key([2: [8, 7], 1: [6]]) == [2, 7, 8, -1])
        #expect(StructurePool.key([3: [9]]) == [])
        let ranked = pool.ranked()
        #expect(ranked.count == 3)
        #expect(ranked[0] == [1: [6], 2: [8, 7]])
        // Equal values: the structure with the smaller key first (no two-job row, then row 1).
        #expect(ranked[1] == [3: [9]])
        #expect(ranked[2] == [1: [5, 6]])
    }

    /// Two workers on crossed chains over two days: each lives nearer the other's farm, and the continuity bonus (500)
    /// outweighs one day's saving (40), so no day re-solve moves them; exchanging both days keeps both chains and
    /// saves 80.
    @Test func twoWorkersExchangeTheirChainsAcrossDays() throws {
        let d1 = Fixtures.day1
        let d2 = Fixtures.day2
        let a = Fixtures.worker("a", km: 0, days: [d1, d2])
        let b = Fixtures.worker("b", km: 4, days: [d1, d2])
        let fx = Farm(id: "fX", location: Fixtures.east(3))
        let fy = Farm(id: "fY", location: Fixtures.east(1))
        let requests = [
            LaborRequest(id: "x1", farm: "fX", job: "jX", date: d1, headcount: 1),
            LaborRequest(id: "x2", farm: "fX", job: "jX", date: d2, headcount: 1),
            LaborRequest(id: "y1", farm: "fY", job: "jY", date: d1, headcount: 1),
            LaborRequest(id: "y2", farm: "fY", job: "jY", date: d2, headcount: 1),
        ]
        let instance = Instance(
            weights: Weights(fairness: 5, continuity: 500, share: 5), workers: [a, b], farms: [fx, fy],
            requests: requests, version: 2)
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        let nD = p.days.count
        #expect(nD == 2)
        func set(_ worker: Int, _ day: Int, _ request: String, _ id: String) throws {
            engine.jobs[worker * nD + day] = [try #require(Self.cand(p, request, id))]
        }
        try set(0, 0, "x1", "a")
        try set(0, 1, "x2", "a")
        try set(1, 0, "y1", "b")
        try set(1, 1, "y2", "b")
        let crossed = score(instance, assignments: engine.assignments()).score
        var dayOnly = engine
        let firstDay = dayOnly.resolveSingles(0, maxWork: Int.max)
        let secondDay = dayOnly.resolveSingles(1, maxWork: Int.max)
        #expect(!firstDay && !secondDay)
        let exchanged = engine.chainSwaps()
        #expect(exchanged)
        let swapped = engine.assignments()
        #expect(Set(swapped) == Set(Pairs.list([("y1", "a"), ("y2", "a"), ("x1", "b"), ("x2", "b")])))
        let after = score(instance, assignments: swapped).score
        #expect(after.hard == 0)
        #expect(after.medium == crossed.medium)
        #expect(after.soft == crossed.soft + 80)
    }
}

/// Pairs from (request, worker) tuples.
private enum Pairs {
    static func list(_ l: [(String, String)]) -> [Pair] { l.map { Pair(request: $0.0, worker: $0.1) } }
}
