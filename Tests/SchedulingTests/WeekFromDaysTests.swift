import Testing

@testable import Scheduling

/// The first flow of a week from its days' flows, the weekly caps restored by shortest paths (issue 18): the optimum
/// of successive shortest paths and of cost scaling on the whole network, exact potentials, a warm start for the
/// branch and bound's children, deterministic.
@Suite struct WeekFromDaysTests {
    /// A random network over `days` days: groups (a worker's week) of 1-5 rows on distinct days with a supply below
    /// their row count where `binding` (the cap binds), each row's arcs going to distinct requests of its own day (the
    /// shape `buildFullNetwork` makes). `dense` rows have 50-59 arcs (the days then go through `SparseCoreFlow`);
    /// values come from few levels, so ties are many.
    static func weekNetwork(
        _ seed: UInt64, groups: Int, days: Int, requestsPerDay: Int, dense: Bool = false, bigValues: Bool = true
    ) -> FlowNetwork {
        var g = SplitMix64(seed: seed)
        func rnd(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        var net = FlowNetwork()
        net.nReq = days * requestsPerDay
        for w in 0..<groups {
            let rows = 1 + rnd(min(5, days))
            let first = rnd(days - rows + 1)
            for d in first..<(first + rows) {
                net.rowWorker.append(Int32(w))
                net.rowDay.append(Int32(d))
                let k = min(requestsPerDay, dense ? 50 + rnd(10) : rnd(6))
                var reqs = Array(0..<requestsPerDay)
                for i in 0..<k {
                    let j = i + rnd(requestsPerDay - i)
                    reqs.swapAt(i, j)
                    net.arcReq.append(Int32(d * requestsPerDay + reqs[i]))
                    let v: Int64 =
                        bigValues ? Int64(rnd(4) * 100_000 + rnd(40) * 10) - 50 : Int64(rnd(7)) - 1
                    net.arcValue.append(rnd(20) == 0 ? FlowNetwork.disabled : v)
                    net.arcCand.append(Int32(net.arcCand.count))
                }
                net.rowArcStart.append(Int32(net.arcReq.count))
            }
            let binding = rows > 1 && rnd(3) > 0
            net.groupSupply.append(Int32(binding ? 1 + rnd(rows - 1) : rows))
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        return net
    }

    /// Every residual arc of `sol` has a reduced cost ≥ 0 under its prices (value units): the prices prove the flow
    /// optimal.
    static func reducedCostsNonnegative(_ net: FlowNetwork, _ sol: FlowSolution, cap: [Int32]) -> Bool {
        let nG = net.nGroups
        let qBase = nG + net.nRows
        let sink = qBase + net.nReq
        let p = sol.prices
        guard p.count == sink + 1, sol.priceScale.allSatisfy({ $0 == 1 }) else { return false }
        var ok = true
        func arc(_ u: Int, _ v: Int, _ c: Int64) { if c + p[u] - p[v] < 0 { ok = false } }
        for g in 0..<nG {
            var used: Int32 = 0
            for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) {
                let current = Int(sol.rowArc[r])
                if current >= 0 {
                    used += 1
                    arc(nG + r, g, 0)
                    arc(qBase + Int(net.arcReq[current]), nG + r, net.arcValue[current])
                } else {
                    arc(g, nG + r, 0)
                }
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) where a != current {
                    guard net.arcValue[a] != FlowNetwork.disabled, cap[Int(net.arcReq[a])] > 0 else { continue }
                    arc(nG + r, qBase + Int(net.arcReq[a]), -net.arcValue[a])
                }
            }
            if used < net.groupSupply[g] { arc(sink, g, 0) }  // the unused supply's arc to the sink, reversed
            if used > 0 { arc(g, sink, 0) }
        }
        for q in 0..<net.nReq where cap[q] > 0 {
            if sol.reqCount[q] < cap[q] { arc(qBase + q, sink, 0) }
            if sol.reqCount[q] > 0 { arc(sink, qBase + q, 0) }
        }
        return ok
    }

