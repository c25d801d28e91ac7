import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The week's bound (`largeWeekRelaxation`, `LargeWeekBound.swift`): a two-job worker's weekly cap counts dates and a
/// row's second job is a late one. On hand-made weeks where the jobs-a-day grouping lets the flow give a worker more
/// dates than the cap, or a full day with an afternoon, the new bound is the optimum (the old one strictly looser); on
/// small random multi-day instances it stays at least the exhaustive optimum.
@Suite struct LargeWeekBoundTests {
    /// The root relaxation's medium with dates counted, and `largeRelaxation`'s (jobs counted, time cliques).
    static func bounds(_ instance: Instance) -> (new: Int, old: Int) {
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        let e = engine
        let value: (Int) -> Int64 = { e.baseValue($0) }
        let new = engine.largeWeekRelaxation(value: value)
        let old = engine.largeRelaxation(value: value)
        #expect(new.complete && old.complete)
        return (new.medium, old.medium)
    }

    /// The best valid plan by exhaustion over every day (`ExhaustiveRows.bestByDate`): each worker takes, on each
    /// date, nothing or a set of at most `maxJobsPerDay` (≤ 2) of that date's requests it is a candidate for.
    static func exhaustiveWeek(_ instance: Instance) -> Score? { ExhaustiveRows.bestByDate(instance) }

    /// One worker who may take two jobs a day but work one date a week, and a full day (worth 5) on each of two dates.
    /// A week group of dates × jobs (2) lets the flow take both full days (10); counted by dates it takes one (5, the
    /// optimum).
    static let capWeek = V2.document(
        workers: [
            V2.worker(
                "w1", available: #"["2026-12-01", "2026-12-02"]"#, #""maxJobsPerDay": 2, "maxDaysPerWeek": 1"#)
        ],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", "07:00", "15:00", priority: 5),
            V2.request("r2", farm: "f1", "07:00", "15:00", date: "2026-12-02", priority: 5),
        ])

