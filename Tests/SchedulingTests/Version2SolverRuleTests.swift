import Testing

@testable import Scheduling

/// The solver on the hand-made instances of ``Version2RuleTests``: each has exactly one optimal plan, and a solver
/// that gets the rule wrong finds another (worth more under its wrong reading, or invalid). The tests of the rules the
/// version 1 engine does not implement (two jobs a day with transfers and minutes caps, seats, the share bonus,
/// weekly caps by dates) need the general engine (`Search/General`).
@Suite struct Version2SolverRuleTests {
    static let options = SolveOptions(seed: 1, workBudget: 2_000_000)

    /// Solves the document and checks the plan is the expected one, valid, and scored as the scorer scores it.
    func expectOptimum(
        _ json: String, _ expected: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let instance = try V2.decode(json, sourceLocation: sourceLocation)
        let plan = solve(instance, options: Self.options)
        #expect(Set(plan.assignments) == Set(V2.pairs(expected)), sourceLocation: sourceLocation)
        #expect(plan.score.hard == 0, sourceLocation: sourceLocation)
        #expect(plan.score == score(instance, assignments: plan.assignments).score, sourceLocation: sourceLocation)
    }

    @Test func transfer() throws {
        try expectOptimum(Version2RuleTests.transfer, [("rA", "w1"), ("rB", "w1")])
    }

    @Test func minutesCap() throws {
        try expectOptimum(Version2RuleTests.minutesCap, [("r1", "w1"), ("r2", "w1")])
    }

    @Test func windows() throws { try expectOptimum(Version2RuleTests.windows, [("rA", "w1")]) }

    @Test func stayEnd() throws { try expectOptimum(Version2RuleTests.stayEnd, [("r1", "w1"), ("r2", "w1")]) }

    @Test func pools() throws { try expectOptimum(Version2RuleTests.pools, [("r1", "w2"), ("r4", "w1")]) }

    @Test func walkingAndRiding() throws {
        try expectOptimum(Version2RuleTests.walkRide, [("r1", "w1"), ("r2", "w2")])
    }

    @Test func seats() throws {
        try expectOptimum(Version2RuleTests.seats, [("r3", "w4"), ("r3", "w7")])
    }

    @Test func shareSpreadsTheShortfall() throws {
        let instance = try V2.decode(Version2RuleTests.share)
        let plan = solve(instance, options: Self.options)
        #expect(plan.score == Score(hard: 0, medium: 6, soft: 2_500))
        #expect(plan.assignments.filter { $0.request == "r10" }.count == 5)
        #expect(plan.assignments.filter { $0.request == "r2" }.count == 1)
    }

    @Test func weeklyCapCountsDates() throws {
        try expectOptimum(Version2RuleTests.weeklyDates, [("rA", "w1"), ("rB", "w1")])
    }
}
