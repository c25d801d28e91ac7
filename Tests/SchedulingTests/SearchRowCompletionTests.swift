import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The completion of a two-job structure when its work is cut short (`completeStructure` with a small `maxWork`, as
/// the one-day structure search now completes its moves): it starts from the plan's own single jobs, trimmed to what
/// the requests allow (`trimSingles`), so a cut completion never ends below what the plan already held.
@Suite struct SearchRowCompletionTests {
    /// Days of six workers and six requests, a whole headcount wanted one time in three (minimums that the flow's
    /// first repair often breaks).
    static let odds = SmallInstances.HalfDayOdds(
        spans: [("06:00", "10:00"), ("07:00", "11:00"), ("13:00", "17:00"), ("12:30", "16:30"), ("07:00", "16:00")],
        farmKm: 8, fullMinimumOneIn: 3, recentBelow: 6, oneJobOneIn: 5)

    static func randomDay(_ seed: Int) -> Instance {
        SmallInstances.halfDayJobs(seed: seed, dates: [Fixtures.day1], workers: 6, requestsPerDate: 6, Self.odds)
    }

    /// The plan's structure completed again with one node of work: never below the plan, and valid.
    @Test(arguments: 1...40)
    func aCutCompletionKeepsThePlan(seed: Int) {
        let instance = Self.randomDay(seed)
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        _ = engine.resolveSingles(0, maxWork: Int.max)
        engine.searchTwoJobStructures(maxWork: Int.max, perRound: Int.max)
        let before = engine.dayValueOfPlan(0)
        let v = engine.completeStructure(0, maxWork: 1)
        #expect(v != nil, "seed \(seed)")
        #expect((v ?? Int64.min) >= before, "seed \(seed)")
        #expect(score(instance, assignments: engine.assignments()).score.hard == 0, "seed \(seed)")
    }

    /// Trimming keeps every request within its headcount and seats and at its minimum or empty, and leaves the
    /// two-job rows alone.
    @Test(arguments: 1...40)
    func trimmingKeepsTheRequestsRules(seed: Int) {
        let instance = Self.randomDay(seed)
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        _ = engine.resolveSingles(0, maxWork: Int.max)
        // A structure that overfills: every worker who can takes two jobs (its first two candidates that fit).
        for t in engine.twoJobRows(day: 0) where engine.jobs[Int(t.row)].count < 2 {
            engine.jobs[Int(t.row)] = [t.a, t.b]
        }
        let two = engine.jobs.indices.filter { engine.jobs[$0].count >= 2 }.map { engine.jobs[$0] }
        engine.trimSingles(0)
        #expect(engine.jobs.indices.filter { engine.jobs[$0].count >= 2 }.map { engine.jobs[$0] } == two)
        if engine.dayRequestsHold(0) { return }
        // Only the two-job rows may break a rule now: emptying the singles changes nothing.
        for key in engine.jobs.indices where engine.jobs[key].count == 1 { engine.jobs[key] = [] }
        #expect(!engine.dayRequestsHold(0), "seed \(seed)")
    }
}
