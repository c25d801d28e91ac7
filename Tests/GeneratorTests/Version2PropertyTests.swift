import Foundation
import Scheduling
import Testing

@testable import Generator

/// Properties of the solver on random version 2 instances from the generator (30 small seeds, 20-60 workers, 1-3
/// days, the `--v2` mix, every flavor): the plan breaks no hard rule by the Swift scorer, its score is the scorer's,
/// the same seed gives the same plan, and, with `../shared` beside the repository, the shared scorer agrees on
/// validity and score. (They live here, not in SchedulingTests, because that target does not see the generator.)
@Suite struct Version2PropertyTests {
    static let seeds: [UInt64] = Array(1...30)

    /// The instance of a seed: its size and flavor derive from it.
    static func instance(_ seed: UInt64) throws -> Instance {
        let workers = 20 + Int(seed * 7 % 41)  // 20 to 60
        let days = 1 + Int(seed % 3)
        let flavor = Flavor.allCases[Int(seed) % Flavor.allCases.count]
        var g = InstanceGenerator(
            workers: workers, requestsPerDay: max(2, workers / 4), days: days, seed: seed, flavor: flavor)
        g.version2 = .standard
        if seed % 5 == 0 { g.version2?.halfDayShare = 0.7 }  // some days of mostly short jobs
        // Through the file, as `ilson solve` reads it.
        return try InstanceDecoder.decode(InstanceJSONWriter.encode(g.generate()))
    }

    static func options(_ seed: UInt64) -> SolveOptions { SolveOptions(seed: seed, workBudget: 500_000) }

    @Test(arguments: seeds)
    func plansAreValidScoredAsTheScorerDoesAndRepeatable(_ seed: UInt64) throws {
        let instance = try Self.instance(seed)
        let plan = solve(instance, options: Self.options(seed))
        let report = score(instance, assignments: plan.assignments)
        #expect(report.score.hard == 0, "\(report.violations.prefix(3))")
        #expect(plan.score == report.score)
        #expect(plan.rides == report.rides)
        let wanted = instance.requests.reduce(0) { $0 + $1.headcount }
        #expect(plan.unfilled.reduce(0) { $0 + $1.missing } == wanted - plan.assignments.count)
        #expect(plan.unfilled.allSatisfy { !$0.reasons.isEmpty })

        let again = solve(instance, options: Self.options(seed))
        #expect(again.assignments == plan.assignments)
        #expect(again.score == plan.score)

        try Self.expectSharedScorerAgrees(instance, plan)
    }

    /// The shared scorer on the instance file and the plan: valid (exit 0, which also means the plan's claimed score
    /// is the recomputed one) and the same score. Skipped, said once, without `../shared`.
    static func expectSharedScorerAgrees(
        _ instance: Instance, _ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let scorer = Version2GeneratorTests.scorer else { return noScorer }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-v2-prop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let instanceFile = dir.appendingPathComponent("instance.json")
        let planFile = dir.appendingPathComponent("plan.json")
        try Data(InstanceJSONWriter.encode(instance)).write(to: instanceFile)
        try Data(PlanJSON.encode(plan).utf8).write(to: planFile)
        let result = try Fixtures.run("python3", [scorer.path, instanceFile.path, planFile.path])
        #expect(result.status == 0, "\(result.output.prefix(600))", sourceLocation: sourceLocation)
        let output = Data(result.output.utf8)
        let json = try JSONSerialization.jsonObject(with: output) as? [String: Any]
        let s = json?["score"] as? [String: Int]
        #expect(
            s.map { Score(hard: $0["hard"] ?? 1, medium: $0["medium"] ?? -1, soft: $0["soft"] ?? -1) } == plan.score,
            sourceLocation: sourceLocation)
    }

    static let noScorer: Void = {
        print("note: ../shared is not beside the repository: the shared scorer's checks of version 2 plans are skipped")
    }()
}
