import Foundation
import Testing

@testable import Scheduling

/// The local search's own memory (issue 18): the growable stacks of `LocalSearchStorage`, and the best plan given
/// back from the trail of the moves made since it (instead of a copy taken when the search left it).
@Suite struct LocalSearchStorageTests {
    /// A stack that starts with room for one element keeps every pushed element through its doublings.
    @Test func stacksGrowAndKeepTheirElements() {
        let storage = LocalSearchStorage()
        var stack = LocalSearchStack<(Int32, Int32, Int32)>(storage, capacity: 1)
        for i in 0..<10_000 { stack.push((Int32(i), Int32(-i), Int32(i * 3))) }
        #expect(stack.count == 10_000)
        #expect((0..<10_000).allSatisfy { stack[$0] == (Int32($0), Int32(-$0), Int32($0 * 3)) })
        #expect(stack.pop() == (9_999, -9_999, 29_997))
        stack.removeAll()
        #expect(stack.count == 0)
        stack.push((1, 2, 3))
        #expect(stack[0] == (1, 2, 3))
    }

    /// A hot search wanders off its best plan and must end on it: from the trail (undone backwards) and from the
    /// copy (`trailLimit: 0`) the same plan, whose recount from scratch gives the search's medium and soft.
    @Test(arguments: [31, 32, 33] as [UInt64]) func theBestPlanComesBackFromTheTrail(seed: UInt64) {
        let instance = LocalSearchLayoutTests.instance(seed: seed)
        let p = Problem(instance)
        let (assign, cand) = LocalSearchTests.state(p, [])
        func all(_ s: LocalSearch) -> Int64 {
            var v: Int64 = 0
            for w in 0..<p.nW { for d in 0..<p.days.count { v += s.contribution(w, d) } }
            return v
        }
        let start = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        var wandering = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        var trail = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        var copy = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        wandering.temperature = 8
        trail.temperature = 8
        copy.temperature = 8
        wandering.run(moves: 20_000, endOnBest: false)
        trail.run(moves: 20_000)
        copy.run(moves: 20_000, trailLimit: 0)
        // The search did leave its best plan (else nothing is restored).
        #expect(Array(wandering.assign) != Array(trail.assign))
        #expect(Array(trail.assign) == Array(copy.assign))
        #expect(Array(trail.cand) == Array(copy.cand))
        #expect(trail.soft == copy.soft && trail.medium == copy.medium)
        let fresh = LocalSearch(p, assign: Array(trail.assign), cand: Array(trail.cand), seed: seed)
        #expect(fresh.medium == trail.medium)
        #expect(all(fresh) - all(start) == trail.soft)
        #expect(trail.soft >= 0 && trail.medium >= start.medium)
        let report = score(instance, assignments: LocalSearchTests.pairs(trail))
        #expect(report.score.hard == 0)
    }
}
