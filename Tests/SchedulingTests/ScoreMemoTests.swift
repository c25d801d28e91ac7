import Testing

@testable import Scheduling

/// The engine's score of its plan through `ScoreMemo` (issue 18): a plan scored again is not rescored, and a plan
/// changed in place since is.
@Suite struct ScoreMemoTests {
    @Test func scoresOnlyNewPlans() {
        let memo = ScoreMemo()
        var calls = 0
        func report(_ medium: Int) -> ScoreReport {
            calls += 1
            return ScoreReport(
                score: Score(medium: medium), violations: [], warnings: [], distanceCost: 0, fairnessCost: 0,
                continuityBonus: 0, assignments: 0)
        }
        var assign: [Int32] = [0, -1, 2, 1]
        #expect(memo.report(assign) { report(1) }.score.medium == 1)
        #expect(memo.report(assign) { report(2) }.score.medium == 1)
        #expect(calls == 1)
        assign[1] = 3  // in place: the memo's copy must not change with it
        #expect(memo.report(assign) { report(3) }.score.medium == 3)
        #expect(calls == 2)
        assign[1] = -1
        #expect(memo.report(assign) { report(4) }.score.medium == 4)
        #expect(calls == 3)
    }

    /// The engine's `scoreReport` equals the scorer's on its plan after every change, over solves of random
    /// multi-day instances (history and pins) where the plan changes between the engine's scores.
    @Test(arguments: UInt64(1)...6)
    func engineScoreMatchesScorer(_ seed: UInt64) {
        let instance = ScoreByIndexTests.instance(seed, days: 3)
        var engine = Engine(instance, SolveOptions(seed: seed, workBudget: 2_000_000))
        let start = engine.currentScore()
        #expect(start == score(instance, assignments: engine.assignments()).score)
        let plan = engine.run()
        #expect(plan.score == score(instance, assignments: plan.assignments).score)
        var g = SplitMix64(seed: seed)
        for _ in 0..<30 {
            let s = Int(g.next() % UInt64(engine.assign.count))
            guard engine.p.pinnedOn[s] < 0 else { continue }
            engine.assign[s] = engine.assign[s] >= 0 ? -1 : Int32(g.next() % UInt64(engine.p.nR))
            #expect(engine.scoreReport() == score(instance, assignments: engine.assignments()))
            #expect(engine.scoreReport() == score(instance, assignments: engine.assignments()))
        }
    }
}
