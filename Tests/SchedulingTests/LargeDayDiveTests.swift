import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// What the large path's dives hold (`LargeDayDives.swift`): a row whose relaxed jobs cannot all be worked keeps its
/// repair's choice for the next flow — held to one job when the kept job is the longest, otherwise only the jobs that
/// do not fit beside the kept one are taken out (a morning may still join an afternoon).
@Suite struct LargeDayDiveTests {
    static let day = Day("2027-07-08")!

    /// One two-job worker and three jobs at one farm: a full day (06-17), an afternoon (13-17), a morning (06-10).
    static func engine(full: Int, afternoon: Int, morning: Int) -> (
        GeneralEngine, full: Int32, afternoon: Int32, morning: Int32
    ) {
        var w = Fixtures.worker("w1", km: 0, days: [Self.day])
        w.maxJobsPerDay = 2
        let farm = Farm(id: "f1", location: Fixtures.east(1))
        func job(_ id: String, _ start: String, _ end: String, _ priority: Int) -> LaborRequest {
            LaborRequest(
                id: id, farm: "f1", date: Self.day, start: TimeOfDay(start), end: TimeOfDay(end), headcount: 1,
                priority: priority)
        }
        let instance = Instance(
            workers: [w], farms: [farm],
            requests: [
                job("rF", "06:00", "17:00", full), job("rA", "13:00", "17:00", afternoon),
                job("rM", "06:00", "10:00", morning),
            ], version: 2)
        let problem = Problem(instance)
        let engine = GeneralEngine(problem, SolveOptions())
        // One worker: request r's only candidate is its first.
        let c = { (r: Int) in problem.candStart[r] }
        return (engine, c(0), c(1), c(2))
    }

    @Test func aShorterJobKeptTakesOutOnlyWhatDoesNotFitBesideIt() throws {
        let (engine, full, afternoon, morning) = Self.engine(full: 2, afternoon: 3, morning: 1)
        try #require(engine.rowCap[0] == 2)
        var holds = LargeDiveHolds(candidates: engine.p.candidateCount)
        // The relaxation gave the worker the full day and the afternoon: the afternoon (3) is kept.
        #expect(engine.holdDive([0: [full, afternoon]], value: { engine.baseValue($0) }, holds: &holds))
        #expect(holds.single.isEmpty)
        #expect(holds.forbidden[Int(full)])
        #expect(!holds.forbidden[Int(afternoon)])
        #expect(!holds.forbidden[Int(morning)])
        // Nothing new to hold: no further dive.
        #expect(!engine.holdDive([0: [full, afternoon]], value: { engine.baseValue($0) }, holds: &holds))
    }

    @Test func theLongestJobKeptHoldsTheRowToOneJob() throws {
        let (engine, full, afternoon, morning) = Self.engine(full: 3, afternoon: 2, morning: 1)
        var holds = LargeDiveHolds(candidates: engine.p.candidateCount)
        #expect(engine.holdDive([0: [full, afternoon]], value: { engine.baseValue($0) }, holds: &holds))
        #expect(holds.single == [0])
        #expect(!holds.forbidden.contains(true))
        // A row whose jobs fit together holds nothing.
        var none = LargeDiveHolds(candidates: engine.p.candidateCount)
        #expect(!engine.holdDive([0: [afternoon, morning]], value: { engine.baseValue($0) }, holds: &none))
        #expect(none.single.isEmpty && !none.forbidden.contains(true))
    }
}
