import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Version 2's general engine (`Search/General`): which instances take it, its plans are valid and deterministic, a
/// time limit still gives a valid plan, and its flow (seats, the share bonus, two jobs a day) is exact on small days.
@Suite struct GeneralEngineTests {
    static let day = Day("2027-07-08")!

    @Test func versionOneInstancesKeepTheVersionOneEngine() throws {
        for name in ["gen-scarce-w120-r30-d3", "priority-trade-off", "v2-availability-windows", "v2-stay-until-visa"] {
            let instance = try Fixtures.ownInstance(name)
            #expect(!GeneralEngine.needed(Problem(instance)), "\(name)")
            let plan = solve(instance, options: SolveOptions(workBudget: 2_000_000))
            #expect(plan.stats.work[.general] == nil, "\(name)")
        }
        for name in [
            "v2-fair-share", "v2-pickup-seats-walk-ride", "v2-two-short-jobs-transfer", "gen-v2-halfday-w150-r40-d1",
        ] {
            #expect(GeneralEngine.needed(Problem(try Fixtures.ownInstance(name))), "\(name)")
        }
    }

    @Test func theSameBudgetGivesTheSamePlanAndTheScorerAgrees() throws {
        let instance = try Fixtures.ownInstance("gen-v2-scarce-w120-r30-d3")
        let options = SolveOptions(workBudget: 3_000_000)
        let a = solve(instance, options: options)
        let b = solve(instance, options: options)
        #expect(a.assignments == b.assignments)
        #expect(a.rides == b.rides)
        let report = score(instance, assignments: a.assignments)
        #expect(report.score == a.score)
        #expect(report.score.hard == 0)
        #expect(report.rides == a.rides)
        #expect(a.version2)
    }

    @Test func aTimeLimitStillGivesAValidPlan() throws {
        let instance = try Fixtures.ownInstance("gen-v2-halfday-w150-r40-d1")
        let plan = solve(instance, options: SolveOptions(timeLimit: 0.000_001))
        #expect(plan.stats.timeLimitHit)
        #expect(score(instance, assignments: plan.assignments).score.hard == 0)
    }

    /// One van with 2 seats, three riders who qualify, one request of 3 at a farm 12 km away, and a second request of
    /// headcount 1 beside the riders' village: the van takes two, the third walks to the near farm.
    @Test func seatsAreAFlowCapacity() {
        let hall = PickupPoint(id: "p1", name: "마을회관", location: Fixtures.east(0.3))
        var workers: [Worker] = []
        for i in 1...3 {
            var w = Fixtures.worker("c\(i)", km: Double(i) * 0.1, days: [Self.day])
            w.car = false
            w.pickupPoint = "p1"
            workers.append(w)
        }
        let far = Farm(id: "fFar", location: Fixtures.east(12))
        let near = Farm(id: "fNear", location: Fixtures.east(1.0))
        var r1 = LaborRequest(id: "r1", farm: "fFar", date: Self.day, headcount: 3, priority: 3)
        r1.pickup = Pickup(points: ["p1"], seats: 2)
        let r2 = LaborRequest(id: "r2", farm: "fNear", date: Self.day, headcount: 1, priority: 1)
        let instance = Instance(
            workers: workers, farms: [far, near], requests: [r1, r2], version: 2, pickupPoints: [hall])
        let plan = solve(instance)
        let report = score(instance, assignments: plan.assignments)
        #expect(report.score.hard == 0)
        #expect(plan.score.medium == 7)
        #expect(plan.rides.count == 2)
        #expect(Set(plan.rides.map(\.request)) == ["r1"])
        #expect(plan.assignments.filter { $0.request == "r2" }.count == 1)
    }

    /// Two half-day jobs 30 minutes apart at farms 14.8 km apart (transfer 30 min) fit one worker; a third, overlapping
    /// the first, does not: the worker takes the first two, the flow's relaxation (two jobs a day) is branched on.
    @Test func twoJobsADayAreBranchedOn() {
        var w = Fixtures.worker("w1", km: 0, days: [Self.day])
        w.maxJobsPerDay = 2
        let fa = Farm(id: "fA", location: Fixtures.east(1))
        let fb = Farm(id: "fB", location: Fixtures.east(1 + 14.8))
        let morning = LaborRequest(
            id: "rA", farm: "fA", date: Self.day, start: TimeOfDay("06:00"), end: TimeOfDay("10:00"), headcount: 1,
            priority: 2)
        let afternoon = LaborRequest(
            id: "rB", farm: "fB", date: Self.day, start: TimeOfDay("10:30"), end: TimeOfDay("14:30"), headcount: 1,
            priority: 2)
        let overlap = LaborRequest(
            id: "rC", farm: "fA", date: Self.day, start: TimeOfDay("08:00"), end: TimeOfDay("12:00"), headcount: 1,
            priority: 3)
        let instance = Instance(workers: [w], farms: [fa, fb], requests: [morning, afternoon, overlap], version: 2)
        let plan = solve(instance)
        #expect(score(instance, assignments: plan.assignments).score.hard == 0)
        // 2 + 2 beats 3 alone.
        #expect(plan.score.medium == 4)
        #expect(Set(plan.assignments.map(\.request)) == ["rA", "rB"])
    }
}
