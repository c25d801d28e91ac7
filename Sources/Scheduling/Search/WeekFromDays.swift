import Foundation

/// The first flow of a network over several days, built from the days' own flows (issue 18).
///
/// 1. **The days.** Without the weekly caps (every row its own group of supply 1) the network falls apart into one
///    flow per day. That relaxation is solved to optimality on a sparse core (`SparseCoreFlow`, as the first flow of a
///    single day), all days in one network (one cost scale).
/// 2. **Exact potentials.** Cost scaling's prices are 1-optimal in scaled costs (and arcs fixed between refinements
///    may not even be that), so they are not potentials with nonnegative reduced costs. A label-correcting shortest
///    path search over the relaxation's residual network from a virtual root (a 0-cost arc to every node), ordered by
///    the scaled prices (keys `K·d(v) − p(v)`: nearly monotone, so nodes are rarely scanned twice), gives the exact
///    distances d: every residual arc then has `c + d(u) − d(v) ≥ 0` in value units. There is no negative cycle (the
///    relaxation is optimal), so the search ends, whatever the prices.
/// 3. **The caps restored by successive shortest paths.** The days' flow, read on the week network, sends from each
///    group the units its rows use; a group using more rows than its supply has a deficit (the surplus is at the
///    sink). With the rows', requests' and the sink's distances as potentials (sink at 0) and every group at 0, every
///    residual arc of the week network has a nonnegative reduced cost: an unused row has `d(r) ≤ d(sink)` (the
///    relaxation's unused supply arc), a used one `d(r) ≥ d(sink)`. Then, one unit at a time, Dijkstra from the sink
///    to the first group in deficit it settles (the way back for a unit: a request gives up the seat of one of the
///    group's rows, or another worker takes the seat, and so on), the path applied, the settled nodes' potentials
///    raised by their distance (the standard successive-shortest-path step, which keeps every reduced cost ≥ 0). When
///    no group is in deficit the flow is feasible and its reduced costs are all ≥ 0: optimal, the same value as cost
///    scaling of the week network.
///
/// The result carries the final potentials as prices in value units (`priceScale` 1), a warm start for the branch and
/// bound's children (`CostScalingSolver.rescale` brings them to any scale). `work` counts the days' flow work, every
/// arc scanned by the potential search and by each Dijkstra.
///
/// Deterministic: every scan goes in the network's order, the heap breaks ties the same way on every run.
struct WeekFromDays {
    let net: FlowNetwork
    let deadline: Date?

    /// What the last solve did, for tests and measurements.
    struct Trace {
        var daysWork = 0
        var potentialWork = 0
        var repairWork = 0
        /// Units over the weekly caps after the days' flow.
        var excess = 0
        /// Groups over their cap after the days' flow.
        var groupsOver = 0
        /// Dijkstra searches (one per unit over a cap).
        var searches = 0
    }

    init(_ net: FlowNetwork, deadline: Date? = nil) {
        self.net = net
        self.deadline = deadline
    }

    /// Where the days' flow is worth building first: several rows share a group (a weekly cap binds), no forced
    /// minimums (the root of the branch and bound).
    static func applies(_ net: FlowNetwork, minUnits: [Int32]) -> Bool {
        net.nRows > 0 && net.nGroups < net.nRows && !minUnits.contains { $0 > 0 }
    }

    /// The network without the weekly caps: the same rows, requests and arcs, every row its own group of supply 1.
    func withoutCaps() -> FlowNetwork {
        var relaxed = net
        relaxed.groupSupply = [Int32](repeating: 1, count: net.nRows)
        relaxed.groupRowStart = (0...net.nRows).map(Int32.init)
        return relaxed
    }

    /// Solves with every request's forced minimum 0; same optimum value as `CostScalingSolver.solve`. Returns `nil`
    /// when the days' flow does not fit cost scaling's integers (the caller falls back).
    func solve(cap: [Int32], order: [Int32]) -> FlowSolution? {
        var trace = Trace()
        return solve(cap: cap, order: order, trace: &trace)
    }

