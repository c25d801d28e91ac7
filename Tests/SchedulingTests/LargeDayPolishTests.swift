import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The large path's polish (`LargeDayPolish.swift`: the plan's two-job rows fixed, every other row re-decided by one
/// single-job cost-scaling flow) and the large path's bound, against exhaustive search on tiny instances: the polish
/// reaches the single-job optimum from nothing, never lowers a plan, and the bound is at least the optimum.
@Suite struct LargeDayPolishTests {
    /// A tiny version 2 day (`SmallInstances.twoJobDays`): requests at full day, morning (06-10) or afternoon
    /// (13-17), every second worker may take two jobs, a share weight.
    static func twoJobDay(seed: UInt64, workers: Int = 4, requests: Int = 4) -> Instance {
        SmallInstances.twoJobDays(seed: seed, workers: workers, requests: requests, times: SmallInstances.twoJobTimes)
    }

    /// The best valid plan by exhaustion (`ExhaustiveRows.bestByDate`): each worker takes any set of at most
    /// `maxJobsPerDay` of its candidate requests (the scorer decides what is valid).
    static func exhaustive(_ instance: Instance) -> Score? { ExhaustiveRows.bestByDate(instance) }

    /// The engine's value of a plan over every day, and the order and scope `runLarge` uses.
    static func context(_ engine: GeneralEngine) -> (GeneralScope, [Int32], (Int) -> Int64) {
        let value: (Int) -> Int64 = { engine.baseValue($0) }
        let order = (0..<engine.p.candidateCount).filter { engine.candOK[$0] }.map(Int32.init)
            .sorted { (value(Int($0)), $1) > (value(Int($1)), $0) }
        return (GeneralScope(days: Array(0..<engine.nD)), order, value)
    }

    /// From an empty plan (nothing fixed) the polish is one flow over every row held to one job: with one job a day
    /// for everyone and no minimum headcounts, that is the exhaustive optimum, share bonus included — a plan it gains
    /// on from nothing.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func fromNothingThePolishIsTheSingleJobOptimum(_ seed: UInt64) throws {
        var instance = Fixtures.random(seed: seed, workers: 6, requests: 3, minHeadcounts: false)
        instance.weights = Weights(fairness: 5, continuity: 30, share: 5)
        let want = try #require(SearchSingleRowsTests.exhaustive(instance))
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        let (scope, order, value) = Self.context(engine)
        let empty = engine.networkValue([:], scope: scope, value: value)
        let (rows, v) = engine.largePolish([:], value: empty, scope: scope, order: order, value: value)
        #expect(v == engine.networkValue(rows, scope: scope, value: value))
        engine.install(rows, days: [0])
        #expect(score(instance, assignments: engine.assignments()).score == want, "seed \(seed)")
        if want.medium > 0 { #expect(v > empty && engine.stats.moves >= 1) }
    }

    /// On tiny two-job days through the large path (threshold 0): the plan is valid, the polish never lowers the plan
    /// it starts from, and the bound is at least the exhaustive optimum's medium (it is a true upper bound), which is
    /// at least the plan's.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func theBoundHoldsAndThePolishNeverLowersThePlan(_ seed: UInt64) throws {
        let instance = Self.twoJobDay(seed: seed)
        let want = try #require(Self.exhaustive(instance))
        LargePathChecks.expectPlanAtMost(want, instance, seed: seed)
        // The polish from the relaxation's repair, as `runLarge` starts it: never below it, and valid.
        var engine = GeneralEngine(Problem(instance), SolveOptions(seed: seed))
        let (scope, order, value) = Self.context(engine)
        let relaxation = engine.largeRelaxation(value: value)
        try #require(relaxation.complete)
        #expect(relaxation.medium >= want.medium)
        let start = engine.repair(relaxation.rows, scope: scope, order: order, value: value) ?? [:]
        let startValue = engine.networkValue(start, scope: scope, value: value)
        let (rows, v) = engine.largePolish(start, value: startValue, scope: scope, order: order, value: value)
        #expect(v >= startValue)
        #expect(v == engine.networkValue(rows, scope: scope, value: value))
        engine.install(rows, days: [0])
        let polished = score(instance, assignments: engine.assignments()).score
        #expect(polished.hard == 0)
        #expect(polished <= want)
    }
}
