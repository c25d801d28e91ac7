import Testing

@testable import Scheduling

/// One hand-made instance per rule and score term of version 2 (`spec/problem-format.md`, "Version 2"), each with a
/// right plan and the plan a solver that gets the rule wrong would choose, checked with the scorer: the hard count
/// and the exact soft value. (The solver on the same instances: ``Version2SolverRuleTests``.) With `../shared`
/// beside the repository every plan is also scored by `shared/tools/score_plan.py`, which must agree.
@Suite struct Version2RuleTests {
    // MARK: the instances (shared with the solver tests)

    /// Rule 5's transfer at 30 km/h: fA is 14.8 km west of fB (ceil(29.6) = 30 minutes), fC 15.2 km east of it
    /// (ceil(30.4) = 31); the morning jobs end at 10:00, the afternoon job at fB starts 10:30. w1 (home at fB) may take
    /// two jobs: rA then rB (gap 30 ≥ 30) is allowed, rC then rB (gap 30 < 31) is not, though rounding 30.4 to the
    /// nearest minute would allow it and it is worth more.
    static let transfer = V2.document(
        workers: [V2.worker("w1", #""maxJobsPerDay": 2"#)],
        farms: [V2.farm("fA", at: -0.16633), V2.farm("fB"), V2.farm("fC", at: 0.17083)],
        requests: [
            V2.request("rA", farm: "fA", "06:00", "10:00"),
            V2.request("rC", farm: "fC", "06:00", "10:00", priority: 2),
            V2.request("rB", farm: "fB", "10:30", "14:30", priority: 2),
        ], top: #""speedKmh": 30"#)

    /// `maxMinutesPerDay` 240 for a volunteer allowed three jobs: two 2-hour jobs (08:00-10:00, 10:10-12:10, same
    /// farm) make exactly 240 minutes (allowed); the 3-hour afternoon job with either makes 300.
    static let minutesCap = V2.document(
        workers: [V2.worker("w1", #""pool": "volunteer", "maxJobsPerDay": 3, "maxMinutesPerDay": 240"#)],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", "08:00", "10:00", priority: 2),
            V2.request("r2", farm: "f1", "10:10", "12:10", priority: 2),
            V2.request("r3", farm: "f1", "13:00", "16:00", priority: 3),
        ])

    /// Windows 06:00-09:00 and 12:00-18:00 on one date: the 12:00-18:00 job fits exactly (bounds inclusive), the
    /// 06:00-10:00 job overruns the first window, the 08:00-13:00 job would straddle both (merging them is wrong).
    static let windows = V2.document(
        workers: [
            V2.worker(
                "w1",
                available:
                    #"[{"date": "2026-12-01", "from": "06:00", "to": "09:00"}, {"date": "2026-12-01", "from": "12:00", "to": "18:00"}]"#
            )
        ],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("rS", farm: "f1", "08:00", "13:00", priority: 3),
            V2.request("rM", farm: "f1", "06:00", "10:00", priority: 2),
            V2.request("rA", farm: "f1", "12:00", "18:00", priority: 1),
        ])

    /// A seasonal worker available Tuesday to Thursday whose stay ends Wednesday (inclusive): Tuesday and Wednesday
    /// may be worked, Thursday may not.
    static let stayEnd = V2.document(
        workers: [
            V2.worker(
                "w1", available: #"["2026-12-01", "2026-12-02", "2026-12-03"]"#,
                #""pool": "seasonal", "stayUntil": "2026-12-02""#)
        ],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", date: "2026-12-01"),
            V2.request("r2", farm: "f1", date: "2026-12-02"),
            V2.request("r3", farm: "f1", date: "2026-12-03"),
        ])

    /// Pools: a volunteer and a day worker; `["day"]`, `[]` (nobody, however high its priority) and
    /// `["day", "volunteer"]`.
    static let pools = V2.document(
        workers: [V2.worker("w1", #""pool": "volunteer""#), V2.worker("w2", #""pool": "day""#)],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("r1", farm: "f1", priority: 3, extra: #""pools": ["day"]"#),
            V2.request("r2", farm: "f1", priority: 5, extra: #""pools": []"#),
            V2.request("r4", farm: "f1", priority: 2, extra: #""pools": ["day", "volunteer"]"#),
        ])

    /// Walking and riding (walkKm 2): the pickup point p1 is 0.5 km east of w1's home and 0.5 km west of w2's; fNear
    /// is 1.5 km west of w1 (2.5 km from w2), fFar 10 km west. Both requests' vans stop at p1; r1's has no seat. w1 walks
    /// to r1 (1.5 km, no seat needed: walking wins) and could ride to r2; w2 can only ride to r2, and a rider's travel
    /// is home to the point (0.5 km), not to the farm. w3 has no pickup point: fFar is out of reach.
    static let walkRide = V2.document(
        workers: [
            V2.worker("w1", #""car": false, "pickupPoint": "p1""#),
            V2.worker("w2", at: 0.01124, #""car": false, "pickupPoint": "p1""#),
            // w3 walks to fNear as w1 does, but has worked more lately: w1 is the one optimum.
            V2.worker("w3", #""car": false, "recentDaysWorked": 1"#),
        ],
        farms: [V2.farm("fNear", at: -0.01686), V2.farm("fFar", at: -0.11239)],
        requests: [
            V2.request("r1", farm: "fNear", extra: #""pickup": {"points": ["p1"], "seats": 0}"#),
            V2.request("r2", farm: "fFar", extra: #""pickup": {"points": ["p1"], "seats": 1}"#),
        ],
        top: #""walkKm": 2.0, "pickupPoints": [{"id": "p1", "name": "읍내리 마을회관", "location": \#(V2.point(0.00562))}]"#)

    /// Seats: a van with 1 seat for a request of 3 at a far farm; three carless riders at p1 and one driver who lives at
    /// the farm.
    static let seats = V2.document(
        workers: [
            V2.worker("w4", at: 0.01124, #""car": false, "pickupPoint": "p1""#),
            V2.worker("w5", at: 0.01124, #""car": false, "pickupPoint": "p1", "recentDaysWorked": 1"#),
            V2.worker("w6", at: 0.01124, #""car": false, "pickupPoint": "p1", "recentDaysWorked": 2"#),
            V2.worker("w7", at: -0.11239),
        ],
        farms: [V2.farm("fFar", at: -0.11239)],
        requests: [V2.request("r3", farm: "fFar", headcount: 3, extra: #""pickup": {"points": ["p1"], "seats": 1}"#)],
        top: #""pickupPoints": [{"id": "p1", "location": \#(V2.point(0.00562))}]"#)

    /// The share bonus (share 5): six workers next to both farms' requests of headcount 10 and 2, priority 1.
    static let share = V2.document(
        workers: (1...6).map { V2.worker("w\($0)") },
        farms: [V2.farm("f1")],
        requests: [V2.request("r10", farm: "f1", headcount: 10), V2.request("r2", farm: "f1", headcount: 2)],
        weights: #"{"fairness": 5, "continuity": 30, "share": 5}"#)

    /// Rule 8 counts dates: `maxDaysPerWeek` 2, `maxJobsPerDay` 2, `workedDates` Monday (and the Sunday before, of the
    /// previous ISO week); Tuesday has a morning and an afternoon job at one farm, Wednesday a full day.
    static let weeklyDates = V2.document(
        workers: [
            V2.worker(
                "w1", available: #"["2026-12-01", "2026-12-02"]"#,
                #""maxDaysPerWeek": 2, "maxJobsPerDay": 2, "workedDates": ["2026-11-29", "2026-11-30"]"#)
        ],
        farms: [V2.farm("f1")],
        requests: [
            V2.request("rA", farm: "f1", "06:00", "10:00"),
            V2.request("rB", farm: "f1", "13:00", "17:00"),
            V2.request("rC", farm: "f1", date: "2026-12-02"),
        ])

    // MARK: the scorer on right and wrong plans

    @Test func transferIsTheCeilingOfTheExactQuotient() throws {
        let i = try V2.decode(Self.transfer)
        let (fA, fB, fC) = (i.farms[0].location, i.farms[1].location, i.farms[2].location)
        #expect(Distance.km(fA, fB) > 14.79 && Distance.km(fA, fB) < 14.8)
        #expect(Distance.km(fC, fB) > 15.2 && Distance.km(fC, fB) < 15.21)
        #expect(transferMinutes(distanceKm: Distance.km(fA, fB), speedKmh: 30) == 30)
        #expect(transferMinutes(distanceKm: Distance.km(fC, fB), speedKmh: 30) == 31)

        let right = try V2.scored(Self.transfer, [("rA", "w1"), ("rB", "w1")])
        #expect(right.score == Score(hard: 0, medium: 3, soft: -148))  // 14.8 km to fA, 0 to fB
        let wrong = try V2.scored(Self.transfer, [("rC", "w1"), ("rB", "w1")])
        #expect(wrong.score.hard == -1)
        #expect(wrong.violations.map(\.rule) == [5])
        #expect(try V2.scored(Self.transfer, [("rC", "w1")]).score == Score(hard: 0, medium: 2, soft: -152))
    }

    @Test func minutesCapAllowsExactlyTheCap() throws {
        #expect(
            try V2.scored(Self.minutesCap, [("r1", "w1"), ("r2", "w1")]).score == Score(hard: 0, medium: 4, soft: 0))
        let three = try V2.scored(Self.minutesCap, [("r1", "w1"), ("r2", "w1"), ("r3", "w1")])
        #expect(three.score.hard == -1 && three.violations.map(\.rule) == [5])
        #expect(try V2.scored(Self.minutesCap, [("r1", "w1"), ("r3", "w1")]).score.hard == -1)
        #expect(try V2.scored(Self.minutesCap, [("r3", "w1")]).score == Score(hard: 0, medium: 3, soft: 0))
    }

    @Test func aJobFitsInsideOneWindowBoundsIncluded() throws {
        #expect(try V2.scored(Self.windows, [("rA", "w1")]).score == Score(hard: 0, medium: 1, soft: 0))
        for job in ["rS", "rM"] {
            let wrong = try V2.scored(Self.windows, [(job, "w1")])
            #expect(wrong.score.hard == -1, "\(job)")
            #expect(wrong.violations.map(\.kind) == ["outside-window"], "\(job)")
        }
    }

    @Test func stayUntilIsInclusive() throws {
        #expect(try V2.scored(Self.stayEnd, [("r1", "w1"), ("r2", "w1")]).score == Score(hard: 0, medium: 2, soft: 0))
        let wrong = try V2.scored(Self.stayEnd, [("r1", "w1"), ("r2", "w1"), ("r3", "w1")])
        #expect(wrong.score.hard == -1)
        #expect(wrong.violations.map(\.kind) == ["after-stay-until"])
        #expect(wrong.violations.first?.request == "r3")
    }

    @Test func poolsAnEmptyListAdmitsNobody() throws {
        #expect(try V2.scored(Self.pools, [("r1", "w2"), ("r4", "w1")]).score == Score(hard: 0, medium: 5, soft: 0))
        let empty = try V2.scored(Self.pools, [("r2", "w2")])
        #expect(empty.score.hard == -1 && empty.violations.map(\.kind) == ["pool-not-allowed"])
        let volunteer = try V2.scored(Self.pools, [("r1", "w1")])
        #expect(volunteer.score.hard == -1 && volunteer.violations.map(\.rule) == [4])
    }

    @Test func walkingWinsAndARiderTravelsToThePoint() throws {
        let instance = try V2.decode(Self.walkRide)
        let right = try V2.scored(Self.walkRide, [("r1", "w1"), ("r2", "w2")])
        // w1 walks 1.5 km (15, no seat although r1's van has none); w2 rides from 0.5 km away (5, not 100).
        #expect(right.score == Score(hard: 0, medium: 2, soft: -20))
        #expect(right.rides == [Ride(request: "r2", worker: "w2", point: "p1")])
        let rules = TravelRules(instance)
        let w1 = instance.workers[0]
        #expect(rules.travel(w1, instance.requests[0], homeFarmKm: 1.5).mode == .walk)
        #expect(rules.travel(w1, instance.requests[1], homeFarmKm: 10).mode == .ride(point: "p1"))
        // w1 riding to r2 instead: travel 0.5 km too; no pickup point: unreachable (rule 3).
        #expect(try V2.scored(Self.walkRide, [("r2", "w1")]).score == Score(hard: 0, medium: 1, soft: -5))
        let unreachable = try V2.scored(Self.walkRide, [("r2", "w3")])
        #expect(unreachable.score.hard == -1 && unreachable.violations.map(\.kind) == ["unreachable"])
        // w2 is 2.5 km from fNear: too far to walk, so w2 would ride r1's van, which has no seat (rule 10).
        let noSeat = try V2.scored(Self.walkRide, [("r1", "w2")])
        #expect(noSeat.score.hard == -1 && noSeat.violations.map(\.rule) == [10])
    }

    @Test func seatsLimitTheRiders() throws {
        let two = try V2.scored(Self.seats, [("r3", "w4"), ("r3", "w5")])
        #expect(two.score.hard == -1)
        #expect(two.violations.map(\.rule) == [10])
        let right = try V2.scored(Self.seats, [("r3", "w4"), ("r3", "w7")])
        #expect(right.score == Score(hard: 0, medium: 2, soft: -5))
        #expect(right.rides.map(\.worker) == ["w4"])
    }

    @Test func shareBonusIsFloorDivisionAndSpreadsTheShortfall() throws {
        #expect(shareUnits(workers: 5, headcount: 10) == 400)
        #expect(shareUnits(workers: 1, headcount: 2) == 100)
        #expect(shareUnits(workers: 6, headcount: 10) == 450)
        #expect(shareUnits(k: 2, headcount: 3) == 66)  // floor(200 / 3), not 67
        #expect(shareUnits(workers: 2, headcount: 3) == 166)
        let big = (1...5).map { ("r10", "w\($0)") }
        let spread = try V2.scored(Self.share, big + [("r2", "w6")])
        #expect(spread.score == Score(hard: 0, medium: 6, soft: 2_500))
        #expect(spread.shareBonus == 2_500)
        let swallowed = try V2.scored(Self.share, big + [("r10", "w6")])
        #expect(swallowed.score == Score(hard: 0, medium: 6, soft: 2_250))
        let fourTwo = try V2.scored(Self.share, Array(big.prefix(4)) + [("r2", "w5"), ("r2", "w6")])
        #expect(fourTwo.score.soft == 2_450)
    }

    @Test func weeklyCapCountsDatesNotJobs() throws {
        let twoJobsOneDate = try V2.scored(Self.weeklyDates, [("rA", "w1"), ("rB", "w1")])
        #expect(twoJobsOneDate.score == Score(hard: 0, medium: 2, soft: 0))
        let threeDates = try V2.scored(Self.weeklyDates, [("rA", "w1"), ("rB", "w1"), ("rC", "w1")])
        #expect(threeDates.score.hard == -1 && threeDates.violations.map(\.rule) == [8])
        #expect(try V2.scored(Self.weeklyDates, [("rA", "w1"), ("rC", "w1")]).score.hard == -1)
    }
}
