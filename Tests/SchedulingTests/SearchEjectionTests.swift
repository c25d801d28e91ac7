import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The general engine's ejection chains (`SearchEjection.swift`): a set of workers re-decided over every plan day at
/// once is exact, and it makes the moves that day re-solves and two-worker chain exchanges cannot.
@Suite struct SearchEjectionTests {
    /// The best valid plan by exhaustion over whole schedules (each worker, each day: no job or one candidate
    /// request of that day), scored by `score`.
    static func exhaustive(_ instance: Instance) -> Score? {
        ExhaustiveRows.best(instance, options: ExhaustiveRows.setsByDate(instance, atMost: { _ in 1 }))
    }

    /// A small random two-day instance (`Fixtures.random`: 4 workers, 5 requests) with a share weight.
    static func twoDays(seed: UInt64) -> Instance {
        var instance = Fixtures.random(seed: seed, workers: 4, requests: 5, days: 2)
        instance.weights = Weights(fairness: 5, continuity: 30, share: 5)
        return instance
    }

    /// From an empty plan of `twoDays(seed:)`, the engine after `resolve` holds the exhaustive optimum.
    static func expectExact(
        seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation,
        _ resolve: (inout GeneralEngine, Problem) -> Void
    ) throws {
        let instance = Self.twoDays(seed: seed)
        let want = try #require(Self.exhaustive(instance), sourceLocation: sourceLocation)
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        resolve(&engine, p)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want, "seed \(seed)", sourceLocation: sourceLocation)
    }

    /// From an empty plan, re-deciding every worker over every day at once is the exhaustive optimum: continuity
    /// across days, weekly caps, minimum headcounts and the share bonus included.
    @Test(arguments: 1...10)
    func reDecidingAllWorkersOverAllDaysIsExact(seed: UInt64) throws {
        try Self.expectExact(seed: seed) { engine, p in
            _ = engine.resolveWorkers(Array(0..<p.nW), maxNodes: Int.max)
        }
    }

    /// Three workers on crossed chains over two days, each able to work only its own job and the next one's (by
    /// skill): a rotation (a takes b's chain, b c's, c a's) saves travel every day, but no two workers can exchange
    /// their chains, and a day re-solve breaks three continuity links (500 each). The ejection chains find the
    /// rotation, which is the exhaustive optimum.
    @Test func threeWorkersRotateTheirChainsAcrossDays() throws {
        let d1 = Fixtures.day1
        let d2 = Fixtures.day2
        let a = Fixtures.worker("a", km: 0, skills: ["x", "y"], days: [d1, d2])
        let b = Fixtures.worker("b", km: 10, skills: ["y", "z"], days: [d1, d2])
        let c = Fixtures.worker("c", km: 20, skills: ["z", "x"], days: [d1, d2])
        // Each worker lives 1 km from the farm of the other job it can work, 9 to 19 km from its own.
        let farms = [
            Farm(id: "fX", location: Fixtures.east(19)), Farm(id: "fY", location: Fixtures.east(1)),
            Farm(id: "fZ", location: Fixtures.east(11)),
        ]
        var requests: [LaborRequest] = []
        for (job, farm, skill) in [("jX", "fX", "x"), ("jY", "fY", "y"), ("jZ", "fZ", "z")] {
            for (i, day) in [d1, d2].enumerated() {
                requests.append(
                    LaborRequest(
                        id: "\(skill)\(i + 1)", farm: farm, job: job, date: day, skills: [skill], headcount: 1))
            }
        }
        let instance = Instance(
            weights: Weights(fairness: 5, continuity: 500, share: 5), workers: [a, b, c], farms: farms,
            requests: requests, version: 2)
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        let nD = p.days.count
        #expect(nD == 2)
        // The crossed plan: a on jX, b on jY, c on jZ, both days.
        for (w, (job, id)) in [("x", "a"), ("y", "b"), ("z", "c")].enumerated() {
            for d in 0..<2 {
                engine.jobs[w * nD + d] = [try #require(SearchSingleRowsTests.cand(p, "\(job)\(d + 1)", id))]
            }
        }
        let crossed = score(instance, assignments: engine.assignments()).score
        let crossedEngine = engine
        var others = engine
        let firstDay = others.resolveSingles(0, maxWork: Int.max)
        let secondDay = others.resolveSingles(1, maxWork: Int.max)
        let exchanged = others.chainSwaps()
        #expect(!firstDay && !secondDay && !exchanged)
        let ejected = engine.ejectionChains()
        #expect(ejected)
        let rotated = engine.assignments()
        #expect(
            Set(rotated)
                == Set(
                    [("y1", "a"), ("y2", "a"), ("z1", "b"), ("z2", "b"), ("x1", "c"), ("x2", "c")].map {
                        Pair(request: $0.0, worker: $0.1)
                    }))
        let after = score(instance, assignments: rotated).score
        #expect(after.hard == 0)
        #expect(after.medium == crossed.medium)
        #expect(after.soft > crossed.soft)
        #expect(after == Self.exhaustive(instance))
        // The linked re-solve of both days (continuity priced by multipliers) finds the same rotation.
        var linked = crossedEngine
        let linkedImproved = linked.resolveLinked(days: [0, 1], maxWork: Int.max)
        #expect(linkedImproved)
        #expect(Set(linked.assignments()) == Set(rotated))
    }

    /// From an empty plan, the linked re-solve of both days with minimums branched on (no request's state kept) is
    /// the exhaustive optimum: the branch and bound over the links' multipliers finishes and is exact.
    @Test(arguments: 1...10)
    func linkedReSolveOfBothDaysIsExact(seed: UInt64) throws {
        try Self.expectExact(seed: seed) { engine, p in
            _ = engine.resolveLinked(days: Array(0..<p.days.count), keepMinimums: false, maxWork: Int.max)
        }
    }

    /// The linked re-solve never leaves a plan worse than it found it, and keeps its plan valid, from a greedy plan
    /// with the larger requests' state kept (as `run()` calls it).
    @Test(arguments: 1...5)
    func linkedReSolveKeepsAValidPlan(seed: UInt64) throws {
        var instance = Fixtures.random(seed: seed, workers: 4, requests: 4, days: 3)
        instance.weights = Weights(fairness: 5, continuity: 30, share: 5)
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        for d in 0..<p.days.count { _ = engine.resolveSingles(d, maxWork: Int.max) }
        let before = score(instance, assignments: engine.assignments()).score
        _ = engine.resolveLinked(days: Array(0..<p.days.count), maxWork: Int.max)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0)
        #expect(after >= before, "seed \(seed)")
        let best = try #require(Self.exhaustive(instance))
        #expect(after <= best)
    }
}
