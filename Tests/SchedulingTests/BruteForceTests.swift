import Foundation
import Testing

@testable import Scheduling

/// Tiny instances proven optimal here, by enumerating every plan (`BruteForce`, which shares no code with the
/// solver or the scorer): the solver reaches exactly that optimum.
@Suite struct BruteForceTests {
    /// The hand-made tiny instances of `Instances/`, with their optima recorded in `Instances/expected.json`.
    static let tiny = ["tiny-farms-blocked", "tiny-pins-minimums", "tiny-week-continuity"]

    @Test(arguments: tiny)
    func theRecordedOptimumIsTheEnumeratedOne(_ name: String) throws {
        let instance = try Fixtures.ownInstance(name)
        let best = try #require(BruteForce(instance: instance).optimum())
        let want = try #require(try Fixtures.ownExpected()[name])
        #expect(Score(hard: 0, medium: best.medium, soft: best.soft) == want)
        // The enumerated optimum is a valid plan with that score for the project's scorer and the shared one.
        let report = score(instance, assignments: best.assignments)
        #expect(report.score == want)
        let unfilled = instance.requests.compactMap { r in
            let n = best.assignments.filter { $0.request == r.id }.count
            return n < r.headcount
                ? UnfilledRequest(request: r.id, missing: r.headcount - n, reasons: ["enumerated"]) : nil
        }
        let plan = Plan(
            instance: instance.name, assignments: best.assignments, unfilled: unfilled, warnings: report.warnings,
            score: want)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
        let solved = solve(instance, options: SolveOptions(workBudget: 1_000_000))
        #expect(solved.score == want)
    }

    /// Seeded tiny instances (5 workers, 4 requests, 1-2 days, minimum headcounts, some pins): the solver's plan
    /// scores what the enumeration finds best.
    @Test(arguments: Array(1...10) as [UInt64])
    func randomTinyInstances(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed &* 7919, workers: 5, requests: 4, days: Int(seed % 2) + 1, pins: seed % 3 == 0)
        let best = try #require(BruteForce(instance: instance).optimum())
        let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: 1_000_000))
        #expect(plan.score == Score(hard: 0, medium: best.medium, soft: best.soft), "\(best.plans) valid plans")
        #expect(score(instance, assignments: plan.assignments).score == plan.score)
    }
}
