import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The large path's multi-day polish (`LargeWeekPolish.swift`), whose first flow is the slot flow
/// (`LargeWeekSlots.swift`: rows that can hold two jobs re-decided by one exact flow with an earlier and a later slot
/// each, every other row with one job), against exhaustive search on tiny instances: it never lowers a plan, it is the
/// optimum where every pair of a row fits across its slots, and it gains where the polish (two-job rows fixed) cannot.
@Suite struct LargeWeekSlotsTests {
    /// A tiny version 2 instance of mornings (06-10) and afternoons (13-17) only, every worker may take two jobs, no
    /// minimum headcounts: every morning fits beside every afternoon of a row, so the slot flow is exact.
    static func halfDays(seed: UInt64, workers: Int = 4, requests: Int = 4, days: Int = 1) -> Instance {
        var instance = SmallInstances.timed(
            seed: seed, workers: workers, requests: requests, days: days, minHeadcounts: false,
            times: SmallInstances.halfDayTimes)
        for i in instance.workers.indices { instance.workers[i].maxJobsPerDay = 2 }
        return instance
    }

    /// The best valid plan by exhaustion over every day (`ExhaustiveRows.bestByDate`): each worker (all may take two
    /// jobs a day) takes any set of at most two of its candidates of a day.
    static func exhaustive(_ instance: Instance) -> Score? { ExhaustiveRows.bestByDate(instance) }

    /// From an empty plan, on one day of mornings and afternoons without minimums, the slot flow (the first) reaches
    /// the exhaustive optimum (share bonus included), and it gains on the empty plan.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func onMorningsAndAfternoonsTheSlotFlowIsTheOptimum(_ seed: UInt64) throws {
        let instance = Self.halfDays(seed: seed, workers: 4, requests: 4)
        let want = try #require(Self.exhaustive(instance))
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        let (scope, order, value) = LargeDayPolishTests.context(engine)
        let empty = engine.networkValue([:], scope: scope, value: value)
        let (rows, v) = engine.largeWeekPolish([:], value: empty, scope: scope, order: order, value: value)
        #expect(v == engine.networkValue(rows, scope: scope, value: value))
        engine.install(rows, days: Array(0..<engine.nD))
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got.hard == 0)
        #expect(got.medium == want.medium, "seed \(seed)")
        #expect(got.soft == want.soft, "seed \(seed)")
        if want.medium > 0 { #expect(v > empty && engine.stats.moves >= 1) }
    }

    /// On tiny two-job days and two-day weeks (full days, mornings, afternoons, minimum headcounts, weekly caps) from
    /// the relaxation's repair and from the polish: the multi-day polish never lowers the plan and its plan is valid
    /// (and, on one day, at most the exhaustive optimum).
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func theSlotPolishNeverLowersThePlan(_ seed: UInt64) throws {
        var instance = LargeDayPolishTests.twoJobDay(seed: seed, workers: 4, requests: 5)
        if seed % 3 == 0 {
            // Two days, weekly caps of one date for some.
            let day2 = Fixtures.day1.adding(days: 1)
            for i in instance.workers.indices {
                instance.workers[i].available = [Fixtures.day1, day2]
                instance.workers[i].maxDaysPerWeek = i % 2 == 0 ? 1 : 2
            }
            for i in instance.requests.indices where i % 2 == 1 { instance.requests[i].date = day2 }
        }
        let want = seed % 3 == 0 ? nil : LargeDayPolishTests.exhaustive(instance)
        var engine = GeneralEngine(Problem(instance), SolveOptions(seed: seed))
        let (scope, order, value) = LargeDayPolishTests.context(engine)
        let relaxation = engine.largeRelaxation(value: value)
        try #require(relaxation.complete)
        var start = engine.repair(relaxation.rows, scope: scope, order: order, value: value) ?? [:]
        var startValue = engine.networkValue(start, scope: scope, value: value)
        for round in 0..<2 {
            if round == 1 {
                (start, startValue) = engine.largePolish(
                    start, value: startValue, scope: scope, order: order, value: value)
            }
            let (rows, v) = engine.largeWeekPolish(start, value: startValue, scope: scope, order: order, value: value)
            #expect(v >= startValue, "seed \(seed)")
            #expect(v == engine.networkValue(rows, scope: scope, value: value))
            var check = engine
            check.install(rows, days: Array(0..<engine.nD))
            let got = score(instance, assignments: check.assignments()).score
            #expect(got.hard == 0, "seed \(seed)")
            if let want { #expect(got <= want, "seed \(seed)") }
        }
    }

    /// A plan whose two-job row the polish cannot make: X (two jobs a day) works the morning M, Y the afternoon A, the
    /// full day F is open. The polish fixes no row (none holds two jobs) and re-decides both with one job each (two of
    /// the three jobs; its fill adds the third only when its flow happens to leave X the morning and Y the full day).
    /// The slot flow (the first of the multi-day polish) gives X the morning and the afternoon, and Y the full day.
    @Test func theSlotPolishReachesTwoJobRowsThePolishCannot() throws {
        var x = Fixtures.worker("x", km: 1)
        x.maxJobsPerDay = 2
        let y = Fixtures.worker("y", km: 2)
        var m = Fixtures.request("m", priority: 3)
        m.start = TimeOfDay("06:00")
        m.end = TimeOfDay("10:00")
        var a = Fixtures.request("a", priority: 3)
        a.start = TimeOfDay("13:00")
        a.end = TimeOfDay("17:00")
        var f = Fixtures.request("f", priority: 3)
        f.start = TimeOfDay("06:00")
        f.end = TimeOfDay("17:00")
        var instance = Instance(
            name: "slots", weights: Weights(fairness: 5, continuity: 30, share: 0), workers: [x, y],
            farms: [Fixtures.farm()], requests: [m, a, f], pinned: [], history: [])
        instance.version = 2
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        let (scope, order, value) = LargeDayPolishTests.context(engine)
        let xm = try #require(SearchSingleRowsTests.cand(p, "m", "x"))
        let ya = try #require(SearchSingleRowsTests.cand(p, "a", "y"))
        let yf = try #require(SearchSingleRowsTests.cand(p, "f", "y"))
        let xa = try #require(SearchSingleRowsTests.cand(p, "a", "x"))
        let plan: [Int32: [Int32]] = [0: [xm], Int32(engine.nD): [ya]]
        let planValue = engine.networkValue(plan, scope: scope, value: value)
        let (rows, v) = engine.largeWeekPolish(plan, value: planValue, scope: scope, order: order, value: value)
        #expect(v > planValue)
        #expect(Set(rows[0] ?? []) == [xm, xa])
        #expect(rows[Int32(engine.nD)] == [yf])
        engine.install(rows, days: [0])
        #expect(score(instance, assignments: engine.assignments()).score.medium == 9)
    }
}
