import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The Lagrangian bound of the large multi-day path (`LargeWeekDual.swift`): requests and seats priced, each worker's
/// days and dates decided exactly. Whatever the prices it stays at least the exhaustive optimum; at zero prices it is
/// every worker's best week alone.
@Suite struct LargeWeekDualTests {
    static func zero(_ engine: GeneralEngine) -> LargeDualPrices {
        LargeDualPrices(
            request: [Int64](repeating: 0, count: engine.p.nR), seat: [Int64](repeating: 0, count: engine.p.nR))
    }

    /// One worker, two jobs a day, one date a week: a full day worth 5 on each of two dates, and a morning (2) with an
    /// afternoon (2) on the first. Alone, at zero prices, the worker's best week is one date: the full day (5), not the
    /// morning and afternoon (4), and never two dates.
    @Test func atZeroPricesEachWorkerTakesItsBestWeek() throws {
        let doc = V2.document(
            workers: [
                V2.worker(
                    "w1", available: #"["2026-12-01", "2026-12-02"]"#, #""maxJobsPerDay": 2, "maxDaysPerWeek": 1"#)
            ],
            farms: [V2.farm("f1")],
            requests: [
                V2.request("r1", farm: "f1", "07:00", "15:00", priority: 5),
                V2.request("r2", farm: "f1", "07:00", "15:00", date: "2026-12-02", priority: 5),
                V2.request("r3", farm: "f1", "06:00", "10:00", priority: 2),
                V2.request("r4", farm: "f1", "13:00", "17:00", priority: 2),
            ])
        let instance = try V2.decode(doc)
        let engine = GeneralEngine(Problem(instance), SolveOptions())
        let got = engine.largeWeekDualValue(Self.zero(engine))
        #expect(got.bound == 5)
        #expect(got.used.reduce(0, +) == 1)
        // A price of 4 points on both full days: the morning and afternoon (4) beat a full day (5 − 4 = 1), and the
        // bound is 4 + the priced capacity (2 × 4) = 12.
        var prices = Self.zero(engine)
        for r in 0..<engine.p.nR where instance.requests[r].priority == 5 {
            prices.request[r] = 4 * LargeDualPrices.scale
        }
        let priced = engine.largeWeekDualValue(prices)
        #expect(priced.bound == 12)
        #expect(priced.used.reduce(0, +) == 2)
    }

    /// On small random weeks (weekly caps, overlaps, breaks, minutes caps, minimum headcounts): at zero prices, at the
    /// root flow's prices and at random prices, the Lagrangian bound is at least the exhaustive optimum, and the
    /// solve's bound (the least of the flow's and this one) too.
    @Test(arguments: 1...16 as ClosedRange<UInt64>)
    func theDualBoundStaysAboveTheOptimum(_ seed: UInt64) throws {
        let instance = LargeWeekBoundTests.breakWeek(seed: seed)
        let optimum = try #require(LargeWeekBoundTests.exhaustiveWeek(instance))
        var engine = GeneralEngine(Problem(instance), SolveOptions(seed: seed))
        let e = engine
        let root = engine.largeWeekRelaxation(value: { e.baseValue($0) })
        try #require(root.complete)
        let start = engine.largeDualStart(root)
        let atZero = engine.largeWeekDualValue(Self.zero(engine)).bound
        let atStart = engine.largeWeekDualValue(start).bound
        #expect(atZero >= optimum.medium, "seed \(seed)")
        #expect(atStart >= optimum.medium, "seed \(seed)")
        // Random prices: still a bound.
        var rng = SplitMix64(seed: seed)
        var prices = Self.zero(engine)
        for r in 0..<engine.p.nR {
            prices.request[r] = Int64(rng.next() % UInt64(6 * LargeDualPrices.scale))
            prices.seat[r] = Int64(rng.next() % UInt64(2 * LargeDualPrices.scale))
        }
        #expect(engine.largeWeekDualValue(prices).bound >= optimum.medium, "seed \(seed)")
        // The solve's bound is the least of the flow's and this one: still at least the optimum.
        let plan = GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: SolveOptions(seed: seed)) }
        #expect(score(instance, assignments: plan.assignments).score.hard == 0)
        if GeneralEngine.needed(Problem(instance)) { #expect(plan.stats.mediumUpperBound >= optimum.medium) }
    }
}
