import Foundation
import Testing

@testable import Scheduling

/// The local search alone (from hand-made or solver plans) and inside `solve`.
@Suite struct LocalSearchTests {
    /// Engine-layout arrays (`assign`, candidate) for the given pairs; pins are added from the problem.
    static func state(_ p: Problem, _ pairs: [Pair]) -> (assign: [Int32], cand: [Int32]) {
        let nD = max(1, p.days.count)
        var assign = [Int32](repeating: -1, count: p.nW * nD)
        var cand = [Int32](repeating: -1, count: p.nW * nD)
        for s in 0..<assign.count where p.pinnedOn[s] >= 0 { assign[s] = p.pinnedOn[s] }
        for pair in pairs {
            let r = p.index.request[pair.request]!
            let w = p.index.worker[pair.worker]!
            let s = w * nD + Int(p.reqDay[r])
            guard p.pinnedOn[s] < 0 else { continue }
            var c: Int32 = -1
            for i in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where Int(p.candWorker[i]) == w { c = Int32(i) }
            assign[s] = Int32(r)
            cand[s] = c
        }
        return (assign, cand)
    }

    /// The plan rows of a search state (pins first, as the engine writes them).
    static func pairs(_ ls: LocalSearch) -> [Pair] {
        var out = ls.p.instance.pinned
        for r in 0..<ls.p.nR {
            for w in 0..<ls.p.nW {
                let s = w * ls.nD + Int(ls.p.reqDay[r])
                if ls.assign[s] == Int32(r) && ls.p.pinnedOn[s] < 0 {
                    out.append(Pair(request: ls.p.instance.requests[r].id, worker: ls.p.instance.workers[w].id))
                }
            }
        }
        return out
    }

    /// A complete plan (unfilled reasons and warnings included, as the strict scorer wants) of a search state.
    static func plan(_ ls: LocalSearch, _ report: ScoreReport) -> Plan {
        Plan(
            instance: ls.p.instance.name, assignments: pairs(ls),
            unfilled: explainUnfilled(ls.p, assign: Array(ls.assign), nD: ls.nD),
            warnings: report.warnings, score: report.score)
    }

    /// Two workers on two jobs over two days, each crossing jobs: only exchanging a day restores both chains.
    @Test func swapRestoresContinuityAcrossPlanDays() {
        let (instance, start) = SmallInstances.crossedJobs(name: "swap", bKm: 1)
        let p = Problem(instance)
        let (assign, cand) = Self.state(p, start)
        var ls = LocalSearch(p, assign: assign, cand: cand, seed: 1)
        ls.run(moves: 5_000)
        let before = score(instance, assignments: start).score
        let after = score(instance, assignments: Self.pairs(ls)).score
        #expect(after.hard == 0)
        #expect(after.medium == before.medium)
        #expect(after.soft == before.soft + 60)
    }

    /// A full request must be opened at its minimum headcount at once; an empty start fills what it can, validly.
    @Test func fromAnEmptyPlanEveryStateIsValid() throws {
        for seed in [3, 4, 5] as [UInt64] {
            let instance = Fixtures.random(seed: seed, workers: 20, requests: 8, days: 2, pins: true)
            let p = Problem(instance)
            let (assign, cand) = Self.state(p, [])
            var ls = LocalSearch(p, assign: assign, cand: cand, seed: seed)
            ls.run(moves: 20_000)
            let report = score(instance, assignments: Self.pairs(ls))
            #expect(report.score.hard == 0)
            #expect(report.score.medium >= score(instance, assignments: instance.pinned).score.medium)
            try Fixtures.expectScorerAgrees(instance, plan: Self.plan(ls, report), score: report.score)
        }
    }

    /// From the solver's plan on random instances, the search never lowers the score nor breaks a rule.
    @Test(arguments: [21, 22, 23, 24, 25, 26] as [UInt64])
    func neverWorseNeverInvalid(_ seed: UInt64) throws {
        let instance = Fixtures.random(
            seed: seed, workers: 24, requests: 9, days: Int(seed % 3) + 1, pins: seed % 2 == 0)
        let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: 500_000))
        let p = Problem(instance)
        let (assign, cand) = Self.state(p, plan.assignments)
        var ls = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        ls.temperature = 8
        ls.run(moves: 20_000)
        let rows = Self.pairs(ls)
        let after = score(instance, assignments: rows).score
        #expect(after.hard == 0)
        #expect(after >= plan.score)
        try Fixtures.expectScorerAgrees(instance, plan: Self.plan(ls, score(instance, assignments: rows)), score: after)
    }

    /// Same seed, same plan.
    @Test func deterministic() {
        let instance = Fixtures.random(seed: 77, workers: 30, requests: 10, days: 3)
        let p = Problem(instance)
        let (assign, cand) = Self.state(p, [])
        var a = LocalSearch(p, assign: assign, cand: cand, seed: 9)
        var b = LocalSearch(p, assign: assign, cand: cand, seed: 9)
        a.temperature = 8
        b.temperature = 8
        a.run(moves: 30_000)
        b.run(moves: 30_000)
        #expect(Array(a.assign) == Array(b.assign))
        #expect(a.soft == b.soft && a.medium == b.medium)
    }
}
