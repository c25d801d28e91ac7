import Testing

@testable import Scheduling

/// The sparse core with pricing (`SparseCoreFlow`) against successive shortest paths and cost scaling on the whole
/// network: the same optimal value, a valid flow, and rounds that really add arcs.
@Suite struct SparseCoreFlowTests {
    /// A random network with many arcs per row (so a core of 1-3 arcs per row leaves most of them out).
    static func denseNetwork(_ seed: UInt64, groups: Int, requests: Int, bigValues: Bool) -> FlowNetwork {
        FlowCostScalingTests.network(seed, groups: groups, requests: requests) { rnd in
            // Each request at most once per row, in random order, some left out.
            var reqs = Array(0..<requests)
            for i in stride(from: reqs.count - 1, to: 0, by: -1) { reqs.swapAt(i, rnd(i + 1)) }
            var arcs: [(Int, Int64)] = []
            for q in reqs where rnd(5) != 0 {
                let base = bigValues ? Int64(1 + rnd(10)) * 1_000_000 : 0
                // Few distinct values: many ties at the thresholds.
                let v = rnd(3) == 0 ? Int64(rnd(6)) * 50 : Int64(rnd(400)) - 100
                arcs.append((q, rnd(15) == 0 ? FlowNetwork.disabled : base + v))
            }
            return arcs
        }
    }

    static func instance(_ seed: UInt64, forced: Bool) -> (FlowNetwork, [Int32], [Int32], Int64, [Int32]) {
        instance(seed, groups: 4 + Int(seed % 13), requests: 3 + Int(seed % 9), salt: 777, caps: 4, forced: forced)
    }

