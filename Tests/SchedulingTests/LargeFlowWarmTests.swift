import Foundation
import Testing

@testable import Scheduling

/// The multi-day polish's warm starts (`LargeFlowWarm.swift`): a flow starts from the request side's prices of the
/// flow before it, every other node priced by its best arc (`GeneralCostScaling.warmPrices`). Exactness comes from
/// cost scaling (any start prices give the optimum); these tests check the prices themselves, that a partly known
/// start still finds the optimum, and that on the large path the request side is carried to the right nodes.
@Suite struct LargeFlowWarmTests {
    /// Node 3 known at 10, node 1 at 2; node 2 priced by its one arc (to 3, cost −4: 14), node 0 by the better of its
    /// arcs (to 1, cost 5: −3; to 2, cost −3: 17), in the solver's scaled units (× 5).
    @Test func knownPricesAreKeptAndEveryOtherNodeTakesItsBestArc() throws {
        var g = GeneralCostScaling(nodes: 4)
        g.add(0, 1, cap: 1, cost: 5)
        g.add(0, 2, cap: 1, cost: -3)
        g.add(1, 3, cap: 1, cost: 1)
        g.add(2, 3, cap: 1, cost: -4)
        let prices = try #require(g.warmPrices(known: [nil, 2, nil, 10]))
        let want: [Int64] = [85, 10, 70, 50]
        #expect(prices == want)
        // No arc out of a priced node is admissible (reduced cost cost·scale + p(u) − p(v) ≥ 0), its best one at 0.
        let reduced: [Int64] = [-15 + prices[0] - prices[2], 25 + prices[0] - prices[1], -20 + prices[2] - prices[3]]
        #expect(reduced[0] == 0 && reduced[1] >= 0 && reduced[2] == 0)
    }

    @Test func aBackwardArcOrAWrongLengthGivesNoPrices() {
        var g = GeneralCostScaling(nodes: 3)
        g.add(0, 2, cap: 1, cost: 1)
        #expect(g.warmPrices(known: [nil, nil]) == nil)
        #expect(g.warmPrices(known: [nil, nil, 0]) != nil)
        g.add(2, 1, cap: 1, cost: 1)
        #expect(g.warmPrices(known: [nil, nil, 0]) == nil)
    }

    /// From another graph's prices at some of the nodes (divided back to cost units, as the large path carries them),
    /// at any first ε, the solve finds the successive shortest paths' optimum.
    @Test(arguments: Array(1...30) as [UInt64])
    func aStartFromSomeNodesPricesStillFindsTheOptimum(_ seed: UInt64) throws {
        let (n, arcs) = GeneralCostScalingWarmTests.randomArcs(seed)
        let (before, _) = GeneralCostScalingWarmTests.graphs(nodes: n, arcs)
        let old = try before.solve().get().prices
        let (after, expected) = GeneralCostScalingWarmTests.graphs(
            nodes: n, GeneralCostScalingWarmTests.perturbed(arcs, seed: seed))
        var rng = SplitMix64(seed: seed)
        let known = old.map { p -> Int64? in rng.next() % 3 == 0 ? nil : p / Int64(n + 1) }
        let start = try #require(after.warmPrices(known: known))
        for epsilon: Int64 in [1, 4, 1000] {
            let warm = try after.solve(warm: GeneralCostScaling.WarmStart(prices: start, epsilon: epsilon)).get()
            #expect(warm.cost == expected, "seed \(seed), ε \(epsilon)")
        }
    }

    /// A multi-day instance with two-job rows (every second worker), mornings, afternoons and full days.
    static func week(seed: UInt64) -> Instance {
        SmallInstances.twoJobDays(
            seed: seed, workers: 40, requests: 24, days: 3, times: SmallInstances.twoJobTimes)
    }

    /// The large path's start on `week(seed:)`: the engine, its context, the root relaxation and the root's repair.
    static func start(seed: UInt64) throws -> (
        engine: GeneralEngine, context: (GeneralScope, [Int32], (Int) -> Int64), root: LargeRelaxation,
        plan: [Int32: [Int32]]
    ) {
        var engine = GeneralEngine(Problem(week(seed: seed)), SolveOptions())
        let (scope, order, value) = LargeDayPolishTests.context(engine)
        let root = engine.largeRelaxation(value: value)
        try #require(root.complete)
        let plan = engine.repair(root.rows, scope: scope, order: order, value: value) ?? [:]
        return (engine, (scope, order, value), root, plan)
    }

    /// On the large path: a slot flow and a polish flow warm from the root's request prices reach the cold flow's value
    /// (exact), the prices they say are their own request nodes' (so the next flow reads the right ones), and a flow
    /// warm from its own request prices, on the same plan, does less work than the cold one.
    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func polishFlowsStartFromTheRequestPricesOfTheFlowBefore(_ seed: UInt64) throws {
        let s = try Self.start(seed: seed)
        var engine = s.engine
        let (value, plan) = (s.context.2, s.plan)
        let rootPrices = try #require(LargeRequestPrices(s.root))

        let (cold, _) = engine.largeSlotFlow(plan, value: value, forced: [], closed: [])
        let (warm, _) = engine.largeSlotFlow(plan, value: value, forced: [], closed: [], warm: rootPrices)
        try #require(cold.complete && warm.complete)
        #expect(warm.value == cold.value, "seed \(seed)")

        // The carried prices are the flow's own at its request nodes.
        let own = try #require(LargeRequestPrices(cold))
        let scale = Int64(cold.prices.count + 1)
        for r in cold.requestNodes.indices where cold.requestNodes[r] >= 0 {
            #expect(own.request[r] == cold.prices[Int(cold.requestNodes[r])] / scale)
        }
        #expect(own.sink == cold.prices[cold.sinkNode] / scale)
        let again = engine.largeSlotFlow(plan, value: value, forced: [], closed: [], warm: own).0
        #expect(again.value == cold.value)
        #expect(again.work < cold.work, "seed \(seed): \(again.work) against \(cold.work)")

        let (polishCold, _) = engine.largePolishFlow(plan, value: value, forced: [], closed: [])
        let (polishWarm, _) = engine.largePolishFlow(plan, value: value, forced: [], closed: [], warm: own)
        try #require(polishCold.complete && polishWarm.complete)
        #expect(polishWarm.value == polishCold.value, "seed \(seed)")
    }

    /// The whole multi-day polish with its warm starts never lowers the plan and gives a valid one.
    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func theWarmWeekPolishNeverLowersThePlan(_ seed: UInt64) throws {
        let s = try Self.start(seed: seed)
        var engine = s.engine
        let ((scope, order, value), root, plan) = (s.context, s.root, s.plan)
        let start = engine.networkValue(plan, scope: scope, value: value)
        let (rows, v) = engine.largeWeekPolish(
            plan, value: start, scope: scope, order: order, value: value, warm: LargeRequestPrices(root))
        #expect(v >= start)
        #expect(v == engine.networkValue(rows, scope: scope, value: value))
        engine.install(rows, days: Array(0..<engine.nD))
        #expect(score(Self.week(seed: seed), assignments: engine.assignments()).score.hard == 0, "seed \(seed)")
    }
}
