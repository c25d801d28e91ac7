import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The general engine's branch and bound with the rows' time cliques priced in (`BranchCliques.swift`): the cliques
/// are the right ones, and on small random days with two-job workers the plan equals an exhaustive search's optimum
/// (a bound that cut off a better plan would fail it).
@Suite struct BranchCliquesTests {
    static let day = Day("2027-07-08")!

    /// 06-10, 07-11, 13-17 and a full day 07-16: at 07:00 the first, second and full day run together; at 13:00 the
    /// afternoon and the full day. Nothing else is a clique of two or more that no other contains.
    @Test func theCliquesAreTheMomentsWhereJobsOverlap() {
        let spans: [(Int, Int)] = [(360, 600), (420, 660), (780, 1020), (420, 960)]
        let cliques = BranchCliques.rowCliques(
            [0, 1, 2, 3], start: { spans[Int($0)].0 }, end: { spans[Int($0)].1 })
        #expect(Set(cliques.map { Set($0) }) == [[0, 1, 3], [2, 3]])
        #expect(cliques.count == 2)
        // Jobs that never overlap form no clique.
        #expect(BranchCliques.rowCliques([0, 2], start: { spans[Int($0)].0 }, end: { spans[Int($0)].1 }).isEmpty)
    }

    /// A step moves the multiplier of a broken clique up and leaves a clique that holds with μ = 0 alone.
    @Test func aStepRaisesTheMultiplierOfABrokenClique() {
        var cl = BranchCliques()
        cl.members = [[0, 1], [2, 3]]
        var mu: [Int64] = [0, 0]
        #expect(cl.step(&mu, taken: [0, 1, 2], gap: 100, theta: 1, cap: 1_000))
        #expect(mu[0] > 0)
        #expect(mu[1] == 0)
        #expect(cl.penalties(mu)[0] == mu[0])
        // Nothing broken and nothing priced: no move.
        var zero: [Int64] = [0, 0]
        #expect(!cl.step(&zero, taken: [0, 2], gap: 100, theta: 1, cap: 1_000))
    }

    /// The search's priced root bounded the half-day reference day's medium at 182 (the flow alone: 194; the optimum
    /// is 176; one point of each is the pinned worker); the root priced with the conflict cliques
    /// (`provenMediumBound`) bounds it at 176, and the plan reaches it: its medium is proven optimal. (The same solve
    /// as `ReferenceInstanceTests`', through its cache.)
    @Test func theConflictCliquesProveTheHalfDaysMedium() throws {
        let name = "gen-v2-halfday-w150-r40-d1"
        let bytes = [UInt8](try Data(contentsOf: Fixtures.instances.appendingPathComponent("\(name).json")))
        let instance = try InstanceDecoder.decode(bytes)
        let plan = PlanCache.shared.plan(bytes, instance, ReferenceInstanceTests.options)
        #expect(plan.stats.mediumUpperBound == 176)
        #expect(plan.score.medium == 176)
    }

    /// Small random days: 4 workers (two jobs a day for most, some with a minutes cap), 4 requests of mixed half and
    /// full days, a share weight (the general engine), minimum headcounts. The plan equals the best of every
    /// assignment (each worker takes any set of at most two requests), scored by the project's scorer.
    @Test(arguments: 1...6)
    func smallDaysReachTheExhaustiveOptimum(_ seed: Int) {
        let instance = Self.randomDay(seed)
        #expect(GeneralEngine.needed(Problem(instance)))
        let plan = solve(instance, options: SolveOptions(workBudget: 20_000_000))
        let best = Self.exhaustive(instance)
        #expect(plan.score == best, "seed \(seed)")
        #expect(score(instance, assignments: plan.assignments).score == plan.score)
    }

    /// A deterministic random day (a linear congruential generator, so the instances never change).
    static func randomDay(_ seed: Int) -> Instance {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let spans = [
            ("06:00", "10:00"), ("07:00", "11:00"), ("13:00", "17:00"), ("07:00", "16:00"), ("10:00", "14:00"),
        ]
        var farms: [Farm] = []
        var requests: [LaborRequest] = []
        for i in 0..<4 {
            farms.append(Farm(id: "f\(i)", location: Fixtures.east(Double(next(12)))))
            let span = spans[next(spans.count)]
            let headcount = 1 + next(3)
            requests.append(
                LaborRequest(
                    id: "r\(i)", farm: "f\(i)", date: Self.day, start: TimeOfDay(span.0), end: TimeOfDay(span.1),
                    headcount: headcount, minHeadcount: next(3) == 0 ? headcount : 1, priority: 1 + next(3)))
        }
        var workers: [Worker] = []
        for i in 0..<4 {
            var w = Fixtures.worker("w\(i)", km: Double(next(10)), days: [Self.day], recent: next(4))
            w.maxJobsPerDay = next(4) == 0 ? 1 : 2
            if next(4) == 0 { w.maxMinutesPerDay = 480 }
            workers.append(w)
        }
        return Instance(
            weights: Weights(share: 1 + next(5)), workers: workers, farms: farms, requests: requests, version: 2)
    }

    /// The best score of every plan that gives each worker a set of at most two requests.
    static func exhaustive(_ instance: Instance) -> Score {
        ExhaustiveRows.best(instance, options: ExhaustiveRows.atMostTwo(instance))!
    }
}
