import Foundation
import Testing

@testable import Scheduling

/// Every reference instance in `../shared/instances` reaches its proven optimum and passes the shared scorer.
@Suite struct ReferenceInstanceTests {
    static let names = [
        "allowed-farms-visa-rule", "blocked-pairs-both-directions", "continuity-across-history",
        "gen-balanced-w30-r8-d2", "gen-remote-w200-r50-d1", "gen-scarce-w120-r30-d3", "min-headcount-all-or-nothing",
        "pinned-pair-breaks-hard-rule", "pinned-request-below-minimum", "priority-trade-off",
        "weekly-cap-workeddates-iso-week",
    ]

    @Test(
        .enabled(if: Fixtures.shared != nil, "../shared is not beside the repository: no reference instances to run"),
        arguments: names)
    func reachesTheProvenOptimum(_ name: String) throws {
        let shared = try #require(Fixtures.shared)
        let url = shared.appendingPathComponent("instances/\(name).json")
        let instance = try InstanceDecoder.decode([UInt8](try Data(contentsOf: url)))
        let expected = try #require(
            try JSONParser.parse([UInt8](Data(contentsOf: shared.appendingPathComponent("instances/expected.json"))))
                .object?[name]?.object)
        // A smaller work budget than the default (70M) keeps the debug test suite fast; 40M is the smallest round
        // number at which gen-scarce still reaches its optimum (30M: soft 2 below it).
        let plan = solve(instance, options: SolveOptions(workBudget: 40_000_000))
        let (status, scored) = try Fixtures.runScorer(instance: url, plan: plan)
        #expect(status == 0)
        #expect(scored == plan.score)
        let want = Score(
            hard: expected["hard"]?.number.map(Int.init) ?? 1, medium: expected["medium"]?.number.map(Int.init) ?? -1,
            soft: expected["soft"]?.number.map(Int.init) ?? -1)
        #expect(plan.score.hard == 0)
        #expect(plan.score.medium == want.medium)
        #expect(plan.score == want)
    }
}