    /// Random weeks with binding caps, sparse and dense rows, big and small values: the value of successive shortest
    /// paths and of cost scaling on the whole network, a valid flow, prices that prove it optimal, whatever the
    /// one search per unit over a cap.
    @Test(arguments: 0..<48 as Range<UInt64>)
    func sameOptimumAsTheWholeNetwork(_ seed: UInt64) throws {
        let days = 2 + Int(seed % 4)
        let dense = seed % 3 == 0
        let perDay = dense ? 60 + Int(seed % 5) : 2 + Int(seed % 5)
        let net = Self.weekNetwork(
            seed &+ 7_000, groups: dense ? 40 + Int(seed % 30) : 8 + Int(seed % 30), days: days,
            requestsPerDay: perDay, dense: dense, bigValues: seed % 2 == 0)
        var g = SplitMix64(seed: seed &+ 9_100)
        let cap = (0..<net.nReq).map { _ in Int32(g.next() % 4) }
        let noMin = [Int32](repeating: 0, count: net.nReq)
        let order = (0..<net.nGroups).map(Int32.init).reversed().map { $0 }
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: noMin, bonus: 1, order: order)
        let scaling = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: noMin, bonus: 1, order: order))
        #expect(scaling.value == ssp.value)
        #expect(WeekFromDays.applies(net, minUnits: noMin))
        var trace = WeekFromDays.Trace()
        let sol = try #require(WeekFromDays(net).solve(cap: cap, order: order, trace: &trace))
        #expect(FlowCostScalingTests.check(net, sol, cap: cap) == ssp.value, "seed \(seed)")
        #expect(Self.reducedCostsNonnegative(net, sol, cap: cap), "seed \(seed)")
        #expect(sol.work == trace.daysWork + trace.potentialWork + trace.repairWork)
        #expect(trace.searches == trace.excess)
    }

    /// The repair is exercised: over these networks the days' flows put rows over their caps, and the relaxation's
    /// value is above the week's on some of them (dropping the repair would give an infeasible or wrong flow).
    @Test func capsBindOnTheseNetworks() throws {
        var over = 0
        var higher = 0
        for seed: UInt64 in 0..<24 {
            let net = Self.weekNetwork(seed &+ 7_000, groups: 20, days: 4, requestsPerDay: 4)
            let cap = [Int32](repeating: 2, count: net.nReq)
            let order = (0..<net.nGroups).map(Int32.init)
            var trace = WeekFromDays.Trace()
            let week = WeekFromDays(net)
            let sol = try #require(week.solve(cap: cap, order: order, trace: &trace))
            let relaxed = week.withoutCaps()
            let free = FlowSolver(relaxed).solve(
                cap: cap, minUnits: [Int32](repeating: 0, count: net.nReq), bonus: 1,
                order: (0..<relaxed.nGroups).map(Int32.init))
            #expect(free.value >= sol.value)
            if trace.excess > 0 { over += 1 }
            if free.value > sol.value { higher += 1 }
        }
        #expect(over >= 12)
        #expect(higher >= 6)
    }

    /// The branch and bound's children start from the result: a forced minimum or a closed request solved warm from
    /// it has the value of a cold solve.
    @Test(arguments: 0..<16 as Range<UInt64>)
    func childrenWarmFromItKeepTheOptimum(_ seed: UInt64) throws {
        let net = Self.weekNetwork(seed &+ 31_000, groups: 25, days: 3, requestsPerDay: 4)
        var g = SplitMix64(seed: seed &+ 5)
        let cap = (0..<net.nReq).map { _ in Int32(1 + g.next() % 3) }
        let noMin = [Int32](repeating: 0, count: net.nReq)
        let order = (0..<net.nGroups).map(Int32.init)
        let root = try #require(WeekFromDays(net).solve(cap: cap, order: order))
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2)
        let q = Int(g.next() % UInt64(net.nReq))
        var forced = noMin
        forced[q] = cap[q]
        var closed = cap
        closed[q] = 0
        let solver = CostScalingSolver(net)
        for (c, m) in [(cap, forced), (closed, noMin)] {
            let cold = FlowSolver(net).solve(cap: c, minUnits: m, bonus: bonus, order: order)
            let warm = try #require(solver.solve(cap: c, minUnits: m, bonus: bonus, order: order, warm: root))
            #expect(warm.value == cold.value, "seed \(seed)")
        }
    }

    /// The same network and order give the same flow and prices.
    @Test func deterministic() throws {
        let net = Self.weekNetwork(77, groups: 60, days: 5, requestsPerDay: 62, dense: true)
        let cap = (0..<net.nReq).map { Int32($0 % 3) }
        let order = (0..<net.nGroups).map(Int32.init)
        let a = try #require(WeekFromDays(net).solve(cap: cap, order: order))
        let b = try #require(WeekFromDays(net).solve(cap: cap, order: order))
        #expect(a.rowArc == b.rowArc)
        #expect(a.prices == b.prices)
        #expect(a.work == b.work)
    }

    /// Not used where no cap binds (every group one row) or at a node with forced minimums.
    @Test func appliesOnlyWhereACapBinds() {
        let net = Self.weekNetwork(3, groups: 10, days: 3, requestsPerDay: 3)
        let noMin = [Int32](repeating: 0, count: net.nReq)
        #expect(WeekFromDays.applies(net, minUnits: noMin))
        var forced = noMin
        forced[0] = 1
        #expect(!WeekFromDays.applies(net, minUnits: forced))
        #expect(!WeekFromDays.applies(WeekFromDays(net).withoutCaps(), minUnits: noMin))
    }

    /// On random multi-day instances the engine's first flow (through `exactFlow`) has the medium and the value of
    /// cost scaling on the whole network.
    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func engineFirstFlowEqualsCostScaling(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed, workers: 40, requests: 10, days: 5, minHeadcounts: false)
        let engine = Engine(instance, SolveOptions())
        let net = engine.buildFullNetwork()
        let order = engine.releaseOrder(net)
        let cap = engine.p.reqCap
        let noMin = [Int32](repeating: 0, count: net.nReq)
        let scaling = CostScalingSolver(net)
        let cold = try #require(scaling.solve(cap: cap, minUnits: noMin, bonus: 1, order: order))
        let first = engine.exactFlow(
            FlowSolver(net), scaling, cap: cap, minUnits: noMin, bonus: 1, order: order, sparse: true)
        #expect(FlowCostScalingTests.check(net, first, cap: cap) == cold.value, "seed \(seed)")
        #expect(engine.mediumOf(net, first) == engine.mediumOf(net, cold), "seed \(seed)")
    }
}
