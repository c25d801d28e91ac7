import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Hand-over chains guided by a date's column duals (`SearchHandOverChains.swift`): on a day where the gain needs three
/// rows changed at once, the day's single-job completion and the closing move stop, and the chain reaches the
/// exhaustive optimum; on random weeks it never lowers a plan and gives the same plan twice.
@Suite struct SearchHandOverChainsTests {
    typealias Week = SearchMultiDayStructuresTests

    /// One day. Farms: fA at −13 km, fM and fP at 0, fQ at +13 km. rM 06:00-16:00 (priority 5), rP 13:00-17:00
    /// (priority 6), rA and rQ 06:00-10:00 (priority 1), each of headcount 1. x (at −4.4 km) reaches fA, fM, fP; y (at
    /// +4.4 km) fM, fP, fQ; z (at +22 km) only fQ. x and y may take two jobs.
    static let chainDay = V2.document(
        workers: [
            V2.worker("x", at: -0.05, #""maxJobsPerDay": 2, "maxTravelKm": 15"#),
            V2.worker("y", at: 0.05, #""maxJobsPerDay": 2, "maxTravelKm": 15"#),
            V2.worker("z", at: 0.25, #""maxTravelKm": 15"#),
        ],
        farms: [V2.farm("fA", at: -0.15), V2.farm("fM"), V2.farm("fP"), V2.farm("fQ", at: 0.15)],
        requests: [
            V2.request("rM", farm: "fM", "06:00", "16:00", priority: 5),
            V2.request("rP", farm: "fP", "13:00", "17:00", priority: 6),
            V2.request("rA", farm: "fA", "06:00", "10:00"),
            V2.request("rQ", farm: "fQ", "06:00", "10:00"),
        ])

    /// x on rM, y on rQ beside rP, z idle: medium 12. The optimum (13) is x on rA beside rP, y on rM, z on rQ: every
    /// two of those three rows changed alone gain nothing (rQ, rM and rP each hold one).
    static func chainPlan(_ instance: Instance) throws -> GeneralEngine {
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        func c(_ r: String, _ w: String) throws -> Int32 { try #require(SearchSingleRowsTests.cand(p, r, w)) }
        engine.jobs[try #require(p.index.worker["x"])] = [try c("rM", "x")]
        engine.jobs[try #require(p.index.worker["y"])] = [try c("rQ", "y"), try c("rP", "y")].sorted()
        return engine
    }

    @Test func aThreeRowChainReachesTheOptimum() throws {
        let instance = try V2.decode(Self.chainDay)
        let want = SearchTwoJobStructuresTests.exhaustive(instance)
        var engine = try Self.chainPlan(instance)
        let start = score(instance, assignments: engine.assignments()).score
        #expect(start.hard == 0 && start.medium == 12)
        #expect(want.medium == 13)
        // The old moves stop: the single-job completion (y's two-job row fixed) and the closing move.
        _ = engine.resolveSingles(0, maxWork: Int.max)
        _ = engine.closeHeldRequests(maxWork: Int.max)
        #expect(score(instance, assignments: engine.assignments()).score == start)
        let improved = engine.handOverChains(maxWork: Int.max)
        #expect(improved)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want && got.medium == 13)
    }

    /// Two dates of one week. w (one date a week) works rX (priority 2) on the second date; rY (priority 3) on the
    /// first has room and only w can work it; v, free on the second date only, can work rX.
    static let leavingDay = V2.document(
        workers: [
            V2.worker("w", available: #"["2026-12-01", "2026-12-02"]"#, #""maxDaysPerWeek": 1"#),
            V2.worker("v", available: #"["2026-12-02"]"#),
        ],
        farms: [V2.farm("f1"), V2.farm("f2")],
        requests: [
            V2.request("rY", farm: "f1", priority: 3),
            V2.request("rX", farm: "f2", date: "2026-12-02", priority: 2),
        ])

    /// From w on rX (medium 2) the chain of the second date lets w leave it for rY on the first, and v takes rX: the
    /// exhaustive optimum (medium 5).
    @Test func aWorkerLeavesADateForAnotherOfItsWeek() throws {
        let instance = try V2.decode(Self.leavingDay)
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        let w = try #require(p.index.worker["w"])
        engine.jobs[w * 2 + 1] = [try #require(SearchSingleRowsTests.cand(p, "rX", "w"))]
        let start = score(instance, assignments: engine.assignments()).score
        #expect(start.hard == 0 && start.medium == 2)
        let improved = engine.handOverChains(maxWork: Int.max)
        #expect(improved)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == Week.exhaustive(instance) && got.medium == 5)
    }

    /// The move never lowers a plan, never breaks a rule, stays within the exhaustive optimum and gives the same plan
    /// twice: from the singles-only plan of random weeks (three workers, two requests a date).
    @Test(arguments: 1...30)
    func theMoveNeverLowersAPlan(seed: Int) {
        let instance = Week.randomWeek(seed)
        let (_, after) = MoveChecks.expectNeverLowers(
            instance, from: Week.singlesOnly(instance), seed: seed, keeps: .nothing
        ) {
            $0.handOverChains(maxWork: Int.max)
        }
        #expect(after <= Week.exhaustive(instance), "seed \(seed)")
    }
}
