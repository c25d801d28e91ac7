import Testing

@testable import Scheduling

/// `PlanPrices` (session chains11): prices for a given flow by shortest residual distances to the sink. For an optimal
/// flow every residual arc gets a reduced cost ≥ 0 (checked arc by arc, independently of the code), for a flow that
/// is not optimal no prices can do that, and a solve warm from the prices after some values moved reaches the optimum
/// of successive shortest paths.
@Suite struct ChainsPlanPricesTests {
    /// The residual arcs of `rowArc` at the root (caps `cap`, no minimums) as (tail, head, cost in value units), nodes
    /// numbered as in `CostScalingSolver`.
    static func residualArcs(_ net: FlowNetwork, cap: [Int32], rowArc: [Int32]) -> [(Int, Int, Int64)] {
        let nG = net.nGroups
        let qBase = nG + net.nRows
        let sink = qBase + net.nReq
        var out: [(Int, Int, Int64)] = []
        var held = [Int32](repeating: 0, count: net.nReq)
        for g in 0..<nG {
            var used: Int32 = 0
            for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) {
                if rowArc[r] >= 0 {
                    used += 1
                    out.append((nG + r, g, 0))
                    held[Int(net.arcReq[Int(rowArc[r])])] += 1
                } else {
                    out.append((g, nG + r, 0))
                }
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                    let q = Int(net.arcReq[a])
                    guard net.arcValue[a] != FlowNetwork.disabled, cap[q] > 0 else { continue }
                    if rowArc[r] == Int32(a) {
                        out.append((qBase + q, nG + r, net.arcValue[a]))
                    } else {
                        out.append((nG + r, qBase + q, -net.arcValue[a]))
                    }
                }
            }
            if used > 0 { out.append((g, sink, 0)) }
            if used < net.groupSupply[g] { out.append((sink, g, 0)) }
        }
        for q in 0..<net.nReq where cap[q] > 0 {
            if held[q] < cap[q] { out.append((qBase + q, sink, 0)) }
            if held[q] > 0 { out.append((sink, qBase + q, 0)) }
        }
        return out
    }

    /// The most negative reduced cost of a residual arc under `prices` (0 when none is negative).
    static func worstReducedCost(_ arcs: [(Int, Int, Int64)], _ prices: [Int64]) -> Int64 {
        arcs.reduce(0) { min($0, $1.2 + prices[$1.0] - prices[$1.1]) }
    }

    static func setup(_ seed: UInt64) -> (FlowNetwork, [Int32], Int64, [Int32]) {
        let requests = 1 + Int(seed % 7)
        let net = FlowCostScalingTests.randomNetwork(
            seed &+ 31_000, groups: 2 + Int(seed % 9), requests: requests, bigValues: seed % 2 == 0)
        var g = SplitMix64(seed: seed &+ 32_000)
        let cap = (0..<requests).map { _ in Int32(g.next() % 4) }
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        return (net, cap, maxValue * Int64(net.nRows + 2), (0..<net.nGroups).map(Int32.init))
    }

    /// An optimal flow gets prices for which it is 0-optimal; the search ends (no negative cycle).
    @Test(arguments: 0..<80)
    func optimalFlowIsZeroOptimal(_ seed: UInt64) throws {
        let (net, cap, bonus, order) = Self.setup(seed)
        let zeros = [Int32](repeating: 0, count: net.nReq)
        let opt = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: zeros, bonus: bonus, order: order))
        let pp = try #require(PlanPrices.warmStart(net, cap: cap, rowArc: opt.rowArc, maxWork: 1_000_000))
        #expect(pp.exact)
        #expect(pp.warm.priceScale.allSatisfy { $0 == 1 })
        let arcs = Self.residualArcs(net, cap: cap, rowArc: opt.rowArc)
        #expect(Self.worstReducedCost(arcs, pp.warm.prices) == 0)
        #expect(pp.warm.prices[pp.warm.prices.count - 1] == 0)
    }

    /// A flow one swap or one drop away from the optimum, when that loses value, has a negative cycle: no prices make
    /// it 0-optimal, and the search does not claim them (it stops at its work limit, `exact` false).
    @Test(arguments: 0..<80)
    func worseFlowIsNotPriced(_ seed: UInt64) throws {
        let (net, cap, bonus, order) = Self.setup(seed)
        let zeros = [Int32](repeating: 0, count: net.nReq)
        let opt = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: zeros, bonus: bonus, order: order))
        // Drop the dearest-valued used row: a worse flow when its value was positive.
        guard
            let r = (0..<net.nRows).filter({ opt.rowArc[$0] >= 0 }).max(by: {
                net.arcValue[Int(opt.rowArc[$0])] < net.arcValue[Int(opt.rowArc[$1])]
            }), net.arcValue[Int(opt.rowArc[r])] > 0
        else { return }
        var worse = opt.rowArc
        worse[r] = -1
        let pp = try #require(PlanPrices.warmStart(net, cap: cap, rowArc: worse, maxWork: 20_000))
        #expect(!pp.exact)
        let arcs = Self.residualArcs(net, cap: cap, rowArc: worse)
        #expect(Self.worstReducedCost(arcs, pp.warm.prices) < 0)
    }

    /// Warm from the plan's prices after some values moved (a kick: a used arc priced down, another up), and warm
    /// from a worse flow's prices, cost scaling reaches the optimum of successive shortest paths, with minimums too.
    @Test(arguments: 0..<80)
    func warmFromPlanPricesIsExact(_ seed: UInt64) throws {
        let (net, cap, bonus, order) = Self.setup(seed)
        let zeros = [Int32](repeating: 0, count: net.nReq)
        let opt = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: zeros, bonus: bonus, order: order))
        var kicked = net
        var g = SplitMix64(seed: seed &+ 33_000)
        for r in 0..<net.nRows where opt.rowArc[r] >= 0 && g.next() % 3 == 0 {
            kicked.arcValue[Int(opt.rowArc[r])] = -Int64(g.next() % 500)
        }
        for a in 0..<kicked.arcValue.count where kicked.arcValue[a] != FlowNetwork.disabled && g.next() % 5 == 0 {
            kicked.arcValue[a] += Int64(g.next() % 200)
        }
        let minUnits = (0..<net.nReq).map { _ in g.next() % 4 == 0 ? Int32(1 + g.next() % 2) : 0 }
        var maxValue: Int64 = 1
        for v in kicked.arcValue where v > maxValue { maxValue = v }
        let kBonus = maxValue * Int64(kicked.nRows + 2)
        let pp = try #require(PlanPrices.warmStart(net, cap: cap, rowArc: opt.rowArc, maxWork: 1_000_000))
        for mins in [zeros, minUnits] {
            let ssp = FlowSolver(kicked).solve(cap: cap, minUnits: mins, bonus: kBonus, order: order)
            let warm = try #require(
                CostScalingSolver(kicked).solve(cap: cap, minUnits: mins, bonus: kBonus, order: order, warm: pp.warm))
            _ = FlowCostScalingTests.check(kicked, warm, cap: cap)
            func forced(_ s: FlowSolution) -> Int32 { (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], mins[$1]) } }
            #expect(forced(ssp) == forced(warm))
            #expect(ssp.value == warm.value)
        }
    }
}
