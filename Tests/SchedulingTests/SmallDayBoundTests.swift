import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The small path's bound on one-day version 2 instances (`BranchCliques.swift`, `branchAndBound`): the conflict
/// cliques (jobs that overlap, a break shorter than the transfer, hours over the minutes cap) are the maximal ones;
/// the bound is strictly tighter than the time cliques' on a row where a transfer conflicts; it never falls below the
/// exhaustive optimum on small random days, and a finished search is the optimum.
@Suite struct SmallDayBoundTests {
    static let day = Fixtures.day1

    /// A triangle 0-1-2 with an edge 2-3 and a vertex 4 alone: the maximal cliques of two or more are the triangle
    /// and the edge; past the limit the answer is nil (the caller then keeps the time cliques).
    @Test func theConflictCliquesAreTheMaximalOnes() {
        let edges: Set<[Int]> = [[0, 1], [1, 2], [0, 2], [2, 3]]
        let cliques = BranchCliques.conflictCliques(5) { edges.contains([$0, $1]) }
        #expect(cliques.map { Set($0) } == [[0, 1, 2], [2, 3]])
        #expect(BranchCliques.conflictCliques(5, limit: 1) { edges.contains([$0, $1]) } == nil)
        // Seventy vertices (two words of bits), a clique of the even ones and no other edge.
        let big = BranchCliques.conflictCliques(70) { $0 % 2 == 0 && $1 % 2 == 0 }
        #expect(big == [Array(stride(from: 0, to: 70, by: 2))])
    }

    /// One worker who can take two jobs: a morning A (06-10, priority 1) at a farm 20 km from B's, B 10:30-14:30
    /// (priority 3), a full day C 07-16 (priority 3) and an afternoon D 13-17 (priority 1) at A's farm. A and D fit
    /// together; every other pair conflicts (A-B by the 40-minute transfer over a 30-minute break). The time cliques
    /// ({A, C}, {B, C, D}) let the relaxation take A and B (4); the conflict cliques ({A, B, C}, {B, C, D}) bound it
    /// at 3, the optimum (B or C alone).
    static func transferRow() -> Instance {
        let farms = [Farm(id: "fa", location: Fixtures.east(0)), Farm(id: "fb", location: Fixtures.east(20))]
        func job(_ id: String, _ farm: String, _ start: String, _ end: String, _ priority: Int) -> LaborRequest {
            LaborRequest(
                id: id, farm: farm, date: Self.day, start: TimeOfDay(start), end: TimeOfDay(end), headcount: 1,
                minHeadcount: 1, priority: priority)
        }
        let requests = [
            job("A", "fa", "06:00", "10:00", 1), job("B", "fb", "10:30", "14:30", 3),
            job("C", "fa", "07:00", "16:00", 3), job("D", "fa", "13:00", "17:00", 1),
        ]
        var w = Fixtures.worker("w0", km: 10, days: [Self.day])
        w.maxJobsPerDay = 2
        return Instance(
            weights: Weights(share: 2), workers: [w], farms: farms, requests: requests, version: 2, speedKmh: 30)
    }

    /// The root's medium bound (one node) with the conflict cliques or the time cliques.
    static func rootBound(_ instance: Instance, conflicts: Bool) -> Int {
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        let values = engine
        _ = engine.branchAndBound(
            scope: GeneralScope(days: [0]), incumbent: nil, maxNodes: 1, conflictCliques: conflicts,
            value: { values.baseValue($0) })
        return engine.stats.mediumUpperBound
    }

    @Test func theConflictCliquesBoundATransferRowAtItsOptimum() {
        let instance = Self.transferRow()
        #expect(GeneralEngine.needed(Problem(instance)))
        let best = ExhaustiveRows.best(instance, options: ExhaustiveRows.atMostTwo(instance))!
        #expect(best.medium == 3)
        #expect(Self.rootBound(instance, conflicts: false) >= 4)
        #expect(Self.rootBound(instance, conflicts: true) == 3)
        let plan = solve(instance, options: SolveOptions())
        #expect(plan.score == best)
        #expect(plan.stats.mediumUpperBound == 3)
    }

    /// Small random days of both generators (half days, full days, two-job workers, minutes caps, minimums, a share
    /// weight): the bound is never below the exhaustive optimum's medium, and where the branch and bound finishes
    /// (proven) the plan is that optimum.
    @Test(arguments: 1...8)
    func theBoundHoldsOnSmallRandomDays(seed: Int) {
        for instance in [BranchCliquesTests.randomDay(seed), SearchTwoJobStructuresTests.randomDay(seed)] {
            let best = ExhaustiveRows.best(instance, options: ExhaustiveRows.atMostTwo(instance))!
            var engine = GeneralEngine(Problem(instance), SolveOptions(workBudget: 4_000_000))
            let plan = engine.run()
            #expect(plan.stats.mediumUpperBound >= best.medium, "seed \(seed)")
            #expect(plan.score <= best, "seed \(seed)")
            if engine.provenOptimal {
                #expect(plan.score == best, "seed \(seed)")
                #expect(plan.stats.mediumUpperBound == best.medium, "seed \(seed)")
            }
        }
    }

    /// `SearchTwoJobStructuresTests.randomDay` seed 52: the structure search from the best plan of single jobs
    /// completed a structure whose two-job rows broke a request's rule (the network value does not see it), and kept
    /// it. Every structure it completes must now keep the requests' rules: the plan is valid before `enforceValidity`
    /// and never above the exhaustive optimum. A few other seeds are checked the same way.
    @Test(arguments: [52, 43, 1, 2, 3, 4])
    func theStructureSearchKeepsEveryRequestsRules(seed: Int) {
        let instance = SearchTwoJobStructuresTests.randomDay(seed)
        let want = SearchTwoJobStructuresTests.exhaustive(instance)
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        _ = engine.resolveSingles(0, maxWork: Int.max)
        let before = score(instance, assignments: engine.assignments()).score
        engine.searchTwoJobStructures(maxWork: Int.max, perRound: Int.max)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got.hard == 0, "seed \(seed)")
        #expect(got <= want, "seed \(seed)")
        #expect(got >= before, "seed \(seed)")
    }
}
