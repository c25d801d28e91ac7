import Foundation
import Testing

@testable import Scheduling

/// The general cost-scaling min-cost flow (`GeneralCostScaling`): the same optimum as successive shortest paths
/// (`ResidualFlow`) on random graphs and on the general engine's root relaxation of the reference instances, supplies
/// met exactly, and the failures it reports instead of a wrong flow.
@Suite struct GeneralCostScalingTests {
    /// A random layered DAG (arcs from lower to higher nodes) from node 0 to the last node, with arc costs of both
    /// signs; the same arcs in both solvers, the cost-scaling one with node 0's supply and a bypass arc.
    static func randomPair(_ seed: UInt64) -> (ResidualFlow, GeneralCostScaling, [(Int, Int)]) {
        var rng = SplitMix64(seed: seed)
        let n = 4 + Int(rng.next() % 40)
        let sink = n - 1
        var rf = ResidualFlow(nodes: n)
        var cs = GeneralCostScaling(nodes: n)
        var ids: [(Int, Int)] = []
        var out: Int64 = 0
        let arcs = n + Int(rng.next() % UInt64(4 * n))
        for _ in 0..<arcs {
            let u = Int(rng.next() % UInt64(n - 1))
            let v = u + 1 + Int(rng.next() % UInt64(n - 1 - u))
            let cap = Int32(rng.next() % 6)
            let cost = Int64(rng.next() % 201) - 120
            ids.append((rf.add(u, v, cap: cap, cost: cost), cs.add(u, v, cap: cap, cost: cost)))
            if u == 0 { out += Int64(cap) }
        }
        cs.supply[0] = out
        cs.supply[sink] = -out
        cs.add(0, sink, cap: Int32(out), cost: 0)
        return (rf, cs, ids)
    }

    @Test(arguments: Array(1...60) as [UInt64])
    func randomGraphsHaveTheSuccessiveShortestPathsOptimum(_ seed: UInt64) throws {
        var (rf, cs, ids) = Self.randomPair(seed)
        let (expected, complete) = rf.minimize(source: 0, sink: rf.nodes - 1)
        #expect(complete)
        let solution = try cs.solve().get()
        #expect(solution.cost == expected, "seed \(seed)")
        // The flow is a flow: within capacities, conserved at every inner node, and its cost is the one reported.
        var balance = [Int64](repeating: 0, count: rf.nodes)
        var cost: Int64 = 0
        for (a, b) in ids {
            let f = solution.flow[b]
            #expect(f >= 0 && f <= rf.cap[a] + rf.cap[a ^ 1])
            balance[Int(rf.to[a ^ 1])] -= Int64(f)
            balance[Int(rf.to[a])] += Int64(f)
            cost += Int64(f) * rf.cost[a]
        }
        #expect(cost == expected)
        for v in 1..<(rf.nodes - 1) { #expect(balance[v] == 0, "node \(v), seed \(seed)") }
    }

    @Test func suppliesAreMetAndCyclesOfNegativeCostAreCancelled() throws {
        // Two sources, two sinks, a backward arc closing a cycle of cost −4: the circulation takes it as far as it can.
        var g = GeneralCostScaling(nodes: 4)
        g.supply = [3, 1, -2, -2]
        g.add(0, 2, cap: 5, cost: 4)
        g.add(1, 3, cap: 5, cost: 1)
        g.add(0, 3, cap: 5, cost: 2)
        g.add(2, 1, cap: 2, cost: -6)
        g.add(1, 2, cap: 5, cost: 2)
        let s = try g.solve().get()
        var balance = g.supply
        for (i, (u, v)) in [(0, 2), (1, 3), (0, 3), (2, 1), (1, 2)].enumerated() {
            balance[u] -= Int64(s.flow[i])
            balance[v] += Int64(s.flow[i])
        }
        #expect(balance == [0, 0, 0, 0])
        let costs: [Int64] = [4, 1, 2, -6, 2]
        #expect(s.cost == zip(s.flow, costs).reduce(0) { $0 + Int64($1.0) * $1.1 })
        // Brute force over the integer flows of this small graph: the cost is the least.
        var best = Int64.max
        for fa in 0...5 {
            for fc in 0...5 where fa + fc == 3 {
                for fd in 0...2 {
                    for fe in 0...5 {
                        // Node 2: in fa + fe, out fd, demand 2. Node 1: in fd + 1, out fb + fe. Node 3: fb + fc = 2.
                        let fb = fd + 1 - fe
                        guard fb >= 0, fb <= 5, fa + fe - fd == 2, fb + fc == 2 else { continue }
                        best = min(best, Int64(4 * fa + fb + 2 * fc - 6 * fd + 2 * fe))
                    }
                }
            }
        }
        #expect(s.cost == best)
    }

    @Test func failuresAreReportedNotGuessed() {
        var unbalanced = GeneralCostScaling(nodes: 2)
        unbalanced.supply = [2, -1]
        unbalanced.add(0, 1, cap: 3, cost: 1)
        #expect(throws: GeneralCostScaling.Failure.infeasible) { try unbalanced.solve().get() }
        var tooSmall = GeneralCostScaling(nodes: 2)
        tooSmall.supply = [2, -2]
        tooSmall.add(0, 1, cap: 1, cost: 1)
        #expect(throws: GeneralCostScaling.Failure.infeasible) { try tooSmall.solve().get() }
        var huge = GeneralCostScaling(nodes: 2)
        huge.supply = [1, -1]
        huge.add(0, 1, cap: 1, cost: Int64.max / 2)
        #expect(throws: GeneralCostScaling.Failure.overflow) { try huge.solve().get() }
        var late = Self.randomPair(7).1
        for i in 0..<5000 { late.add(0, late.nodes - 1, cap: 1, cost: -Int64(i % 7)) }
        late.supply[0] += 5000
        late.supply[late.nodes - 1] -= 5000
        #expect(throws: GeneralCostScaling.Failure.deadline) { try late.solve(deadline: Date.distantPast).get() }
    }

    /// The root relaxation of the general engine on every version 2 reference instance: the large path's network by
    /// cost scaling has the value of the branch and bound's root network by successive shortest paths, and the same
    /// medium (the bound both report); with time cliques its value is lower, its medium still above the plan's.
    @Test(arguments: [
        "gen-v2-balanced-w40-r10-d2", "gen-v2-halfday-w150-r40-d1", "gen-v2-scarce-w120-r30-d3", "v2-fair-share",
        "v2-pickup-seats-walk-ride", "v2-two-short-jobs-transfer", "v2-volunteer-minutes-cap",
        "v2-weekly-cap-counts-days",
    ])
    func theRootRelaxationHasTheSameValueBothWays(_ name: String) throws {
        let problem = Problem(try Fixtures.ownInstance(name))
        var engine = GeneralEngine(problem, SolveOptions())
        let e = engine
        let value: (Int) -> Int64 = { c in e.baseValue(c) }
        let ssp = engine.relax(scope: GeneralScope(days: Array(0..<engine.nD)), mods: GeneralMods(), value: value)
        let large = engine.largeRelaxation(value: value, cliques: false)
        #expect(ssp.complete && large.complete)
        #expect(large.value == ssp.value, "\(name)")
        #expect(large.medium == ssp.medium + engine.pinnedMedium(), "\(name)")
        // With a row's jobs of one moment through one node: a tighter relaxation, still above the engine's plan.
        let tight = engine.largeRelaxation(value: value, cliques: true)
        #expect(tight.complete)
        #expect(tight.value <= large.value)
        #expect(tight.medium >= solve(problem.instance, options: SolveOptions(workBudget: 2_000_000)).score.medium)
    }
}
