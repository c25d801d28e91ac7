import Foundation
import Testing

@testable import Generator
@testable import Scheduling

/// The general engine's large path (`LargeDay.swift`: the root relaxation by cost scaling, repaired and filled) on
/// random version 2 instances, with the threshold lowered so that they cross it: the plan breaks no hard rule, its score
/// is the scorer's (and the shared scorer's, when `../shared` is there), its medium is at most the bound it reports,
/// the same seed gives the same plan, and a time limit still gives a valid plan.
@Suite struct LargeVersion2Tests {
    static let seeds: [UInt64] = Array(1...12)

    /// A generated version 2 instance of 60-200 workers over 1-3 days (every flavor), through the file.
    static func instance(_ seed: UInt64) throws -> Instance {
        let workers = 60 + Int(seed * 37 % 141)
        let days = 1 + Int(seed % 3)
        let flavor = Flavor.allCases[Int(seed) % Flavor.allCases.count]
        var g = InstanceGenerator(
            workers: workers, requestsPerDay: max(4, workers / 4), days: days, seed: seed, flavor: flavor)
        g.version2 = .standard
        if seed % 4 == 0 { g.version2?.halfDayShare = 0.7 }
        return try InstanceDecoder.decode(InstanceJSONWriter.encode(g.generate()))
    }

    /// Solves on the large path (threshold 0: every instance with a pair is large).
    static func solveLarge(_ instance: Instance, _ options: SolveOptions) -> Plan {
        GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: options) }
    }

    @Test(arguments: seeds)
    func largePlansAreValidBoundedAndRepeatable(_ seed: UInt64) throws {
        let instance = try Self.instance(seed)
        let problem = Problem(instance)
        try #require(GeneralEngine.needed(problem))
        let options = SolveOptions(seed: seed, workBudget: 2_000_000)
        let plan = Self.solveLarge(instance, options)
        #expect(plan.stats.branchNodes == 0)  // the large path: no branch and bound
        #expect(plan.stats.flowWork > 0)
        let report = score(instance, assignments: plan.assignments)
        #expect(report.score.hard == 0, "\(report.violations.prefix(3))")
        #expect(plan.score == report.score)
        #expect(plan.rides == report.rides)
        #expect(plan.score.medium <= plan.stats.mediumUpperBound)
        #expect(plan.score.medium > 0)
        let again = Self.solveLarge(instance, options)
        #expect(again.assignments == plan.assignments)
        #expect(again.score == plan.score)
        try Version2PropertyTests.expectSharedScorerAgrees(instance, plan)
    }

    /// On one day the large path's bound (the root relaxation with time cliques) is at most the branch and bound's root
    /// bound (the same relaxation without them), and it still bounds the small engine's plan, searched far longer.
    @Test(arguments: [3, 6, 9, 12] as [UInt64])
    func theBoundIsTheRootRelaxationsOnOneDay(_ seed: UInt64) throws {
        let instance = try Self.instance(seed)
        #expect(instance.requests.allSatisfy { $0.date == instance.requests[0].date })
        try #require(GeneralEngine.needed(Problem(instance)))
        let options = SolveOptions(seed: seed, workBudget: 2_000_000)
        let large = Self.solveLarge(instance, options)
        let exact = solve(instance, options: options)
        #expect(exact.stats.branchNodes > 0)
        #expect(large.stats.mediumUpperBound <= exact.stats.mediumUpperBound)
        #expect(exact.score.medium <= large.stats.mediumUpperBound)
    }

    @Test func aTimeLimitStillGivesAValidPlan() throws {
        let instance = try Self.instance(5)
        let plan = Self.solveLarge(instance, SolveOptions(timeLimit: 0.000_001))
        #expect(plan.stats.timeLimitHit)
        #expect(score(instance, assignments: plan.assignments).score.hard == 0)
        // No finished flow, no bound from it: the trivial one (every slot filled) is reported.
        let slots = instance.requests.reduce(0) { $0 + $1.headcount * $1.priority }
        #expect(plan.stats.mediumUpperBound >= slots)
    }
}