    /// A random dense network of `groups` and `requests` (`denseNetwork`), capacities below `caps`, forced minimums
    /// on a third of the requests when `forced`, a bonus above every path's value and a release order (reversed on
    /// odd seeds): the flow tests' common instance.
    static func instance(_ seed: UInt64, groups: Int, requests: Int, salt: UInt64, caps: UInt64, forced: Bool)
        -> (FlowNetwork, [Int32], [Int32], Int64, [Int32])
    {
        let net = denseNetwork(seed, groups: groups, requests: requests, bigValues: seed % 3 == 0)
        var g = SplitMix64(seed: seed &+ salt)
        let cap = (0..<requests).map { _ in Int32(g.next() % caps) }
        let minUnits = (0..<requests).map { _ in forced && g.next() % 3 == 0 ? Int32(1 + g.next() % 3) : 0 }
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2)
        var order = (0..<net.nGroups).map(Int32.init)
        if seed % 2 == 1 { order.reverse() }
        return (net, cap, minUnits, bonus, order)
    }

    @Test(arguments: 0..<80)
    func sameOptimumAsTheWholeNetwork(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = Self.instance(seed, forced: seed % 4 == 3)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        let whole = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
        // (arcs per row, per capacity unit, ranked by profit, rounds before the whole network, warm ε)
        let configs = [
            (1, 1, false, 0, 0), (2, 1, false, 0, 0), (3, 2, false, 0, 0), (0, 1, false, 0, 0), (1, 0, false, 0, 0),
            (1, 1, true, 0, 0), (2, 0, true, 0, 0), (1, 1, true, 1, 0), (1, 0, true, 2, 0), (1, 1, true, 0, 3),
            (2, 1, false, 2, 1),
        ]
        for (k, c, profit, rounds, warmEps) in configs {
            var trace = SparseCoreFlow.Trace()
            var flow = SparseCoreFlow(net, rowArcs: k, reqFactor: c)
            flow.byProfit = profit
            flow.maxRounds = rounds
            flow.warmEpsilon = Int64(warmEps)
            let sparse = try #require(
                flow.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace))
            _ = FlowCostScalingTests.check(net, sparse, cap: cap)
            func forcedUnits(_ s: FlowSolution) -> Int32 {
                (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
            }
            #expect(forcedUnits(sparse) == forcedUnits(ssp), "seed \(seed) k \(k) c \(c) profit \(profit)")
            #expect(sparse.value == ssp.value, "seed \(seed) k \(k) c \(c) profit \(profit) trace \(trace)")
            #expect(sparse.value == whole.value)
            #expect(trace.rounds == trace.added.count && trace.rounds == trace.coreArcs.count)
            if rounds > 0 { #expect(trace.rounds <= rounds) }
        }
    }

    /// A tiny core must miss arcs of the optimum on some networks: pricing adds them (more than one round), and the
    /// value still equals the whole network's. Without pricing (the first round's flow) it would be lower.
    @Test func pricingAddsArcs() throws {
        var multiRound = 0
        var firstRoundShort = 0
        for seed in UInt64(0)..<60 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed, forced: false)
            let whole = try #require(
                CostScalingSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            var trace = SparseCoreFlow.Trace()
            let sparse = try #require(
                SparseCoreFlow(net, rowArcs: 1, reqFactor: 1).solve(
                    cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace))
            #expect(sparse.value == whole.value)
            if trace.rounds > 1 {
                multiRound += 1
                #expect(trace.added[0] > 0 || trace.rounds > 2)
                #expect(trace.coreArcs[1] >= trace.coreArcs[0])
            }
            // The first core alone, solved as a network of its own.
            var core = FlowNetwork()
            core.nReq = net.nReq
            core.groupSupply = net.groupSupply
            core.groupRowStart = net.groupRowStart
            core.rowWorker = net.rowWorker
            core.rowDay = net.rowDay
            var arcs = 0
            for r in 0..<net.nRows {
                var best = -1
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1])
                where net.arcValue[a] != FlowNetwork.disabled && cap[Int(net.arcReq[a])] > 0 {
                    if best < 0 || net.arcValue[a] > net.arcValue[best] { best = a }
                }
                if best >= 0 {
                    core.arcReq.append(net.arcReq[best])
                    core.arcValue.append(net.arcValue[best])
                    core.arcCand.append(Int32(best))
                    arcs += 1
                }
                core.rowArcStart.append(Int32(arcs))
            }
            let rowsOnly = try #require(
                CostScalingSolver(core).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            if rowsOnly.value < whole.value { firstRoundShort += 1 }
        }
        #expect(multiRound >= 10)
        #expect(firstRoundShort >= 5)
    }

    @Test func deterministic() throws {
        for seed in UInt64(100)..<110 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed, forced: seed % 2 == 0)
            let a = try #require(
                SparseCoreFlow(net, rowArcs: 2, reqFactor: 1).solve(
                    cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            let b = try #require(
                SparseCoreFlow(net, rowArcs: 2, reqFactor: 1).solve(
                    cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            #expect(a.rowArc == b.rowArc)
            #expect(a.work == b.work)
        }
    }

    /// `forDay` takes only networks of one row per group with many arcs per row, and its solve keeps the optimum.
    @Test func forDayOnlyOnDenseDays() throws {
        var day = FlowNetwork()
        var week = FlowNetwork()
        let requests = 120
        day.nReq = requests
        week.nReq = requests
        var g = SplitMix64(seed: 9)
        for w in 0..<40 {
            for d in 0..<2 {
                for q in 0..<requests where g.next() % 5 != 0 {
                    let v = Int64(g.next() % 500)
                    if d == 0 {
                        day.arcReq.append(Int32(q))
                        day.arcValue.append(v)
                        day.arcCand.append(Int32(day.arcCand.count))
                    }
                    week.arcReq.append(Int32(q))
                    week.arcValue.append(v)
                    week.arcCand.append(Int32(week.arcCand.count))
                }
                if d == 0 {
                    day.rowWorker.append(Int32(w))
                    day.rowDay.append(0)
                    day.rowArcStart.append(Int32(day.arcReq.count))
                }
                week.rowWorker.append(Int32(w))
                week.rowDay.append(Int32(d))
                week.rowArcStart.append(Int32(week.arcReq.count))
            }
            day.groupSupply.append(1)
            day.groupRowStart.append(Int32(day.rowWorker.count))
            week.groupSupply.append(1)
            week.groupRowStart.append(Int32(week.rowWorker.count))
        }
        #expect(SparseCoreFlow.forDay(week, deadline: nil) == nil)
        let sparse = try #require(SparseCoreFlow.forDay(day, deadline: nil))
        #expect(sparse.rowArcs == 16 && sparse.byProfit && sparse.maxRounds == 0 && sparse.firstStopDivisor == 4)
        #expect(sparse.secondRoundFactor == 36)
        let cap = (0..<requests).map { Int32($0 % 3) }
        let minUnits = [Int32](repeating: 0, count: requests)
        let order = (0..<day.nGroups).map(Int32.init)
        var trace = SparseCoreFlow.Trace()
        let sol = try #require(
            sparse.solve(cap: cap, minUnits: minUnits, bonus: 1_000_000, order: order, trace: &trace))
        let ssp = FlowSolver(day).solve(cap: cap, minUnits: minUnits, bonus: 1_000_000, order: order)
        #expect(sol.value == ssp.value)
        #expect(trace.coreArcs[0] < day.arcReq.count / 2)
    }

    /// The prices a sparse solve returns prove its flow 1-optimal on the whole network, checked arc by arc here (not
    /// through the solve's own pricing loop): every residual row → request and group → row arc of every row, core or
    /// not, has reduced cost ≥ −1 in the scaled costs. Rows whose used arc is first, last or in the middle of their
    /// arcs, disabled arcs and closed requests included.
    @Test(arguments: 0..<60)
    func pricesProveEveryArcOptimal(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = Self.instance(seed &+ 300, forced: seed % 5 == 4)
        let n = net.sinkNode + 1
        for (k, c) in [(1, 1), (2, 0), (3, 1)] {
            var flow = SparseCoreFlow(net, rowArcs: k, reqFactor: c)
            flow.byProfit = seed % 2 == 0
            let sol = try #require(flow.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            #expect(sol.prices.count == n)
            let failures = Self.unprovenArcs(net, sol, cap: cap)
            #expect(failures.isEmpty, "seed \(seed) k \(k): \(failures.prefix(5))")
        }
    }

    /// The arcs the prices of `sol` leave unproven: every residual group → row and row → request arc of every row of
    /// the whole network, checked one by one, must have reduced cost ≥ −1 in the costs scaled by n + 1.
    static func unprovenArcs(_ net: FlowNetwork, _ sol: FlowSolution, cap: [Int32]) -> [String] {
        let scale = Int64(net.sinkNode + 2)
        let qBase = net.requestNodeBase
        let p = sol.prices
        var failures: [String] = []
        for grp in 0..<net.nGroups {
            for r in Int(net.groupRowStart[grp])..<Int(net.groupRowStart[grp + 1]) {
                let used = Int(sol.rowArc[r])
                let pr = p[net.nGroups + r]
                // Group → row (cost 0): residual forward when unused, backward when used.
                if used >= 0 {
                    if pr - p[grp] < -1 { failures.append("group arc of row \(r)") }
                    let q = Int(net.arcReq[used])
                    if net.arcValue[used] * scale - pr + p[qBase + q] < -1 { failures.append("used arc of row \(r)") }
                } else if p[grp] - pr < -1 {
                    failures.append("group arc of row \(r)")
                }
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) where a != used {
                    let q = Int(net.arcReq[a])
                    guard net.arcValue[a] != FlowNetwork.disabled, cap[q] > 0 else { continue }
                    if -net.arcValue[a] * scale + pr - p[qBase + q] < -1 { failures.append("arc \(a)") }
                }
            }
        }
        return failures
    }

    /// The first round stopped early (`firstStopDivisor`), its pricing at that ε, the second round cold or resumed
    /// warm: the flow valid, the value and forced units those of successive shortest paths on the whole network, the
    /// returned prices proving every arc (`unprovenArcs`), and both ways after the first round taken on some networks.
    @Test func firstRoundStoppedEarly() throws {
        var cold = 0
        var resumed = 0
        for seed in UInt64(0)..<80 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed &+ 500, forced: seed % 4 == 1)
            let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
            for (k, c, divisor) in [(1, 1, 1), (1, 0, 4), (2, 1, 4), (3, 1, 8), (16, 4, 4)] {
                var flow = SparseCoreFlow(net, rowArcs: k, reqFactor: c)
                flow.byProfit = seed % 2 == 0
                flow.firstStopDivisor = Int64(divisor)
                let trace = try Self.expectExact(
                    flow, (net, cap, minUnits, bonus, order), as: ssp, "seed \(seed) k \(k) d \(divisor)")
                // A first round that stops early never returns: a second round follows.
                if Int64(net.sinkNode + 2) / Int64(divisor) > 1 { #expect(trace.rounds >= 2, "seed \(seed)") }
                if trace.coldRounds > 0 { cold += 1 }
                if trace.rounds >= 2 && trace.coldRounds == 0 && trace.added.first == 0 { resumed += 1 }
            }
        }
        #expect(cold >= 20)
        #expect(resumed >= 20)
    }

    /// The second round after a stopped first round solved warm (`secondRoundFactor`) instead of cold: the flow
    /// valid, the value and forced units those of successive shortest paths on the whole network, the returned prices
    /// proving every arc (`unprovenArcs`), the warm second round taken on many networks and never a cold one.
    @Test func secondRoundWarm() throws {
        var warmSeconds = 0
        for seed in UInt64(0)..<80 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed &+ 900, forced: seed % 4 == 2)
            let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
            for (k, c, divisor, factor) in [(1, 1, 4, 1), (1, 0, 4, 36), (2, 1, 8, 36), (3, 1, 4, 144), (16, 4, 4, 36)]
            {
                var flow = SparseCoreFlow(net, rowArcs: k, reqFactor: c)
                flow.byProfit = seed % 2 == 0
                flow.firstStopDivisor = Int64(divisor)
                flow.secondRoundFactor = Int64(factor)
                let trace = try Self.expectExact(
                    flow, (net, cap, minUnits, bonus, order), as: ssp, "seed \(seed) k \(k) f \(factor)")
                #expect(trace.coldRounds == 0)
                if Int64(net.sinkNode + 2) / Int64(divisor) > 1 { #expect(trace.rounds >= 2, "seed \(seed)") }
                warmSeconds += trace.warmSecondRounds
            }
        }
        #expect(warmSeconds >= 20)
    }

    /// Solves `problem` with `flow` and expects what every configuration must give: a valid flow with the value and
    /// forced units of successive shortest paths (`ssp`) on the whole network, and prices proving every arc of it
    /// (`unprovenArcs`). Returns the solve's trace for the caller's own expectations.
    static func expectExact(
        _ flow: SparseCoreFlow, _ problem: (FlowNetwork, [Int32], [Int32], Int64, [Int32]), as ssp: FlowSolution,
        _ label: String
    ) throws -> SparseCoreFlow.Trace {
        let (net, cap, minUnits, bonus, order) = problem
        func forcedUnits(_ s: FlowSolution) -> Int32 {
            (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
        }
        var trace = SparseCoreFlow.Trace()
        let sol = try #require(flow.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace))
        _ = FlowCostScalingTests.check(net, sol, cap: cap)
        #expect(sol.value == ssp.value, "\(label) trace \(trace)")
        #expect(forcedUnits(sol) == forcedUnits(ssp), "\(label)")
        let failures = unprovenArcs(net, sol, cap: cap)
        #expect(failures.isEmpty, "\(label): \(failures.prefix(5))")
        return trace
    }

    /// The K-th best values of the thresholds: the heap keeps the K largest of any sequence.
    @Test func heapKeepsTheLargest() {
        var g = SplitMix64(seed: 5)
        for k in [1, 2, 3, 7, 16] {
            for len in [0, 1, 5, 16, 40] {
                let values = (0..<len).map { _ in Int64(g.next() % 20) - 5 }
                var heap = [Int64](repeating: 0, count: k + 3)
                var size = 0
                for v in values { SparseCoreFlow.offer(v, &heap, base: 3, size: &size, k: k) }
                #expect(size == min(k, len))
                let kept = heap[3..<(3 + size)].sorted(by: >)
                #expect(kept == Array(values.sorted(by: >).prefix(k)))
            }
        }
    }
}
