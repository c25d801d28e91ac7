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

    /// Four half-day and full-day spans at farms within 12 km, a whole headcount wanted one time in three, a worker on
    /// one job a day one time in four and with a minutes cap one time in four.
    static let odds = SmallInstances.HalfDayOdds(
        spans: [("06:00", "10:00"), ("07:00", "11:00"), ("13:00", "17:00"), ("07:00", "16:00"), ("10:00", "14:00")],
        farmKm: 12, fullMinimumOneIn: 3, recentBelow: 4, oneJobOneIn: 4, minutesCapOneIn: 4)

    /// A deterministic random day of 4 workers and 4 requests (`SmallInstances.halfDayJobs`, so the instances never
    /// change).
    static func randomDay(_ seed: Int) -> Instance {
        SmallInstances.halfDayJobs(seed: seed, dates: [Self.day], workers: 4, requestsPerDate: 4, Self.odds)
    }

    /// The best score of every plan that gives each worker a set of at most two requests.
    static func exhaustive(_ instance: Instance) -> Score {
        ExhaustiveRows.best(instance, options: ExhaustiveRows.atMostTwo(instance))!
    }
}