    /// One worker with two jobs a day over two dates: on the first a morning 06:00-10:00 (worth 1), a full day
    /// 07:00-15:00 (worth 5) and an afternoon 13:00-17:00 (worth 5) at one farm; on the second a full day (worth 1).
    /// Time cliques put the full day with the morning, so the old flow pairs it with the afternoon (10 + 1); here the
    /// full day is never a second job and meets the afternoon in the row's shared node (13:00): the best is the
    /// morning and the afternoon (6 + 1 = 7, the optimum).
    static let fullDayWeek = V2.document(
        workers: [V2.worker("w1", available: #"["2026-12-01", "2026-12-02"]"#, #""maxJobsPerDay": 2"#)],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", "06:00", "10:00"),
            V2.request("r2", farm: "f1", "07:00", "15:00", priority: 5),
            V2.request("r3", farm: "f1", "13:00", "17:00", priority: 5),
            V2.request("r4", farm: "f1", "07:00", "15:00", date: "2026-12-02"),
        ])

    @Test func theWeeklyCapCountsDatesNotJobs() throws {
        let instance = try V2.decode(Self.capWeek)
        let optimum = try #require(Self.exhaustiveWeek(instance))
        #expect(optimum.medium == 5)
        let (new, old) = Self.bounds(instance)
        #expect(old == 10)
        #expect(new == 5)
    }

    @Test func aFullDayIsNeverASecondJob() throws {
        let instance = try V2.decode(Self.fullDayWeek)
        let optimum = try #require(Self.exhaustiveWeek(instance))
        #expect(optimum.medium == 7)
        let (new, old) = Self.bounds(instance)
        #expect(old == 11)
        #expect(new == 7)
        let plan = GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: SolveOptions()) }
        #expect(score(instance, assignments: plan.assignments).score.hard == 0)
        #expect(plan.score <= optimum)
        #expect(plan.stats.mediumUpperBound == 7)
    }

    /// The split of the full-day row: the afternoon is the only late job, the moment is its start, and the full day's
    /// and the afternoon's first copies and the afternoon's second copy pass through the shared node.
    @Test func theRowSplitsIntoFirstAndSecondJobs() throws {
        let instance = try V2.decode(Self.fullDayWeek)
        let engine = GeneralEngine(Problem(instance), SolveOptions())
        let (row, reqs, byID) = try LargePathChecks.threeJobRow(engine, instance)
        let split = engine.rowConflictIntervals(reqs, row: row).dateSplit()
        let (m, f, a) = (byID["r1"]!, byID["r2"]!, byID["r3"]!)
        #expect(split.late[a] && !split.late[m] && !split.late[f])
        #expect(split.moment == 13 * 60)
        #expect(split.firstShared[f] && split.firstShared[a] && !split.firstShared[m])
        #expect(split.secondShared[a] && !split.secondShared[m] && !split.secondShared[f])
    }

    /// A small week (`SmallInstances.breakDays`) over two or three dates: jobs at six times of day (as
    /// `LargeDayBoundTests.breakDay`), every second worker may take two jobs, weekly caps of one or two dates, some
    /// minutes caps.
    static func breakWeek(seed: UInt64) -> Instance {
        let days = seed % 4 == 0 ? 3 : 2
        var instance = SmallInstances.breakDays(
            seed: seed, workers: 3, requests: days == 3 ? 5 : 4, days: days, stride: 5)
        for i in instance.workers.indices {
            instance.workers[i].maxDaysPerWeek = 1 + (i + Int(seed)) % 2
            if i == 2 && seed % 3 == 0 { instance.workers[i].maxMinutesPerDay = 540 }
        }
        return instance
    }

    /// The bound stays a true upper bound (at least the exhaustive optimum's medium) on small weeks where weekly caps,
    /// overlaps, breaks and minutes caps bind; the large path's plan stays valid and never above the optimum.
    @Test(arguments: 1...16 as ClosedRange<UInt64>)
    func theWeekBoundStaysAboveTheOptimum(_ seed: UInt64) throws {
        let instance = Self.breakWeek(seed: seed)
        let optimum = try #require(Self.exhaustiveWeek(instance))
        let (new, old) = Self.bounds(instance)
        #expect(new >= optimum.medium, "seed \(seed)")
        #expect(old >= optimum.medium, "seed \(seed)")
        LargePathChecks.expectPlanAtMost(optimum, instance, seed: seed)
    }

    /// On several days the large path plans from the root relaxation and solves the week's relaxation beside it, for
    /// the bound only (`GeneralEngine.largeWeekBoundBeside`): the plan is the same with the second flow or without it,
    /// and the bound is the lesser of the two — on `fullDayWeek` the optimum 7 where the root alone says 11.
    @Test func theWeeksBoundIsSolvedBesideThePlan() throws {
        let instance = try V2.decode(Self.fullDayWeek)
        let (with, without) = Self.solvedWithAndWithoutTheWeekBound(instance, seed: 1)
        #expect(with.assignments == without.assignments)
        #expect(with.score == without.score)
        #expect(without.stats.mediumUpperBound == 11)
        #expect(with.stats.mediumUpperBound == 7)
        #expect(with.stats.flowWork > without.stats.flowWork)
    }

    /// The same on small random weeks: the same plan either way, and a bound no looser than the root's alone and
    /// still at least the exhaustive optimum.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func theWeeksBoundBesideLeavesThePlanAlone(_ seed: UInt64) throws {
        let instance = Self.breakWeek(seed: seed)
        let optimum = try #require(Self.exhaustiveWeek(instance))
        let (with, without) = Self.solvedWithAndWithoutTheWeekBound(instance, seed: seed)
        #expect(with.assignments == without.assignments, "seed \(seed)")
        #expect(with.stats.mediumUpperBound <= without.stats.mediumUpperBound, "seed \(seed)")
        #expect(with.stats.mediumUpperBound >= optimum.medium, "seed \(seed)")
        #expect(
            with.stats.mediumUpperBound == min(Self.bounds(instance).new, Self.bounds(instance).old), "seed \(seed)")
    }

    /// The large path's plan with the week's bound solved beside it, and without.
    static func solvedWithAndWithoutTheWeekBound(_ instance: Instance, seed: UInt64) -> (with: Plan, without: Plan) {
        let options = SolveOptions(seed: seed)
        let with = GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: options) }
        let without = GeneralEngine.$largeWeekBoundBeside.withValue(false) {
            GeneralEngine.$largePairsOverride.withValue(0) { solve(instance, options: options) }
        }
        return (with, without)
    }
}
