import Testing
import Vocabulary

@testable import Scheduling

/// One small hand-made instance per hard rule and per score term; a solver that ignored the rule would fail.
@Suite struct ConstraintTests {
    typealias F = Fixtures

    func pairs(_ plan: Plan) -> Set<String> { Set(plan.assignments.map { "\($0.request):\($0.worker)" }) }

    @Test func rule1OnlyAvailableDates() {
        let i = Instance(workers: [F.worker("w1", days: [F.day2])], farms: [F.farm()], requests: [F.request("r1")])
        let plan = solve(i)
        #expect(plan.assignments.isEmpty)
        #expect(score(i, assignments: [Pair(request: "r1", worker: "w1")]).violations.map(\.rule) == [1])
        #expect(plan.unfilled.first?.details.contains { $0.kind == .holdersUnavailable } == true)
    }

    @Test func rule2EverySkillRequired() {
        let i = Instance(
            workers: [F.worker("w1", skills: ["harvest"]), F.worker("w2", km: 5, skills: ["harvest", "spraying"])],
            farms: [F.farm()], requests: [F.request("r1", skills: ["harvest", "spraying"])])
        #expect(pairs(solve(i)) == ["r1:w2"])
        #expect(score(i, assignments: [Pair(request: "r1", worker: "w1")]).violations.map(\.rule) == [2])
    }

    @Test func rule3BothTravelCaps() {
        let i = Instance(
            workers: [F.worker("w1", km: 12, cap: 10), F.worker("w2", km: 8, cap: 30), F.worker("w3", km: 4)],
            farms: [F.farm()], requests: [F.request("r1", headcount: 3, cap: 6)])
        #expect(pairs(solve(i)) == ["r1:w3"])
        #expect(score(i, assignments: [Pair(request: "r1", worker: "w2")]).violations.map(\.rule) == [3])
    }

    @Test func rule4BlockedBothWaysAndVisa() {
        let i = Instance(
            workers: [
                F.worker("w1", blockedFarms: ["f1"]), F.worker("w2"), F.worker("w3", allowedFarms: ["f2"]),
                F.worker("w4", allowedFarms: []), F.worker("w5", km: 20, allowedFarms: ["f1", "nowhere"]),
            ],
            farms: [F.farm("f1", blocked: ["w2", "ghost"])], requests: [F.request("r1", headcount: 5)])
        #expect(pairs(solve(i)) == ["r1:w5"])
        #expect(score(i, assignments: [Pair(request: "r1", worker: "w3")]).violations.map(\.rule) == [4])
    }

    @Test func rule5OneAssignmentPerDate() {
        let i = Instance(
            workers: [F.worker("w1")], farms: [F.farm()],
            requests: [F.request("r1", priority: 2), F.request("r2", priority: 3)])
        #expect(pairs(solve(i)) == ["r2:w1"])
        let both = [Pair(request: "r1", worker: "w1"), Pair(request: "r2", worker: "w1")]
        #expect(score(i, assignments: both).violations.map(\.rule) == [5])
    }

    @Test func rule6AtMostHeadcount() {
        let i = Instance(
            workers: (1...4).map { F.worker("w\($0)", km: Double($0)) }, farms: [F.farm()],
            requests: [F.request("r1", headcount: 2)])
        #expect(pairs(solve(i)) == ["r1:w1", "r1:w2"])
        let three = (1...3).map { Pair(request: "r1", worker: "w\($0)") }
        #expect(score(i, assignments: three).violations.map(\.rule) == [6])
    }

    @Test func rule7ZeroOrAtLeastTheMinimum() {
        // r1 (priority 5) needs 3 but only 2 can come: it stays empty; the 2 go to r2 (priority 1).
        let i = Instance(
            workers: [F.worker("w1", skills: ["s"]), F.worker("w2", skills: ["s"])], farms: [F.farm()],
            requests: [
                F.request("r1", skills: ["s"], headcount: 4, min: 3, priority: 5), F.request("r2", headcount: 2),
            ])
        let plan = solve(i)
        #expect(pairs(plan) == ["r2:w1", "r2:w2"])
        #expect(plan.score.hard == 0)
        #expect(plan.unfilled.first { $0.request == "r1" }?.details.contains { $0.kind == .minimumUnreachable } == true)
        #expect(score(i, assignments: [Pair(request: "r1", worker: "w1")]).violations.map(\.rule) == [7])
    }

    @Test func rule7DoesNotApplyToAPinnedRequest() {
        let i = Instance(
            workers: [F.worker("w1"), F.worker("w2")], farms: [F.farm()],
            requests: [F.request("r1", headcount: 4, min: 3, priority: 2), F.request("r2", headcount: 1)],
            pinned: [Pair(request: "r1", worker: "w1")])
        let plan = solve(i)
        #expect(pairs(plan) == ["r1:w1", "r1:w2"])
        #expect(plan.score.hard == 0)
    }

