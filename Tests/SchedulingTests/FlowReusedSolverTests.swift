import Testing

@testable import Scheduling

/// One `CostScalingSolver` kept over a chain of solves of the same network (as the root, its repairs and the
/// branch-and-bound children are), against a fresh solver per solve and successive shortest paths.
@Suite struct FlowReusedSolverTests {
    /// Random networks, 3-5 capacity changes in a row (requests closed, as a repair closes them, and some reopened or
    /// forced), each solve warm from the previous one: the kept solver gives the fresh solver's flow, prices and work,
    /// and the optimum of successive shortest paths.
    @Test(arguments: 0..<40)
    func keptSolverSolvesLikeAFreshOne(_ seed: UInt64) throws {
        let requests = 2 + Int(seed % 6)
        let net = FlowCostScalingTests.randomNetwork(
            seed &+ 7000, groups: 4 + Int(seed % 9), requests: requests, bigValues: seed % 2 == 0)
        var g = SplitMix64(seed: seed &+ 9000)
        var cap = (0..<requests).map { _ in Int32(1 + g.next() % 3) }
        var minUnits = [Int32](repeating: 0, count: requests)
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2)
        let order = (0..<net.nGroups).map(Int32.init)
        var kept = CostScalingSolver(net)
        // Every network runs the heuristic fixing and its check too (the county's networks are above the size).
        kept.heuristicFixMinEdges = seed % 3 == 0 ? 0 : CostScalingSolver.defaultHeuristicFixMinEdges
        var previous: FlowSolution?
        for step in 0..<(3 + Int(seed % 3)) {
            if step > 0 {
                for q in 0..<requests {
                    switch g.next() % 6 {
                    case 0: cap[q] = 0
                    case 1: cap[q] = Int32(1 + g.next() % 3)
                    case 2: minUnits[q] = g.next() % 2 == 0 ? 0 : Int32(1 + g.next() % 2)
                    default: break
                    }
                }
            }
            var fresh = CostScalingSolver(net)
            fresh.heuristicFixMinEdges = kept.heuristicFixMinEdges
            let a = try #require(
                kept.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: previous))
            let b = try #require(
                fresh.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: previous))
            #expect(a.rowArc == b.rowArc)
            #expect(a.reqCount == b.reqCount)
            #expect(a.value == b.value)
            #expect(a.prices == b.prices)
            #expect(a.work == b.work)
            let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
            _ = FlowCostScalingTests.check(net, a, cap: cap)
            func forcedUnits(_ s: FlowSolution) -> Int32 {
                (0..<requests).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
            }
            #expect(forcedUnits(a) == forcedUnits(ssp))
            #expect(a.value == ssp.value)
            previous = a
        }
    }
}
