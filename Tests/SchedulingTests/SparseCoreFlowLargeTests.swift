import Testing

@testable import Scheduling

/// The large day's configuration of the sparse core (`SparseCoreFlow.largeDay`): one core round stopped early, then
/// the whole network warm from the next ε.
extension SparseCoreFlowTests {
    /// The large day's rule on random dense networks (cores of 1-3 arcs a row so that many arcs are left out, and the
    /// configuration itself): the flow valid, the value and forced units those of successive shortest paths on the
    /// whole network, every arc of the whole network proven at the returned prices (`unprovenArcs`), at most one core
    /// round, and the whole network's warm solve taken on many networks.
    @Test func largeDayCoreThenWholeNetwork() throws {
        var whole = 0
        for seed in UInt64(0)..<80 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed &+ 900, forced: seed % 4 == 2)
            let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
            func forcedUnits(_ s: FlowSolution) -> Int32 {
                (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
            }
            let base = SparseCoreFlow.largeDay(net, deadline: nil)
            for (k, c, units) in [(1, 1, base.firstStopUnits), (2, 0, base.firstStopUnits), (3, 1, 1), (0, 0, 0)] {
                var flow = base
                if k > 0 || c > 0 {
                    flow.rowArcs = k
                    flow.reqFactor = c
                }
                flow.firstStopUnits = units
                var trace = SparseCoreFlow.Trace()
                let sol = try #require(
                    flow.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace))
                _ = FlowCostScalingTests.check(net, sol, cap: cap)
                #expect(sol.value == ssp.value, "seed \(seed) k \(k) u \(units) trace \(trace)")
                #expect(forcedUnits(sol) == forcedUnits(ssp), "seed \(seed) k \(k) u \(units)")
                let failures = Self.unprovenArcs(net, sol, cap: cap)
                #expect(failures.isEmpty, "seed \(seed) k \(k) u \(units): \(failures.prefix(5))")
                #expect(trace.rounds == 1 && trace.coldRounds == 0, "seed \(seed) k \(k) trace \(trace)")
                if trace.wholeWork > 0 { whole += 1 }
            }
        }
        #expect(whole >= 40)
    }

    /// `forLargeDay` takes only single days of at least `largeArcs` arcs (never a network `forDay` takes), and its
    /// configuration is `largeDay`'s.
    @Test func forLargeDayOnlyOnLargeDays() {
        let (net, _, _, _, _) = Self.instance(3, forced: false)
        #expect(SparseCoreFlow.forLargeDay(net, deadline: nil) == nil)
        let large = SparseCoreFlow.largeDay(net, deadline: nil)
        #expect(large.maxRounds == 1 && large.firstStopUnits > 0 && large.byProfit)
        #expect(SparseCoreFlow.largeArcs == 1_000_000)
    }
}
