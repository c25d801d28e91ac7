/// Node prices for a given flow (session "chains11"): a warm start for cost scaling on a network whose flow is known
/// but whose last solve's prices are not (a flow over every day built from the current plan).
///
/// The nodes are numbered as in `CostScalingSolver` (groups, rows, requests, the sink). For the flow `rowArc` at the
/// branch and bound's root (capacities `cap`, no minimums), each node's price is minus its shortest distance to the
/// sink in the residual graph, arc costs being the negated pair values (label-correcting Bellman-Ford, first in first
/// out, from the sink backwards). When the flow is optimal there is no negative cycle and every residual arc gets a
/// reduced cost `c + p(v) − p(w) ≥ 0`: the flow is 0-optimal for these prices, and a solve warm from them (one
/// refinement at ε = 1) only repairs what changed in the network since. When the flow is not optimal (a negative
/// cycle), the search stops at its work limit; the prices are then only a start (cost scaling's refinement reaches
/// the optimum from any prices, only its work depends on them).
///
/// Prices are in value units (`priceScale` 1); `CostScalingSolver.rescale` multiplies them by each component's scale,
/// exactly. Nodes that cannot reach the sink get a price below every reached node's by more than the largest value.
enum PlanPrices {
    /// The warm start for `rowArc` (prices, the flow itself) and the work spent (arc scans); `nil` when the flow does
    /// not fit the network (an arc disabled or closed, a request over its cap, a group over its supply).
    static func warmStart(
        _ net: FlowNetwork, cap: [Int32], minUnits: [Int32]? = nil, bonus: Int64 = 0, rowArc: [Int32], maxWork: Int
    )
        -> (warm: FlowSolution, work: Int, exact: Bool)?
    {
        let nG = net.nGroups
        let nRw = net.nRows
        let nQ = net.nReq
        let qBase = net.requestNodeBase
        let sink = net.sinkNode
        let n = sink + 1
        guard rowArc.count == nRw, cap.count >= nQ else { return nil }
        var held = [Int32](repeating: 0, count: nQ)
        var used = [Int32](repeating: 0, count: nG)
        var maxAbs: Int64 = 1
        for g in 0..<nG {
            for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) where rowArc[r] >= 0 {
                let a = Int(rowArc[r])
                guard a >= Int(net.rowArcStart[r]), a < Int(net.rowArcStart[r + 1]),
                    net.arcValue[a] != FlowNetwork.disabled
                else { return nil }
                let q = Int(net.arcReq[a])
                guard cap[q] > 0 else { return nil }
                held[q] += 1
                used[g] += 1
            }
            guard used[g] <= net.groupSupply[g] else { return nil }
        }
        for q in 0..<nQ where held[q] > cap[q] { return nil }
        for v in net.arcValue where v != FlowNetwork.disabled {
            maxAbs = max(maxAbs, v.magnitude > UInt64(Int64.max / 8) ? Int64.max / 8 : Int64(v.magnitude))
        }

        // The residual graph's arcs into each node (tail, cost), as lists by head.
        var inStart = [Int32](repeating: 0, count: n + 1)
        var tails: [Int32] = []
        var costs: [Int64] = []
        var heads: [Int32] = []
        func arc(_ v: Int, _ w: Int, _ c: Int64) {
            tails.append(Int32(v))
            heads.append(Int32(w))
            costs.append(c)
        }
        for g in 0..<nG {
            for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) {
                if rowArc[r] >= 0 { arc(nG + r, g, 0) } else { arc(g, nG + r, 0) }
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                    let q = Int(net.arcReq[a])
                    guard net.arcValue[a] != FlowNetwork.disabled, cap[q] > 0 else { continue }
                    if rowArc[r] == Int32(a) {
                        arc(qBase + q, nG + r, net.arcValue[a])
                    } else {
                        arc(nG + r, qBase + q, -net.arcValue[a])
                    }
                }
            }
            // The group's unused supply goes straight to the sink (cost 0).
            if used[g] > 0 { arc(g, sink, 0) }
            if used[g] < net.groupSupply[g] { arc(sink, g, 0) }
        }
        for q in 0..<nQ where cap[q] > 0 {
            // Forced units first (cost −bonus), then free ones (cost 0), as in `CostScalingSolver`.
            let forced = min(max(0, minUnits?[q] ?? 0), cap[q])
            let onForced = min(held[q], forced)
            let onFree = held[q] - onForced
            if onForced < forced { arc(qBase + q, sink, -bonus) }
            if onForced > 0 { arc(sink, qBase + q, bonus) }
            if onFree < cap[q] - forced { arc(qBase + q, sink, 0) }
            if onFree > 0 { arc(sink, qBase + q, 0) }
        }
        for h in heads { inStart[Int(h) + 1] += 1 }
        for v in 0..<n { inStart[v + 1] += inStart[v] }
        var fill = Array(inStart.dropLast())
        var inTail = [Int32](repeating: 0, count: tails.count)
        var inCost = [Int64](repeating: 0, count: tails.count)
        for i in 0..<tails.count {
            let w = Int(heads[i])
            inTail[Int(fill[w])] = tails[i]
            inCost[Int(fill[w])] = costs[i]
            fill[w] += 1
        }
        var work = tails.count * 2

        // Bellman-Ford from the sink backwards, first in first out.
        let unreached = Int64.max / 4
        var dist = [Int64](repeating: unreached, count: n)
        var queued = [Bool](repeating: false, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var qHead = 0
        var qCount = 0
        dist[sink] = 0
        queue[0] = Int32(sink)
        qCount = 1
        queued[sink] = true
        var exact = true
        while qCount > 0 {
            if work > maxWork {
                exact = false
                break
            }
            let w = Int(queue[qHead])
            qHead = qHead + 1 == n ? 0 : qHead + 1
            qCount -= 1
            queued[w] = false
            let dw = dist[w]
            let s = Int(inStart[w])
            let e = Int(inStart[w + 1])
            work += e - s + 1
            for i in s..<e {
                let v = Int(inTail[i])
                let nd = dw + inCost[i]
                if nd < dist[v] {
                    dist[v] = nd
                    if !queued[v] {
                        queued[v] = true
                        var t = qHead + qCount
                        if t >= n { t -= n }
                        queue[t] = Int32(v)
                        qCount += 1
                    }
                }
            }
        }
        var low: Int64 = 0
        for v in 0..<n where dist[v] != unreached { low = min(low, -dist[v]) }
        var prices = [Int64](repeating: 0, count: n)
        for v in 0..<n { prices[v] = dist[v] == unreached ? low - maxAbs - 1 : -dist[v] }
        var reqCount = held
        for q in 0..<nQ where cap[q] <= 0 { reqCount[q] = 0 }
        let warm = FlowSolution(
            rowArc: rowArc, value: 0, reqCount: reqCount, work: 0, prices: prices,
            priceScale: [Int64](repeating: 1, count: n))
        return (warm, work, exact)
    }
}