    func solve(cap: [Int32], order: [Int32], trace: inout Trace) -> FlowSolution? {
        let nG = net.nGroups
        let nRw = net.nRows
        let nQ = net.nReq
        // 1. The days: rows released in their groups' order.
        let relaxed = withoutCaps()
        var rowOrder: [Int32] = []
        rowOrder.reserveCapacity(nRw)
        var listed = [Bool](repeating: false, count: nG)
        for g in order where Int(g) < nG && !listed[Int(g)] {
            listed[Int(g)] = true
            for r in net.groupRowStart[Int(g)]..<net.groupRowStart[Int(g) + 1] { rowOrder.append(r) }
        }
        guard let days = solveDays(relaxed, cap: cap, order: rowOrder) else { return nil }
        trace.daysWork = days.work
        if days.timedOut { return .timedOut(net, work: days.work) }
        var work = days.work

        // 2. Exact potentials of the days' flow (relaxed layout: own groups, rows, requests, sink).
        let rowArc = days.rowArc
        var holderStart = [Int32](repeating: 0, count: nQ + 1)
        for q in 0..<nQ { holderStart[q + 1] = holderStart[q] + max(0, cap[q]) }
        var holders = [Int32](repeating: -1, count: Int(holderStart[nQ]))
        var count = [Int32](repeating: 0, count: nQ)
        for r in 0..<nRw where rowArc[r] >= 0 {
            let q = Int(net.arcReq[Int(rowArc[r])])
            holders[Int(holderStart[q] + count[q])] = Int32(r)
            count[q] += 1
        }
        guard let (dist, potentialWork) = exactDistances(days, cap: cap, count: count, holders: holders,
                                                          holderStart: holderStart)
        else { return nil }
        trace.potentialWork = potentialWork
        work &+= potentialWork

        // 3. The week network (groups, rows, requests, sink) from the days' flow, repaired.
        let qBase = nG + nRw
        let sink = qBase + nQ
        let n = sink + 1
        let relaxedSink = 2 * nRw + nQ
        var pot = [Int64](repeating: 0, count: n)
        for r in 0..<nRw { pot[nG + r] = dist[nRw + r] - dist[relaxedSink] }
        for q in 0..<nQ { pot[qBase + q] = dist[2 * nRw + q] - dist[relaxedSink] }
        var rowGroup = [Int32](repeating: 0, count: nRw)
        var used = [Int32](repeating: 0, count: nG)
        var bypass = [Int32](repeating: 0, count: nG)
        var deficit = [Int32](repeating: 0, count: nG)
        for g in 0..<nG {
            for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) {
                rowGroup[r] = Int32(g)
                if rowArc[r] >= 0 { used[g] += 1 }
            }
            let s = net.groupSupply[g]
            bypass[g] = max(0, s - used[g])
            deficit[g] = max(0, used[g] - s)
            if deficit[g] > 0 {
                trace.groupsOver += 1
                trace.excess += Int(deficit[g])
            }
        }
        var rows = rowArc
        var repairWork = 0
        // Each request's arcs (the arcs into it), for the searches backwards.
        let nA = net.arcReq.count
        var arcRow = [Int32](repeating: 0, count: nA)
        var reqArcStart = [Int32](repeating: 0, count: nQ + 1)
        for r in 0..<nRw {
            for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                arcRow[a] = Int32(r)
                reqArcStart[Int(net.arcReq[a]) + 1] += 1
            }
        }
        for q in 0..<nQ { reqArcStart[q + 1] += reqArcStart[q] }
        var reqArc = [Int32](repeating: 0, count: nA)
        var fill = Array(reqArcStart.dropLast())
        for a in 0..<nA {
            let q = Int(net.arcReq[a])
            reqArc[Int(fill[q])] = Int32(a)
            fill[q] += 1
        }
        repairWork &+= 2 * nA
        var d = [Int64](repeating: 0, count: n)
        var stamp = [UInt32](repeating: 0, count: n)
        var settled = [UInt32](repeating: 0, count: n)
        var succ = [Int32](repeating: -1, count: n)
        var succArc = [Int32](repeating: -1, count: n)
        var heap = NodeHeap()
        var visited: [Int32] = []
        var path: [Int32] = []
        var round: UInt32 = 0
        for target in 0..<nG {
            while deficit[target] > 0 {
                if round % 64 == 63, let deadline, Date() >= deadline {
                    return .timedOut(net, work: work &+ repairWork)
                }
                round &+= 1
                trace.searches += 1
                // Dijkstra backwards from the group in deficit, over the arcs into each node, until the sink.
                heap.removeAll()
                visited.removeAll(keepingCapacity: true)
                d[target] = 0
                stamp[target] = round
                heap.push(0, Int32(target))
                var dSink: Int64 = -1
                while let (dv, v32) = heap.pop() {
                    let v = Int(v32)
                    if settled[v] == round || dv != d[v] { continue }
                    settled[v] = round
                    visited.append(v32)
                    if v == sink {
                        dSink = dv
                        break
                    }
                    let pv = pot[v]
                    /// The residual arc u → v of cost c (network arc `arc` for a row → request arc).
                    @inline(__always) func relax(_ u: Int, _ c: Int64, _ arc: Int32) {
                        repairWork &+= 1
                        if settled[u] == round { return }
                        let nd = dv + c + pot[u] - pv
                        if stamp[u] != round || nd < d[u] {
                            stamp[u] = round
                            d[u] = nd
                            succ[u] = v32
                            succArc[u] = arc
                            heap.push(nd, Int32(u))
                        }
                    }
                    if v < nG {
                        // Its used rows give their unit back; the sink sends it the supply it does not use.
                        for r in Int(net.groupRowStart[v])..<Int(net.groupRowStart[v + 1]) where rows[r] >= 0 {
                            relax(nG + r, 0, -1)
                        }
                        if bypass[v] > 0 { relax(sink, 0, -1) }
                    } else if v < qBase {
                        let r = v - nG
                        let current = Int(rows[r])
                        if current >= 0 {
                            relax(qBase + Int(net.arcReq[current]), net.arcValue[current], -1)
                        } else {
                            relax(Int(rowGroup[r]), 0, -1)
                        }
                    } else {
                        // A request: the rows that could take a seat in it; the sink, for a unit it holds.
                        let q = v - qBase
                        for k in Int(reqArcStart[q])..<Int(reqArcStart[q + 1]) {
                            let a = Int(reqArc[k])
                            let r = Int(arcRow[a])
                            let value = net.arcValue[a]
                            if Int(rows[r]) == a || value == FlowNetwork.disabled { continue }
                            relax(nG + r, -value, Int32(a))
                        }
                        if count[q] > 0 { relax(sink, 0, -1) }
                    }
                }
                precondition(dSink >= 0, "the sink always reaches a group in deficit (through its rows' seats)")
                // Potentials: a settled node's lowered by its distance to the target, every other's by the sink's (a
                // shift common to all, left out): reduced costs stay ≥ 0 and the path's are 0.
                for v in visited {
                    let i = Int(v)
                    pot[i] += dSink - d[i]
                }
                // The path from the sink to the target, applied from its end (a request loses its leaving row before
                // it gains the arriving one, so its holder slots never overflow).
                path.removeAll(keepingCapacity: true)
                var y = sink
                while y != target {
                    path.append(Int32(y))
                    y = Int(succ[y])
                }
                path.append(Int32(target))
                var i = path.count - 1
                while i > 0 {
                    let b = Int(path[i])
                    let a = Int(path[i - 1])
                    if a == sink {
                        if b < nG { bypass[b] -= 1 }  // b's unused supply now goes to one of its rows
                    } else if a < nG {
                        used[a] += 1  // group → unused row
                    } else if a < qBase {
                        let r = a - nG
                        if b < nG {
                            // The row gives its unit back to its group.
                            rows[r] = -1
                            used[b] -= 1
                        } else {
                            let q = b - qBase
                            rows[r] = succArc[a]
                            holders[Int(holderStart[q] + count[q])] = Int32(r)
                            count[q] += 1
                        }
                    } else {
                        // Request a gives up the seat of row b.
                        let q = a - qBase
                        let r = Int32(b - nG)
                        let hs = Int(holderStart[q])
                        let last = hs + Int(count[q]) - 1
                        var k = hs
                        while holders[k] != r { k += 1 }
                        holders[k] = holders[last]
                        holders[last] = -1
                        count[q] -= 1
                    }
                    i -= 1
                }
                deficit[target] -= 1
            }
        }
        trace.repairWork = repairWork
        work &+= repairWork
        var value: Int64 = 0
        var reqCount = [Int32](repeating: 0, count: nQ)
        for r in 0..<nRw where rows[r] >= 0 {
            value += net.arcValue[Int(rows[r])]
            reqCount[Int(net.arcReq[Int(rows[r])])] += 1
        }
        let sinkPot = pot[sink]
        return FlowSolution(
            rowArc: rows, value: value, reqCount: reqCount, work: work, prices: pot.map { $0 - sinkPot },
            priceScale: [Int64](repeating: 1, count: n))
    }

    /// The relaxation solved one connected component (a day) at a time, each on a sparse core where
    /// `SparseCoreFlow.forDay` takes it, else by cost scaling; the prices in each component's own scale.
    func solveDays(_ relaxed: FlowNetwork, cap: [Int32], order: [Int32]) -> FlowSolution? {
        let nRw = relaxed.nRows
        let nQ = relaxed.nReq
        let qBase = 2 * nRw
        let parts = CostScalingSolver(relaxed).components(cap: cap)
        var out = FlowSolution(
            rowArc: [Int32](repeating: -1, count: nRw), value: 0, reqCount: [Int32](repeating: 0, count: nQ), work: 0,
            prices: [Int64](repeating: 0, count: qBase + nQ + 1),
            priceScale: [Int64](repeating: 1, count: qBase + nQ + 1))
        var rank = [Int32](repeating: Int32.max, count: nRw)
        for (i, g) in order.enumerated() where Int(g) < nRw { rank[Int(g)] = Int32(i) }
        var localReq = [Int32](repeating: -1, count: nQ)
        for part in parts {
            var sub = FlowNetwork()
            sub.nReq = part.requests.count
            for (i, q) in part.requests.enumerated() { localReq[Int(q)] = Int32(i) }
            for r in part.groups.map(Int.init) {
                sub.rowWorker.append(relaxed.rowWorker[r])
                sub.rowDay.append(relaxed.rowDay[r])
                for a in Int(relaxed.rowArcStart[r])..<Int(relaxed.rowArcStart[r + 1]) {
                    let q = relaxed.arcReq[a]
                    guard relaxed.arcValue[a] != FlowNetwork.disabled, cap[Int(q)] > 0 else { continue }
                    sub.arcReq.append(localReq[Int(q)])
                    sub.arcValue.append(relaxed.arcValue[a])
                    sub.arcCand.append(Int32(a))
                }
                sub.rowArcStart.append(Int32(sub.arcReq.count))
                sub.groupSupply.append(1)
                sub.groupRowStart.append(Int32(sub.rowWorker.count))
            }
            let sR = part.groups.count
            let subCap = part.requests.map { cap[Int($0)] }
            let subMin = [Int32](repeating: 0, count: sub.nReq)
            let subOrder = (0..<sR).sorted { (rank[Int(part.groups[$0])], $0) < (rank[Int(part.groups[$1])], $1) }
                .map(Int32.init)
            let sol: FlowSolution?
            if ProcessInfo.processInfo.environment["ILSON_WFD_NOSPARSE"] == nil,
                let sparse = SparseCoreFlow.forDay(sub, deadline: deadline)
            {
                sol = sparse.solve(cap: subCap, minUnits: subMin, bonus: 1, order: subOrder)
            } else {
                sol = CostScalingSolver(sub, deadline: deadline).solveConnected(
                    cap: subCap, minUnits: subMin, bonus: 1, order: subOrder)
            }
            guard let sol else { return nil }
            if ProcessInfo.processInfo.environment["ILSON_FLOWDEBUG"] != nil && sub.nRows > 100 {
                FileHandle.standardError.write(
                    "day part rows \(sub.nRows) arcs \(sub.arcReq.count) reqs \(sub.nReq) sparse \(SparseCoreFlow.forDay(sub, deadline: nil) != nil) work \(sol.work)\n"
                        .data(using: .utf8)!)
            }
            out.work &+= sol.work
            if sol.timedOut { return .timedOut(relaxed, work: out.work) }
            out.value += sol.value
            let sQ = 2 * sR
            for (i, q) in part.requests.enumerated() {
                out.reqCount[Int(q)] = sol.reqCount[i]
                out.prices[qBase + Int(q)] = sol.prices[sQ + i]
                out.priceScale[qBase + Int(q)] = sol.priceScale[sQ + i]
            }
            for (i, r) in part.groups.map(Int.init).enumerated() {
                if sol.rowArc[i] >= 0 { out.rowArc[r] = sub.arcCand[Int(sol.rowArc[i])] }
                out.prices[r] = sol.prices[i]
                out.priceScale[r] = sol.priceScale[i]
                out.prices[nRw + r] = sol.prices[sR + i]
                out.priceScale[nRw + r] = sol.priceScale[sR + i]
            }
        }
        out.priceScale[qBase + nQ] = out.priceScale.max() ?? 1
        return out
    }

    /// Shortest distances (value units) from a virtual root with a 0-cost arc to every node, over the residual network
    /// of the days' flow `days` on the relaxation (own groups `0 ..< nRw`, rows, requests, sink), and the arcs
    /// scanned. Label-correcting (a node whose distance falls after its scan is scanned again), ordered by the days'
    /// scaled prices; `nil` when the days' solution has no prices.
    func exactDistances(
        _ days: FlowSolution, cap: [Int32], count: [Int32], holders: [Int32], holderStart: [Int32]
    ) -> ([Int64], Int)? {
        let nRw = net.nRows
        let nQ = net.nReq
        let qBase = 2 * nRw
        let sink = qBase + nQ
        let n = sink + 1
        guard days.prices.count == n else { return nil }
        // Keys in the largest scale (each component's prices brought to it; the keys only order the search).
        let scale = max(1, days.priceScale.max() ?? 1)
        let p = (0..<n).map { v -> Int64 in
            let s = max(1, days.priceScale.isEmpty ? scale : days.priceScale[v])
            return s == scale ? days.prices[v] : Int64((Double(days.prices[v]) * Double(scale) / Double(s)).rounded())
        }
        let rowArc = days.rowArc
        var dist = [Int64](repeating: 0, count: n)
        var heap = NodeHeap()
        for v in 0..<n { heap.push(0 &- p[v], Int32(v)) }
        var work = 0
        while let (key, x32) = heap.pop() {
            let x = Int(x32)
            let dx = dist[x]
            if key != dx &* scale &- p[x] { continue }
            @inline(__always) func relax(_ y: Int, _ c: Int64) {
                work &+= 1
                let nd = dx + c
                if nd < dist[y] {
                    dist[y] = nd
                    heap.push(nd &* scale &- p[y], Int32(y))
                }
            }
            if x < nRw {
                // A row's own group: its supply goes to the sink (the row unused) or to the row.
                if rowArc[x] >= 0 { relax(sink, 0) } else { relax(nRw + x, 0) }
            } else if x < qBase {
                let r = x - nRw
                let current = Int(rowArc[r])
                if current >= 0 { relax(r, 0) }
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) where a != current {
                    let v = net.arcValue[a]
                    if v == FlowNetwork.disabled || cap[Int(net.arcReq[a])] <= 0 { continue }
                    relax(qBase + Int(net.arcReq[a]), -v)
                }
            } else if x < sink {
                let q = x - qBase
                let hs = Int(holderStart[q])
                for k in hs..<(hs + Int(count[q])) {
                    let r = Int(holders[k])
                    relax(nRw + r, net.arcValue[Int(rowArc[r])])
                }
                if count[q] < cap[q] { relax(sink, 0) }
            } else {
                for q in 0..<nQ where count[q] > 0 { relax(qBase + q, 0) }
                for r in 0..<nRw where rowArc[r] < 0 { relax(r, 0) }
            }
        }
        return (dist, work)
    }
}
