import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Day re-solves restricted to the rows a move changed (`ChainsLocalDescent.swift`).
@Suite struct ChainsLocalDescentTests {
    /// Seeded instances (weekly caps, minimum headcounts, history, pins on every other seed), each day re-solved until
    /// none improves. Then one worker's seat of a day is dropped where its request stays open (a valid, worse plan): the
    /// restricted re-solve of that day with every worker free finds the descent's value again (the descent's day is
    /// feasible for it and optimal among all the day's assignments), and with only the rows around that worker free
    /// it never lowers the plan; both plans pass the scorer. On the descent's plan itself no restricted re-solve with
    /// every worker free improves.
    @Test(arguments: Array(1...10) as [UInt64])
    func aRestrictedReSolveRepairsADroppedSeat(_ seed: UInt64) throws {
        let (instance, start, _) = ChainsSeatKicksTests.engine(seed &+ 300, days: 2 + Int(seed % 4))
        var e = start
        e.dayDescent(maxPasses: 50)
        let value = e.trueValue()
        let all = [Bool](repeating: true, count: e.p.nW)
        for d in 0..<e.nD {
            var same = e
            #expect(same.localResolveDay(d, free: all).isEmpty, "day \(d)")
        }
        var dropped = 0
        for s in 0..<e.assign.count where e.assignCand[s] >= 0 && e.p.pinnedOn[s] < 0 && dropped < 3 {
            let (w, d) = (s / e.nD, s % e.nD)
            let r = e.assign[s]
            let held = (0..<e.p.nW).filter { e.assign[$0 * e.nD + d] == r }.count
            guard held > Int(e.p.reqMin[Int(r)]) else { continue }
            dropped += 1
            var cut = e
            cut.assign[s] = -1
            cut.assignCand[s] = -1
            let before = cut.assign
            let lower = cut.trueValue()
            #expect(lower < value)
            var whole = cut
            #expect(!whole.localResolveDay(d, free: all).isEmpty)
            #expect(whole.trueValue() == value, "worker \(w) day \(d)")
            try Fixtures.expectScorerAgrees(instance, plan: whole.makePlan())
            var local = cut
            local.localDescent(from: e.assign, beforeCand: e.assignCand)
            #expect(local.trueValue() >= lower)
            try Fixtures.expectScorerAgrees(instance, plan: local.makePlan())
            var around = cut
            let free = around.localFreeWorkers(d, seeds: [w], before: e.assign)
            #expect(free[w])
            _ = around.localResolveDay(d, free: free)
            #expect(around.trueValue() >= lower)
            #expect(around.assign != before || around.trueValue() == lower)
        }
    }
}
