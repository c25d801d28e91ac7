import Testing

@testable import Scheduling

/// Properties on seeded random instances.
@Suite struct PropertyTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func plansPassTheScorerAndScoresAgree(_ seed: UInt64) throws {
        let days = Int(seed % 3) + 1
        let instance = Fixtures.random(seed: seed, workers: 20, requests: 7, days: days, pins: seed % 2 == 0)
        let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: 2_000_000))
        #expect(plan.score.hard == 0)
        #expect(score(instance, assignments: plan.assignments).score == plan.score)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
        let wanted = instance.requests.reduce(0) { $0 + $1.headcount }
        let assigned = plan.assignments.count
        #expect(plan.unfilled.reduce(0) { $0 + $1.missing } == wanted - assigned)
        #expect(plan.unfilled.allSatisfy { !$0.reasons.isEmpty })
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16, 17, 18] as [UInt64])
    func addingAWorkerNeverLowersMedium(_ seed: UInt64) {
        let instance = Fixtures.random(seed: seed, workers: 15, requests: 8, days: 1, minHeadcounts: false)
        var more = instance
        var extra = Fixtures.random(seed: seed &+ 100, workers: 1, requests: 1, days: 1).workers[0]
        extra.id = "extra"
        more.workers.append(extra)
        #expect(solve(more).score.medium >= solve(instance).score.medium)
        #expect(solve(instance).score.medium == solve(instance).stats.mediumUpperBound)
    }

    @Test func sameSeedSamePlan() {
        let instance = Fixtures.random(seed: 42, workers: 30, requests: 10, days: 2)
        let a = solve(instance, options: SolveOptions(seed: 7, workBudget: 2_000_000))
        let b = solve(instance, options: SolveOptions(seed: 7, workBudget: 2_000_000))
        #expect(a.assignments == b.assignments)
        #expect(a.score == b.score)
        #expect(a.unfilled == b.unfilled)
    }
}
