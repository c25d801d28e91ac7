import Foundation
import Testing

@testable import Scheduling

/// Warm starts of the general cost-scaling flow (`GeneralCostScaling.WarmStart`, the large path's dives): from the
/// prices of a flow on a graph that differs in some arcs and capacities, at any first ε, the solve still finds the
/// optimum (the successive shortest paths' cost); prices out of range are reported, not used.
@Suite struct GeneralCostScalingWarmTests {
    typealias Arc = (u: Int, v: Int, cap: Int32, cost: Int64)

    /// A random DAG from node 0 to the last node (arcs from lower to higher nodes, costs of both signs).
    static func randomArcs(_ seed: UInt64, nodes: Int? = nil) -> (nodes: Int, arcs: [Arc]) {
        var rng = SplitMix64(seed: seed)
        let n = nodes ?? (4 + Int(rng.next() % 40))
        var arcs: [Arc] = []
        for _ in 0..<(n + Int(rng.next() % UInt64(4 * n))) {
            let u = Int(rng.next() % UInt64(n - 1))
            let v = u + 1 + Int(rng.next() % UInt64(n - 1 - u))
            arcs.append((u, v, Int32(rng.next() % 6), Int64(rng.next() % 201) - 120))
        }
        return (n, arcs)
    }

    /// The cost-scaling graph of `arcs` (node 0's supply through a bypass arc to the last node) and the optimum by
    /// successive shortest paths.
    static func graphs(nodes n: Int, _ arcs: [Arc]) -> (GeneralCostScaling, Int64) {
        var rf = ResidualFlow(nodes: n)
        var cs = GeneralCostScaling(nodes: n)
        var out: Int64 = 0
        for a in arcs {
            rf.add(a.u, a.v, cap: a.cap, cost: a.cost)
            cs.add(a.u, a.v, cap: a.cap, cost: a.cost)
            if a.u == 0 { out += Int64(a.cap) }
        }
        cs.supply[0] = out
        cs.supply[n - 1] = -out
        cs.add(0, n - 1, cap: Int32(out), cost: 0)
        let (cost, complete) = rf.minimize(source: 0, sink: n - 1)
        #expect(complete)
        return (cs, cost)
    }

    /// A dive's change: some arcs taken out, some capacities cut to 1.
    static func perturbed(_ arcs: [Arc], seed: UInt64) -> [Arc] {
        var rng = SplitMix64(seed: seed &* 7919)
        return arcs.compactMap { a in
            switch rng.next() % 5 {
            case 0: return nil
            case 1: return (a.u, a.v, min(a.cap, 1), a.cost)
            default: return a
            }
        }
    }

    @Test(arguments: Array(1...40) as [UInt64])
    func aWarmStartFromAnotherGraphsPricesStillFindsTheOptimum(_ seed: UInt64) throws {
        let (n, arcs) = Self.randomArcs(seed)
        let (before, _) = Self.graphs(nodes: n, arcs)
        let prices = try before.solve().get().prices
        #expect(prices.count == n)
        let (after, expected) = Self.graphs(nodes: n, Self.perturbed(arcs, seed: seed))
        for epsilon: Int64 in [1, 4, 1000, Int64.max / 2] {
            let warm = try after.solve(warm: GeneralCostScaling.WarmStart(prices: prices, epsilon: epsilon)).get()
            #expect(warm.cost == expected, "seed \(seed), ε \(epsilon)")
        }
        // Prices of the wrong length are ignored: a cold start.
        let cold = try after.solve(warm: GeneralCostScaling.WarmStart(prices: [0, 1], epsilon: 1)).get()
        #expect(cold.cost == expected)
    }

    /// From the optimum's own prices the solve ends at the optimum again. (It need not do less work on a graph this
    /// small: the refinements from ε down still run; the saving is on the large path's networks, measured there.)
    @Test func aWarmStartAtTheOptimumsOwnPricesKeepsTheOptimum() throws {
        let (n, arcs) = Self.randomArcs(5, nodes: 400)
        let (g, expected) = Self.graphs(nodes: n, arcs)
        let cold = try g.solve().get()
        #expect(cold.cost == expected)
        for epsilon: Int64 in [1, 4] {
            let warm = try g.solve(warm: GeneralCostScaling.WarmStart(prices: cold.prices, epsilon: epsilon)).get()
            #expect(warm.cost == expected, "ε \(epsilon)")
        }
    }

    @Test func pricesBeyondTheSafeRangeAreAnOverflowNotAWrongFlow() {
        let (n, arcs) = Self.randomArcs(3)
        let (g, _) = Self.graphs(nodes: n, arcs)
        var prices = [Int64](repeating: 0, count: n)
        prices[1] = Int64.min
        let result = g.solve(warm: GeneralCostScaling.WarmStart(prices: prices, epsilon: 1))
        #expect(throws: GeneralCostScaling.Failure.overflow) { try result.get() }
    }
}
