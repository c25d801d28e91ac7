import Testing

@testable import Scheduling

/// Spec-valid numbers far beyond a real day (issue 13, item 4): caps above what an instance can reach are no caps,
/// soft terms the score cannot represent are input errors naming the field and the id; nothing traps.
@Suite struct LargeNumberTests {
    /// Two workers, two farms, three requests on two days (one job over both days, for continuity).
    static func doc(
        weights: String = #"{"fairness": 5, "continuity": 30}"#, w1: String = "", r1: String = ""
    ) -> String {
        #"""
        {"version": 1, "weights": \#(weights),
         "workers": [
          {"id": "w1", "home": {"lat": 36.85, "lon": 127.44}, "available": ["2026-12-01", "2026-12-02"], "recentDaysWorked": 2\#(w1)},
          {"id": "w2", "home": {"lat": 36.86, "lon": 127.44}, "available": ["2026-12-01", "2026-12-02"]}],
         "farms": [{"id": "f1", "location": {"lat": 36.87, "lon": 127.44}}, {"id": "f2", "location": {"lat": 36.85, "lon": 127.45}}],
         "requests": [
          {"id": "r1", "farm": "f1", "job": "j", "date": "2026-12-01", "headcount": 1\#(r1)},
          {"id": "r2", "farm": "f1", "job": "j", "date": "2026-12-02", "headcount": 1},
          {"id": "r3", "farm": "f2", "date": "2026-12-01", "headcount": 1, "priority": 2}]}
        """#
    }

    func decode(_ json: String) throws -> Instance { try InstanceDecoder.decode(Array(json.utf8)) }

    func errors(_ json: String) -> [String] {
        do {
            _ = try InstanceDecoder.decode(Array(json.utf8))
            return []
        } catch {
            return error.errors
        }
    }

    /// Solves and checks the plan against the project's scorer (and the shared one when present).
    func solved(_ instance: Instance) throws -> Plan {
        let plan = solve(instance, options: SolveOptions(workBudget: 1_000_000))
        #expect(plan.score.hard == 0)
        #expect(score(instance, assignments: plan.assignments).score == plan.score)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
        return plan
    }

    @Test(arguments: ["2147483648", "4611686018427387904", "9223372036854775807"])
    func aHeadcountAboveTheWorkersIsNoCap(_ n: String) throws {
        let plan = try solved(try decode(Self.doc(r1: #", "headcount": \#(n)"#)))
        // r1 wants more workers than there are; r3 (priority 2) takes one of the two that day, r1 gets the other.
        let short = try #require(plan.unfilled.first { $0.request == "r1" })
        #expect(short.missing == Int(n)! - plan.assignments.filter { $0.request == "r1" }.count)
        #expect(plan.score.medium == 2 + 1 + 1)
    }

    @Test func aMinimumAboveTheWorkersKeepsTheRequestEmpty() throws {
        let plan = try solved(try decode(Self.doc(r1: #", "headcount": 2147483648, "minHeadcount": 2147483648"#)))
        #expect(!plan.assignments.contains { $0.request == "r1" })
        let short = try #require(plan.unfilled.first { $0.request == "r1" })
        #expect(short.reasons.contains { $0.contains("minHeadcount 2147483648 is unreachable") })
    }

    @Test(arguments: ["2147483648", "9223372036854775807"])
    func aWeeklyCapAboveSevenIsNoCap(_ n: String) throws {
        let plan = try solved(try decode(Self.doc(w1: #", "maxDaysPerWeek": \#(n), "workedDates": ["2026-11-30"]"#)))
        #expect(plan.score.medium == 4)
    }

    @Test(arguments: ["1e300", "1.7976931348623157e308"])
    func aTravelCapBeyondTheEarthReachesEverywhere(_ km: String) throws {
        let far = try decode(
            Self.doc(w1: #", "maxTravelKm": \#(km)"#).replacingOccurrences(
                of: #""lat": 36.85, "lon": 127.44}, "available""#, with: #""lat": -36.85, "lon": -52.56}, "available""#)
        )
        let plan = try solved(far)
        // w1 lives at the antipode of the farms (about 20,000 km): with its cap it may still go, and is explained.
        #expect(plan.assignments.contains { $0.worker == "w1" })
        let tight = try decode(Self.doc(r1: #", "maxTravelKm": 1e300"#))
        #expect(try solved(tight).score.medium == 4)
    }

    @Test func aContinuityWeightTheScoreCannotHoldIsAnInputError() {
        #expect(
            errors(Self.doc(weights: #"{"continuity": 4611686018427387904}"#)) == [
                #"weights: field "continuity" must be at most 1000000 (the largest soft term of one assignment ilson represents), got 4611686018427387904"#
            ])
        #expect(errors(Self.doc(weights: #"{"continuity": 1000000}"#)).isEmpty)
    }

    @Test func aFairnessTermTheScoreCannotHoldIsAnInputError() throws {
        // A huge weight with every recentDaysWorked 0 enters no score: it is accepted.
        let zero = Self.doc(weights: #"{"fairness": 4611686018427387904}"#)
            .replacingOccurrences(of: #", "recentDaysWorked": 2"#, with: "")
        #expect(try solved(try decode(zero)).score.soft < 0)
        #expect(
            errors(Self.doc(weights: #"{"fairness": 4611686018427387904}"#)) == [
                #"weights: field "fairness" (4611686018427387904) × recentDaysWorked (2, worker "w1") = more than 2^63, above 1000000, the largest soft term of one assignment ilson represents"#
            ])
        #expect(
            errors(Self.doc(w1: #", "recentDaysWorked": 4611686018427387904"#)) == [
                #"workers[0] (id "w1"): field "recentDaysWorked" (4611686018427387904) × weights.fairness (5) = more than 2^63, above 1000000, the largest soft term of one assignment ilson represents"#
            ])
        #expect(
            errors(Self.doc(w1: #", "recentDaysWorked": 200001"#)) == [
                #"workers[0] (id "w1"): field "recentDaysWorked" (200001) × weights.fairness (5) = 1000005, above 1000000, the largest soft term of one assignment ilson represents"#
            ])
        #expect(errors(Self.doc(w1: #", "recentDaysWorked": 200000"#)).isEmpty)
    }

    @Test func anIntegerBeyond64BitsSaysSo() {
        #expect(
            errors(Self.doc(r1: #", "headcount": 18446744073709551616"#)) == [
                #"requests[0] (id "r1"): field "headcount" must be an integer >= 1 and at most 9223372036854775807, got 1.8446744073709552e+19"#
            ])
    }

    /// The scorer sums the soft terms of any plan, valid or not, at the limits without overflow.
    @Test func theScorerAtTheLimits() throws {
        let json = Self.doc(weights: #"{"fairness": 1000000, "continuity": 1000000}"#, w1: #", "recentDaysWorked": 1"#)
        let instance = try decode(json)
        let rows = ["r1", "r2", "r3"].flatMap { r in ["w1", "w2"].map { Pair(request: r, worker: $0) } }
        let report = score(instance, assignments: rows)
        #expect(report.fairnessCost == 3 * 1_000_000)
        #expect(report.continuityBonus == 2 * 1_000_000)
        #expect(report.score.hard < 0)
    }
}