    @Test func rule8WeeklyCapCountsWorkedDatesOfTheSameISOWeek() {
        // 2026-12-01 is in 2026-W49; workedDates 2026-11-30 (W49) counts, 2026-11-29 (W48) does not.
        let i = Instance(
            workers: [
                F.worker("w1", days: [F.day1, F.day2], maxDays: 2, worked: [Day("2026-11-30")!]),
                F.worker("w2", km: 9, days: [F.day1, F.day2], maxDays: 2, worked: [Day("2026-11-29")!]),
            ],
            farms: [F.farm()], requests: [F.request("r1", date: F.day1), F.request("r2", date: F.day2)])
        let plan = solve(i)
        #expect(plan.score.hard == 0)
        #expect(plan.score.medium == 2)
        let over = [Pair(request: "r1", worker: "w1"), Pair(request: "r2", worker: "w1")]
        #expect(score(i, assignments: over).violations.map(\.rule) == [8])
    }

    @Test func rule9PinsKeptEvenWhenBreakingRules1To4() {
        let i = Instance(
            workers: [F.worker("w1", km: 50, days: [F.day2]), F.worker("w2")], farms: [F.farm()],
            requests: [F.request("r1", skills: ["x"], headcount: 2)], pinned: [Pair(request: "r1", worker: "w1")])
        let plan = solve(i)
        #expect(plan.assignments.contains(Pair(request: "r1", worker: "w1")))
        #expect(plan.warnings.map(\.rule) == [1, 2, 3])
        #expect(plan.score.hard == 0)
        #expect(score(i, assignments: []).violations.map(\.rule) == [9])
    }

    @Test func mediumPriorityBeatsDistance() {
        let i = Instance(
            workers: [F.worker("w1", km: 25)], farms: [F.farm(), Farm(id: "f2", location: F.east(24.5))],
            requests: [F.request("r1", priority: 3), F.request("r2", farm: "f2", priority: 1)])
        #expect(pairs(solve(i)) == ["r1:w1"])
    }

    @Test func distanceCostRoundsHalfAwayFromZero() {
        #expect(Distance.cost(0.25) == 3)
        #expect(Distance.cost(0.24999) == 2)
        #expect(Distance.cost(1.05) == Int((10.0 * 1.05 + 0.5).rounded(.down)))
        let i = Instance(
            workers: [F.worker("w1", km: 3), F.worker("w2", km: 7)], farms: [F.farm()], requests: [F.request("r1")])
        let plan = solve(i)
        #expect(pairs(plan) == ["r1:w1"])
        #expect(plan.score.soft == -Distance.cost(Distance.km(F.east(3), F.origin)))
    }

    @Test func fairnessPrefersTheLessWorked() {
        let i = Instance(
            weights: Weights(fairness: 5, continuity: 30),
            workers: [F.worker("w1", km: 1, recent: 10), F.worker("w2", km: 3, recent: 0)], farms: [F.farm()],
            requests: [F.request("r1")])
        // w1: 10 + 50 = 60; w2: 30 + 0 = 30.
        #expect(pairs(solve(i)) == ["r1:w2"])
    }

    @Test func continuityFromHistoryOnTheDayBeforeOnly() {
        let hist = [
            HistoryEntry(worker: "w2", job: "j1", date: F.day1.previous),
            HistoryEntry(worker: "w1", job: "j1", date: F.day1.adding(days: -2)),
        ]
        let i = Instance(
            workers: [F.worker("w1", km: 1), F.worker("w2", km: 3)], farms: [F.farm()],
            requests: [F.request("r1", job: "j1")], history: hist)
        let plan = solve(i)
        #expect(pairs(plan) == ["r1:w2"])
        #expect(plan.score.soft == -Distance.cost(Distance.km(F.east(3), F.origin)) + 30)
    }

    @Test func continuityDefaultJobIsTheRequestId() {
        let i = Instance(
            workers: [F.worker("w1", km: 1), F.worker("w2", km: 3)], farms: [F.farm()], requests: [F.request("r1")],
            history: [HistoryEntry(worker: "w2", job: "r1", date: F.day1.previous)])
        #expect(pairs(solve(i)) == ["r1:w2"])
    }

    @Test func continuityBetweenPlanDays() {
        // w2 is a little farther but works job j1 both days: +30 beats 2 × 2 km.
        let i = Instance(
            workers: [
                F.worker("w1", km: 1, days: [F.day1]), F.worker("w2", km: 3, days: [F.day1, F.day2]),
            ],
            farms: [F.farm()],
            requests: [F.request("a", job: "j1", date: F.day1), F.request("b", job: "j1", date: F.day2)])
        let plan = solve(i)
        #expect(pairs(plan) == ["a:w2", "b:w2"])
        #expect(score(i, assignments: plan.assignments).continuityBonus == 30)
    }
}
