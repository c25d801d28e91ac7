import Foundation

extension GeneralEngine {
    /// The pair arcs from which a one-day root flow starts from greedy prices (`greedyStart`): a province day
    /// (6.5M pairs), not a county day (166k). On the province day v2 (bench instance, seed 1) the root flow took 3.94G
    /// arc scans cold and 2.23G from greedy prices at ε = 32 (2.36G at 64), medium 87662 → 87652: another optimal flow
    /// among ties, repaired differently. On county days v2 (seeds 1-3) it saved 40 % of the root's 41M scans but the
    /// dives then ended on other ties: medium 3717 → 3716, 3505 → 3503 (ε = 32), 3505 → 3499 (ε = 64), so a county day
    /// stays cold; on the county week v2 the root took 208M against 333M but the plan fell 18309 → 18304.
    static let largeGreedyPairs = 1_000_000
    /// A lower threshold than `largeGreedyPairs`, set by a test.
    @TaskLocal static var largeGreedyPairsOverride: Int?
    /// The first ε (value units) of a root flow started from greedy prices (the version 1 solver starts its day at 32).
    static let largeGreedyEpsilon: Int64 = 32

    /// Start prices for a root flow of the large path from a greedy assignment, as the version 1 solver's
    /// `greedyPrices`: pair arcs by value, best first (ties by arc), taken while their row and request have room; a
    /// request the greedy filled is priced at minus the value of its weakest unit (its dual in the assignment LP), any
    /// other at 0, the sink at 0, and every other node by its best arc (`GeneralCostScaling.warmPrices`). Any prices
    /// give the same optimum; close ones shorten the refinements. Nil when the graph is not a DAG.
    func greedyStart(
        _ g: GeneralCostScaling, pairArcs: [(arc: Int, row: Int32, cand: Int32)], pairRow: [Int32],
        rowCap: [Int32], request: [Int32], sink: Int
    ) -> GeneralCostScaling.WarmStart? {
        let value = { (k: Int) in -g.cost[pairArcs[k].arc] }
        var order = (0..<pairArcs.count).filter { value($0) > 0 }.map(Int32.init)
        CostScalingSolver.sortByValueDescending(&order, below: pairArcs.count, value: value)
        var rowLeft = rowCap
        var reqLeft = p.reqCap
        var weakest = [Int64](repeating: 0, count: p.nR)
        for k32 in order {
            let k = Int(k32)
            let i = Int(pairRow[k])
            let r = Int(candReq[Int(pairArcs[k].cand)])
            guard rowLeft[i] > 0, reqLeft[r] > 0 else { continue }
            rowLeft[i] -= 1
            reqLeft[r] -= 1
            weakest[r] = value(k)
        }
        var known = [Int64?](repeating: nil, count: g.nodes)
        for r in 0..<p.nR where request[r] >= 0 {
            known[Int(request[r])] = reqLeft[r] == 0 ? -weakest[r] : 0
        }
        known[sink] = 0
        guard let prices = g.warmPrices(known: known) else { return nil }
        return GeneralCostScaling.WarmStart(prices: prices, epsilon: GeneralEngine.largeGreedyEpsilon)
    }
}
