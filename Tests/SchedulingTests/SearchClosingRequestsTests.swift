import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Closing a request held at its minimum, its workers dealt to other requests of the day
/// (`SearchClosingRequests.swift`): where two of its holders are two-job rows, the day's other moves keep it open,
/// and the move reaches the exhaustive optimum; on random weeks it never lowers a plan.
@Suite struct SearchClosingRequestsTests {
    typealias Week = SearchMultiDayStructuresTests

    /// One day, every farm at one place (no transfer): rA 06:00-10:00 (headcount 3, minimum 3, priority 1), rB
    /// 07:00-11:00 (headcount 3, priority 3), rP 13:00-17:00 (headcount 3). x, y and u may take two jobs.
    static let heldByTwoJobRows = V2.document(
        workers: [
            V2.worker("x", #""maxJobsPerDay": 2"#), V2.worker("y", #""maxJobsPerDay": 2"#),
            V2.worker("u", #""maxJobsPerDay": 2"#),
        ],
        farms: [V2.farm("f1"), V2.farm("f2"), V2.farm("f3")],
        requests: [
            V2.request("rA", farm: "f1", "06:00", "10:00", headcount: 3, extra: #""minHeadcount": 3"#),
            V2.request("rB", farm: "f2", "07:00", "11:00", priority: 3, headcount: 3),
            V2.request("rP", farm: "f3", "13:00", "17:00", headcount: 3),
        ])

    /// The plan the s6 diff showed in small: rA held at its minimum by x, y and u, each beside rP.
    static func heldPlan(_ instance: Instance) throws -> GeneralEngine {
        let p = Problem(instance)
        var engine = GeneralEngine(p, SolveOptions())
        func c(_ r: String, _ w: String) throws -> Int32 { try #require(SearchSingleRowsTests.cand(p, r, w)) }
        engine.jobs[try #require(p.index.worker["x"])] = [try c("rA", "x"), try c("rP", "x")].sorted()
        engine.jobs[try #require(p.index.worker["y"])] = [try c("rA", "y"), try c("rP", "y")].sorted()
        engine.jobs[try #require(p.index.worker["u"])] = [try c("rA", "u"), try c("rP", "u")].sorted()
        return engine
    }

    /// From that plan the day's single-job completion keeps rA open (its two-job rows are fixed, and rA cannot lose
    /// one of its three); closing it sends x, y and u to rB beside rP: the exhaustive optimum (medium 6 → 12). (On so
    /// small a day the structure search's walk also gets there, dropping the rows one by one; on `s6` it did not.)
    @Test func aRequestHeldByTwoJobRowsIsClosed() throws {
        let instance = try V2.decode(Self.heldByTwoJobRows)
        let want = SearchTwoJobStructuresTests.exhaustive(instance)
        var engine = try Self.heldPlan(instance)
        let start = score(instance, assignments: engine.assignments()).score
        #expect(start.hard == 0 && start.medium == 6)
        _ = engine.resolveSingles(0, maxWork: Int.max)
        #expect(score(instance, assignments: engine.assignments()).score == start)
        let closed = engine.closeHeldRequests(maxWork: Int.max)
        #expect(closed)
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want && got.medium == 12)
    }

    /// The move never lowers a plan, never breaks a rule, and gives the same plan twice: from the singles-only plan of
    /// random weeks (four workers, three requests a date).
    @Test(arguments: 1...40)
    func theMoveNeverLowersAPlan(seed: Int) {
        let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
        MoveChecks.expectNeverLowers(instance, from: Week.singlesOnly(instance), seed: seed, keeps: .nothing) {
            $0.closeHeldRequests(maxWork: Int.max)
        }
    }

    /// What the move reaches is a plan: never above the exhaustive optimum (three workers, two requests a date).
    @Test(arguments: 1...20)
    func theMoveStaysWithinTheOptimum(seed: Int) {
        let instance = Week.randomWeek(seed)
        var engine = Week.singlesOnly(instance)
        _ = engine.closeHeldRequests(maxWork: Int.max)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0 && after <= Week.exhaustive(instance), "seed \(seed)")
    }
}
