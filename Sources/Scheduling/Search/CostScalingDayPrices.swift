import Foundation

/// A warm start for the flow over several days from the days' own flows.
///
/// The week network links a worker's days only through the group of an ISO week whose cap binds. Without those
/// caps (every row its own group of supply 1) the network falls apart into one flow per day, each far smaller and
/// solved on its own; their prices are close to the week's where the caps cost little. The week's flow then starts
/// from those prices (a group at the price of its first row beyond its supply, as in `greedyPrices`) and from the
/// days' flow where the supplies allow it, at a small ε. Exactness does not depend on the prices: cost scaling
/// reaches the optimum from any prices, only the work changes.
extension CostScalingSolver {
    /// The first ε of the week's flow started from the days' prices, in value units.
    static let dayPricesEpsilon: Int64 = 4

    /// The network without the weekly caps: the same rows, requests and arcs, every row its own group of supply 1.
    func withoutCaps() -> FlowNetwork {
        var relaxed = net
        relaxed.groupSupply = [Int32](repeating: 1, count: net.nRows)
        relaxed.groupRowStart = (0...net.nRows).map(Int32.init)
        return relaxed
    }

    /// Solves the days without their weekly caps and turns the result into a warm start for this network (same rows
    /// and requests; its groups may hold several rows), or `nil` when no group binds (the relaxation would be the same
    /// flow) or the relaxed solve failed or ran out of time. `work` is the relaxed solve's work (charged either way).
    func dayPricesStart(cap: [Int32], order: [Int32]) -> (start: FlowSolution?, work: Int) {
        let nG = net.nGroups
        let nRw = net.nRows
        guard nG < nRw else { return (nil, 0) }
        let relaxed = withoutCaps()
        // Rows released in their groups' order.
        var rowOrder: [Int32] = []
        rowOrder.reserveCapacity(nRw)
        for g in order where Int(g) < nG {
            for r in net.groupRowStart[Int(g)]..<net.groupRowStart[Int(g) + 1] { rowOrder.append(r) }
        }
        let noMin = [Int32](repeating: 0, count: net.nReq)
        guard
            let days = CostScalingSolver(relaxed, deadline: deadline, arcFixing: arcFixing, greedyStart: greedyStart)
                .solve(cap: cap, minUnits: noMin, bonus: 1, order: rowOrder)
        else { return (nil, 0) }
        if days.timedOut || days.prices.count != nRw + nRw + net.nReq + 1 { return (nil, days.work) }
        // Node layout: relaxed (rows as groups, rows, requests, sink) → this network (groups, rows, requests, sink).
        let qOld = nRw + nRw
        let qNew = nG + nRw
        let nNew = qNew + net.nReq + 1
        var prices = [Int64](repeating: 0, count: nNew)
        var scales = [Int64](repeating: 1, count: nNew)
        let scaleOf = { (v: Int) -> Int64 in days.priceScale.isEmpty ? 1 : days.priceScale[v] }
        for r in 0..<nRw {
            prices[nG + r] = days.prices[nRw + r]
            scales[nG + r] = scaleOf(nRw + r)
        }
        for q in 0...net.nReq {
            prices[qNew + q] = days.prices[qOld + q]
            scales[qNew + q] = scaleOf(qOld + q)
        }
        // A group at its (supply + 1)-th best row price (its rows' prices are in one component's scale: one group's
        // rows lie in one component of the week, but the days may split them; compare in value units).
        var rowValue: [(Int64, Int64)] = []
        for g in 0..<nG {
            let rs = Int(net.groupRowStart[g])
            let re = Int(net.groupRowStart[g + 1])
            let s = Int(net.groupSupply[g])
            var price: Int64 = 0
            var scale: Int64 = 1
            if s < re - rs {
                rowValue.removeAll(keepingCapacity: true)
                for r in rs..<re { rowValue.append((prices[nG + r], scales[nG + r])) }
                // Descending by value (price / scale), exact by cross-multiplying in 128 bits.
                rowValue.sort { a, b in
                    let l = a.0.multipliedFullWidth(by: b.1)
                    let rr = b.0.multipliedFullWidth(by: a.1)
                    return (l.high, l.low) > (rr.high, rr.low)
                }
                if rowValue[s].0 > 0 { (price, scale) = rowValue[s] }
            }
            prices[g] = price
            scales[g] = scale
        }
        var start = FlowSolution(
            rowArc: days.rowArc, value: days.value, reqCount: days.reqCount, work: days.work, prices: prices,
            priceScale: scales)
        start.warmEpsilon =
            Int64(ProcessInfo.processInfo.environment["ILSON_DAYEPS"] ?? "") ?? CostScalingSolver.dayPricesEpsilon
        return (start, days.work)
    }
}
