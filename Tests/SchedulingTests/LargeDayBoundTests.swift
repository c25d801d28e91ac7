import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The large path's bound with conflict cliques that put a job covering several moments with the earliest and see
/// breaks and minutes caps (`LargeDayBound.swift`): on hand-made rows where the old grouping lets the flow give a
/// worker two jobs that cannot both be worked, the new cliques lower the bound to the optimum (the old one was
/// strictly looser); on tiny random two-job days it stays at least the exhaustive optimum.
@Suite struct LargeDayBoundTests {
    /// The root relaxation's medium with the new cliques and with time overlap alone.
    static func bounds(_ instance: Instance) -> (new: Int, old: Int) {
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        let e = engine
        let value: (Int) -> Int64 = { e.baseValue($0) }
        let new = engine.largeRelaxation(value: value)
        let old = engine.largeRelaxation(value: value, breaks: false)
        #expect(new.complete && old.complete)
        return (new.medium, old.medium)
    }

    /// One worker who may take two jobs: 06:00-12:00 at fA (worth 3), then 12:30-16:30 at fB 26.7 km away (worth
    /// 5: at 30 km/h the 30-minute break is 24 minutes short), or 14:00-18:00 at fC 17.8 km from fA (worth 1: its
    /// 36-minute transfer fits the 2-hour break). Time alone groups fA's job apart from the two afternoons, so the flow
    /// takes fA and fB (8); with fA's job extended by its least transfer to a later job (36 minutes, to 12:36) it
    /// shares a group with fB's: the flow's best is fB with fC (6, the afternoons overlap but cover no common moment
    /// of the stabbing), against the optimum fB alone (5).
    static let transferRow = V2.document(
        workers: [V2.worker("w1", at: 0.15, #""maxJobsPerDay": 2"#)],
        farms: [V2.farm("fA"), V2.farm("fB", at: 0.3), V2.farm("fC", at: 0.2)],
        requests: [
            V2.request("r1", farm: "fA", "06:00", "12:00", priority: 3),
            V2.request("r2", farm: "fB", "12:30", "16:30", priority: 5),
            V2.request("r3", farm: "fC", "14:00", "18:00"),
        ], top: #""speedKmh": 30"#)

    /// One worker with two jobs a day and 480 minutes: 06:00-07:30 (worth 1), 08:00-14:00 (worth 3) and 14:30-18:30
    /// (worth 5) at one farm. The last two fit by time but last 600 minutes: the 08:00 job can be followed by no job
    /// of the row, so its interval runs to the end of the day and groups it with the 14:30 one. Time alone allows
    /// 3 + 5 = 8; the optimum, and the new bound, is 1 + 5 = 6.
    static let minutesRow = V2.document(
        workers: [V2.worker("w1", #""maxJobsPerDay": 2, "maxMinutesPerDay": 480"#)],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", "06:00", "07:30"),
            V2.request("r2", farm: "f1", "08:00", "14:00", priority: 3),
            V2.request("r3", farm: "f1", "14:30", "18:30", priority: 5),
        ])

    /// One worker with two jobs a day at one farm: 06:00-10:00 (worth 5), 10:30-14:30 (worth 1) and a full day
    /// 07:00-15:00 (worth 5). The stabbing's moments are 09:59 and 14:29; the full day covers both. With the latest
    /// (time alone, as before) it sits with the 10:30 job and the flow pairs it with the morning it overlaps (10); with
    /// the earliest it sits with the morning, and the bound is the optimum: the morning and the 10:30 job (6).
    static let fullDayRow = V2.document(
        workers: [V2.worker("w1", #""maxJobsPerDay": 2"#)],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", "06:00", "10:00", priority: 5),
            V2.request("r2", farm: "f1", "10:30", "14:30"),
            V2.request("r3", farm: "f1", "07:00", "15:00", priority: 5),
        ])

    @Test func aFullDayNoLongerPairsWithAMorningItOverlaps() throws {
        let instance = try V2.decode(Self.fullDayRow)
        let optimum = try #require(LargeDayPolishTests.exhaustive(instance))
        #expect(optimum.medium == 6)
        let (new, old) = Self.bounds(instance)
        #expect(old == 10)
        #expect(new == 6)
        let plan = GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: SolveOptions()) }
        #expect(plan.score == optimum)
        #expect(plan.stats.mediumUpperBound == 6)
    }

    @Test func aBreakTooShortForTheTransferLowersTheBound() throws {
        let instance = try V2.decode(Self.transferRow)
        let optimum = try #require(LargeDayPolishTests.exhaustive(instance))
        #expect(optimum.medium == 5)
        let (new, old) = Self.bounds(instance)
        #expect(old == 8)
        #expect(new == 6)
        let plan = GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: SolveOptions()) }
        #expect(plan.score == optimum)
        #expect(plan.stats.mediumUpperBound == 6)
    }

    @Test func aMinutesCapLowersTheBound() throws {
        let instance = try V2.decode(Self.minutesRow)
        let optimum = try #require(LargeDayPolishTests.exhaustive(instance))
        #expect(optimum.medium == 6)
        let (new, old) = Self.bounds(instance)
        #expect(old == 8)
        #expect(new == 6)
    }

    /// The extended intervals of the transfer row: fA's job ends 36 minutes later (its least transfer to a job
    /// starting after it, fC's), the afternoons not at all (no job starts after either ends), and the groups are
    /// {fA, fB} and {fC}.
    @Test func theIntervalsAreExtendedByTheLeastBreak() throws {
        let instance = try V2.decode(Self.transferRow)
        let engine = GeneralEngine(Problem(instance), SolveOptions())
        let (row, reqs, byID) = try LargePathChecks.threeJobRow(engine, instance)
        let intervals = engine.rowConflictIntervals(reqs, row: row)
        let (a, b, c) = (byID["r1"]!, byID["r2"]!, byID["r3"]!)
        #expect(intervals.tail[a] == 36)
        #expect(intervals.tail[b] == 0)
        #expect(intervals.tail[c] == 0)
        let (of, count) = intervals.groups()
        #expect(count == 2)
        #expect(of[a] == of[b] && of[a] != of[c])
    }

    /// A tiny two-job day (`SmallInstances.breakDays`): jobs at six times of day (full days, mornings, afternoons,
    /// breaks of 30 minutes to 2 hours), every second worker may take two jobs, every third of those has a minutes cap.
    static func breakDay(seed: UInt64) -> Instance {
        var instance = SmallInstances.breakDays(seed: seed, workers: 4, requests: 5)
        for i in instance.workers.indices where i % 4 == 0 && seed % 3 == 0 {
            instance.workers[i].maxMinutesPerDay = 540
        }
        return instance
    }

    /// The bound stays a true upper bound (at least the exhaustive optimum's medium) on days where overlaps, breaks and
    /// caps exclude pairs; the large path's plan stays valid and never above the optimum.
    @Test(arguments: 1...16 as ClosedRange<UInt64>)
    func theBoundStaysAboveTheOptimum(_ seed: UInt64) throws {
        let instance = Self.breakDay(seed: seed)
        let optimum = try #require(LargeDayPolishTests.exhaustive(instance))
        let (new, old) = Self.bounds(instance)
        #expect(new >= optimum.medium, "seed \(seed)")
        #expect(old >= optimum.medium, "seed \(seed)")
        LargePathChecks.expectPlanAtMost(optimum, instance, seed: seed)
    }
}
