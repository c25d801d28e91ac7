import Foundation

/// The request prices of the first flow over every plan day (the week's root solution after its repairs), each with
/// the cost scale it is in: a warm start for the large instances' exact day re-solves (`Engine.dayPass`).
struct WeekRequestPrices {
    /// The final price of each request node, relative to its component's sink (0 for a request left out).
    var price: [Int64]
    /// The cost scale of each price (its component's node count + 1; 1 for a request left out).
    var scale: [Int64]

    /// The request prices of `sol`, a solution of `net`.
    init?(_ net: FlowNetwork, _ sol: FlowSolution) {
        let base = net.requestNodeBase
        guard sol.prices.count == net.sinkNode + 1 else { return nil }
        price = Array(sol.prices[base..<(base + net.nReq)])
        scale = sol.priceScale.isEmpty ? [Int64](repeating: 1, count: net.nReq) : Array(sol.priceScale[base..<(base + net.nReq)])
    }
}

extension Engine {
    /// The warm start of day `d`'s re-solve on `net` (a `dayNetwork`) from the week's request prices: each request at
    /// its week price converted to the day network's cost scale, each row (and its group of supply 1) at its best
    /// profit `max(0, value · scale + price)` over its arcs, the sink at 0, and the current assignments as the flow.
    /// Any prices are correct for cost scaling; these are close to the day's optimum, whose values differ from the
    /// week's by the continuity with the neighbouring days only. Nil when the week's prices are unknown or would not fit.
    func weekWarmStart(_ d: Int, _ net: FlowNetwork) -> FlowSolution? {
        guard let week = weekPrices, week.price.count == net.nReq else { return nil }
        let n = net.sinkNode + 1
        let scale = Int64(n + 1)
        let qBase = net.requestNodeBase
        let bound = CostScalingSolver.limit / 16
        var prices = [Int64](repeating: 0, count: n)
        for q in 0..<net.nReq {
            let s = max(1, week.scale[q])
            let product = week.price[q].multipliedFullWidth(by: scale)
            guard s.magnitude > UInt64(product.high.magnitude) else { return nil }
            let x = s.dividingFullWidth(product).quotient
            guard x > -bound && x < bound else { return nil }
            prices[qBase + q] = x
        }
        var rowArc = [Int32](repeating: -1, count: net.nRows)
        for r in 0..<net.nRows {
            let held = assignCand[Int(net.rowWorker[r]) * nD + d]
            var best: Int64 = 0
            for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                let v = net.arcValue[a]
                guard v != FlowNetwork.disabled else { continue }
                let (scaled, o) = v.multipliedReportingOverflow(by: scale)
                guard !o, scaled > -bound && scaled < bound else { return nil }
                best = max(best, scaled + prices[qBase + Int(net.arcReq[a])])
                if held >= 0 && net.arcCand[a] == held { rowArc[r] = Int32(a) }
            }
            prices[net.nGroups + r] = best
        }
        // A day network has one group of supply 1 per row, in row order (`dayNetwork`).
        guard net.nGroups == net.nRows else { return nil }
        for g in 0..<net.nGroups { prices[g] = prices[net.nGroups + g] }
        return FlowSolution(
            rowArc: rowArc, value: 0, reqCount: [], work: 0, prices: prices,
            priceScale: [Int64](repeating: scale, count: n))
    }
}
