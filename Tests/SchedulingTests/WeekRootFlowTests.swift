import Testing

@testable import Scheduling

/// The week's first flow as the engine runs it (`Engine.branchAndBound`'s root, then `Engine.repair`'s warm re-solves
/// with every request below its minimum closed) on random small weeks, against successive shortest paths on the whole
/// network at every step; and the scale check of `CostScalingSolver.solveConnected` (session week25).
@Suite struct WeekRootFlowTests {
    /// A random week: `workers` groups with one row per day (supply 1 to `days`, so the weekly caps bind), each row
    /// with arcs to a few of its day's requests (values from −200 to 1,800, big ones on odd seeds, some disabled).
    static func randomWeek(_ seed: UInt64, workers: Int, days: Int, perDay: Int) -> FlowNetwork {
        var g = SplitMix64(seed: seed)
        func rnd(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        var net = FlowNetwork()
        net.nReq = days * perDay
        for w in 0..<workers {
            for d in 0..<days {
                net.rowWorker.append(Int32(w))
                net.rowDay.append(Int32(d))
                for q in 0..<perDay where rnd(3) != 0 {
                    let value: Int64 =
                        rnd(15) == 0
                        ? FlowNetwork.disabled
                        : Int64(rnd(2_000)) - 200 + (seed % 2 == 1 ? Int64(rnd(5)) * 1_000_000 : 0)
                    net.arcReq.append(Int32(d * perDay + q))
                    net.arcValue.append(value)
                    net.arcCand.append(Int32(net.arcCand.count))
                }
                net.rowArcStart.append(Int32(net.arcReq.count))
            }
            net.groupSupply.append(Int32(1 + rnd(days)))
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        return net
    }

    /// The root (cold) and the repairs (warm, each closing every request with 0 < units < its minimum) of random
    /// weeks, with and without heuristic and per-row fixing: a valid flow of successive shortest paths' value at every
    /// step, and the same flows, prices and work on a second run (determinism).
    @Test(arguments: 0..<48)
    func rootAndRepairsMatchShortestPaths(_ seed: UInt64) throws {
        let days = 3 + Int(seed % 3)
        let perDay = 1 + Int(seed % 4)
        let net = Self.randomWeek(seed, workers: 4 + Int(seed % 9), days: days, perDay: perDay)
        var g = SplitMix64(seed: seed &+ 7_000)
        let nQ = net.nReq
        let cap = (0..<nQ).map { _ in Int32(g.next() % 4) }
        let reqMin = (0..<nQ).map { _ in Int32(1 + g.next() % 3) }
        let zeros = [Int32](repeating: 0, count: nQ)
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2) + 1
        let order = (0..<net.nGroups).map(Int32.init)
        var solver = CostScalingSolver(net)
        if seed % 3 != 0 {
            solver.heuristicFixMinEdges = 0
            solver.heuristicFix = seed % 3 == 1 ? 2 : 256
            solver.rowKeep = 1
        }
        func run() throws -> [FlowSolution] {
            var caps = cap
            var sol = try #require(solver.solve(cap: caps, minUnits: zeros, bonus: bonus, order: order))
            var steps = [sol]
            while true {
                let ssp = FlowSolver(net).solve(cap: caps, minUnits: zeros, bonus: bonus, order: order)
                _ = FlowCostScalingTests.check(net, sol, cap: caps)
                #expect(sol.value == ssp.value, "seed \(seed), step \(steps.count)")
                var any = false
                for q in 0..<nQ where sol.reqCount[q] > 0 && sol.reqCount[q] < reqMin[q] {
                    caps[q] = 0
                    any = true
                }
                if !any { break }
                sol = try #require(solver.solve(cap: caps, minUnits: zeros, bonus: bonus, order: order, warm: sol))
                steps.append(sol)
            }
            return steps
        }
        let first = try run()
        let again = try run()
        #expect(first.map(\.rowArc) == again.map(\.rowArc))
        #expect(first.map(\.prices) == again.map(\.prices))
        #expect(first.map(\.work) == again.map(\.work))
    }

    /// The scale check counts negative values by their magnitude and leaves disabled arcs out: a network whose only
    /// large value is negative and too large to scale is refused (`nil`, the caller falls back to shortest paths); the
    /// same network with that arc disabled, or with small values, is solved.
    @Test(arguments: 0..<12)
    func scaleCheckCountsNegativeValuesNotDisabled(_ seed: UInt64) throws {
        var net = Self.randomWeek(seed, workers: 3 + Int(seed % 4), days: 3, perDay: 2)
        let nQ = net.nReq
        let cap = [Int32](repeating: 2, count: nQ)
        let zeros = [Int32](repeating: 0, count: nQ)
        let order = (0..<net.nGroups).map(Int32.init)
        for a in 0..<net.arcValue.count where net.arcValue[a] != FlowNetwork.disabled {
            net.arcValue[a] = net.arcValue[a] % 1_000
        }
        let a = Int(seed) % net.arcValue.count
        var huge = net
        huge.arcValue[a] = -(CostScalingSolver.limit / 16)
        #expect(CostScalingSolver(huge).solve(cap: cap, minUnits: zeros, bonus: 1, order: order) == nil)
        var off = net
        off.arcValue[a] = FlowNetwork.disabled
        for small in [net, off] {
            let sol = try #require(CostScalingSolver(small).solve(cap: cap, minUnits: zeros, bonus: 1, order: order))
            let ssp = FlowSolver(small).solve(cap: cap, minUnits: zeros, bonus: 1, order: order)
            #expect(FlowCostScalingTests.check(small, sol, cap: cap) == ssp.value)
        }
    }
}
