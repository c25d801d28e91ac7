import Testing

@testable import Scheduling

/// The week's flow warm-started from the days' own flows (issue 18): whatever the prices and the first ε, the same
/// optimum as a cold solve and as successive shortest paths.
@Suite struct FlowDayPricesStartTests {
    /// A random network over `days` days: groups (a worker's week) of 1-4 rows on distinct days with supply 1-3, each
    /// row's arcs going to its own day's requests only (the shape `buildFullNetwork` makes).
    static func weekNetwork(_ seed: UInt64, groups: Int, days: Int, requestsPerDay: Int) -> FlowNetwork {
        var g = SplitMix64(seed: seed)
        func rnd(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        var net = FlowNetwork()
        net.nReq = days * requestsPerDay
        for w in 0..<groups {
            let rows = 1 + rnd(min(4, days))
            let first = rnd(days - rows + 1)
            for d in first..<(first + rows) {
                net.rowWorker.append(Int32(w))
                net.rowDay.append(Int32(d))
                for _ in 0..<rnd(5) {
                    net.arcReq.append(Int32(d * requestsPerDay + rnd(requestsPerDay)))
                    net.arcValue.append(rnd(15) == 0 ? FlowNetwork.disabled : Int64(rnd(9) * 100_000 + rnd(700)) - 50)
                    net.arcCand.append(Int32(net.arcCand.count))
                }
                net.rowArcStart.append(Int32(net.arcReq.count))
            }
            net.groupSupply.append(Int32(1 + rnd(min(3, rows))))
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        return net
    }

    /// Warm from the days' prices at several first ε: the optimum of successive shortest paths, a valid flow (supplies
    /// and capacities), and the relaxation's work reported.
    @Test(arguments: 0..<40 as Range<UInt64>)
    func dayPricesStartKeepsTheOptimum(_ seed: UInt64) throws {
        let days = 2 + Int(seed % 4)
        let perDay = 2 + Int(seed % 5)
        let net = Self.weekNetwork(seed &+ 81_000, groups: 8 + Int(seed % 30), days: days, requestsPerDay: perDay)
        var g = SplitMix64(seed: seed &+ 9000)
        let cap = (0..<net.nReq).map { _ in Int32(g.next() % 5) }
        let noMin = [Int32](repeating: 0, count: net.nReq)
        let order = (0..<net.nGroups).map(Int32.init)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: noMin, bonus: 1, order: order)
        let solver = CostScalingSolver(net)
        let (start, work) = solver.dayPricesStart(cap: cap, order: order)
        if net.nGroups < net.nRows {
            let start = try #require(start, "seed \(seed)")
            #expect(work > 0)
            #expect(start.prices.count == net.nGroups + net.nRows + net.nReq + 1)
            for eps: Int64 in [0, 1, 4, 32, 1_000_000_000] {
                var warm = start
                warm.warmEpsilon = eps
                let sol = try #require(solver.solve(cap: cap, minUnits: noMin, bonus: 1, order: order, warm: warm))
                #expect(FlowCostScalingTests.check(net, sol, cap: cap) == ssp.value, "seed \(seed), ε \(eps)")
            }
        } else {
            #expect(start == nil)
        }
    }

    /// Without caps every row is its own group of supply 1; rows, requests and arcs are unchanged, and the relaxed
    /// optimum is at least the capped one (it is a relaxation).
    @Test func withoutCapsOnlySplitsTheGroups() throws {
        let net = Self.weekNetwork(5, groups: 20, days: 5, requestsPerDay: 4)
        let relaxed = CostScalingSolver(net).withoutCaps()
        #expect(relaxed.nGroups == net.nRows)
        #expect(relaxed.groupSupply.allSatisfy { $0 == 1 })
        #expect(relaxed.groupRowStart == (0...net.nRows).map(Int32.init))
        #expect(relaxed.rowArcStart == net.rowArcStart)
        #expect(relaxed.arcReq == net.arcReq)
        #expect(relaxed.arcValue == net.arcValue)
        let cap = [Int32](repeating: 2, count: net.nReq)
        let noMin = [Int32](repeating: 0, count: net.nReq)
        let capped = FlowSolver(net).solve(
            cap: cap, minUnits: noMin, bonus: 1, order: (0..<net.nGroups).map(Int32.init))
        let free = FlowSolver(relaxed).solve(
            cap: cap, minUnits: noMin, bonus: 1, order: (0..<relaxed.nGroups).map(Int32.init))
        #expect(free.value >= capped.value)
    }

    /// A network where no group holds two rows (no cap binds) gets no start: the relaxation would be the same flow.
    @Test func noBindingCapNoStart() {
        var net = FlowNetwork()
        net.nReq = 1
        for _ in 0..<3 {
            net.rowWorker.append(Int32(net.groupSupply.count))
            net.rowDay.append(0)
            net.arcReq.append(0)
            net.arcValue.append(10)
            net.arcCand.append(Int32(net.arcCand.count))
            net.rowArcStart.append(Int32(net.arcReq.count))
            net.groupSupply.append(1)
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        let (start, work) = CostScalingSolver(net).dayPricesStart(cap: [2], order: [0, 1, 2])
        #expect(start == nil)
        #expect(work == 0)
    }

    /// On random multi-day instances (weekly caps of 1-6 days), the whole network's flow warm from the days' prices
    /// has the cold flow's value and medium.
    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func weekFlowFromTheDaysEqualsTheColdFlow(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed, workers: 40, requests: 10, days: 5, minHeadcounts: false)
        let engine = Engine(instance, SolveOptions())
        let net = engine.buildFullNetwork()
        let order = engine.releaseOrder(net)
        let cap = engine.p.reqCap
        let noMin = [Int32](repeating: 0, count: net.nReq)
        let solver = CostScalingSolver(net)
        let cold = try #require(solver.solve(cap: cap, minUnits: noMin, bonus: 1, order: order))
        let (start, _) = solver.dayPricesStart(cap: cap, order: order)
        let warm = try #require(solver.solve(cap: cap, minUnits: noMin, bonus: 1, order: order, warm: start))
        #expect(FlowCostScalingTests.check(net, warm, cap: cap) == cold.value, "seed \(seed)")
        #expect(engine.mediumOf(net, warm) == engine.mediumOf(net, cold), "seed \(seed)")
    }
}
