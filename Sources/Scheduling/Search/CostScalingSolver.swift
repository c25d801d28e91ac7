import Foundation

/// Goldberg's cost-scaling push-relabel on the network of `FlowSolver`: the same optimum, far fewer steps.
///
/// The network (groups with supply, rows, requests, the sink) becomes a min-cost flow with supplies at the groups and
/// the whole demand at the sink; each group also has a direct arc to the sink (unused supply, cost 0), so a feasible
/// flow always exists. Arc costs are the negated pair values, multiplied by `n + 1`, so the final `ε = 1` refinement
/// is exact (an ε-optimal flow with ε < 1/n in the original units is optimal). Everything is integer; prices are
/// checked against overflow, and `solve` returns `nil` when they would leave the safe range (the caller then falls
/// back to successive shortest paths).
///
/// Deterministic: arcs are scanned in a fixed order and active nodes are processed first-in first-out, starting with
/// the groups in the caller's release order.
struct CostScalingSolver {
    let net: FlowNetwork
    /// Prices and costs stay within ±`limit`, so a reduced cost `c + p(v) − p(w)` cannot overflow.
    static let limit = Int64.max / 4
    /// The global update's distance buckets (at least the node count; larger distances go to a heap). Measured
    /// (docs/solver.md, day21): on the county day's core (3,473 nodes), n buckets left 29M instructions of heap
    /// operations at ε = 1, where distances run to millions of ε; 16,384 buckets take most of them (65,536 and
    /// 262,144 cost more in clearing and scanning empty buckets than they save).
    static let globalUpdateBuckets = 1 << 14
    /// The global update keeps its distances in `DistanceBuckets` only on networks of at least this many edges, a
    /// binary heap below. Either gives the same distances, so the same prices and flows; but which of the nodes tied
    /// at the last distance are settled before the update stops, and so the work charged, follows the queue's order,
    /// and the budget follows the work: on the version 1 gap's small networks the buckets moved which plans the
    /// search reached (`gapseeds` sum 836 → 855; docs/solver.md, day21). 25,000 as for heuristic fixing.
    var bucketMinEdges = CostScalingSolver.defaultBucketMinEdges
    /// See `bucketMinEdges`.
    static let defaultBucketMinEdges = 25_000
    /// Division factor of ε between refinements.
    static let alpha: Int64 = 12
    /// Scaling factors skipped on a cold start.
    static let coldSkips = 4
    /// When set, a solve still running at this time stops and returns `FlowSolution.timedOut(_:)` (the caller's
    /// `--time-limit`); checked every few thousand discharges, so the overrun is milliseconds.
    let deadline: Date?
    /// Whether arcs are fixed between refinements (see `fixThreshold(eps:nodes:)` and `heuristicFix`); off only to
    /// compare in tests.
    let arcFixing: Bool
    /// Whether a cold start without forced minimums begins from a greedy assignment's prices (see
    /// `greedyPrices(cap:scale:into:)`); off only to compare in tests.
    let greedyStart: Bool
    /// The first refinement's ε of a warm start, in scaled cost units (1: a single exact refinement).
    var warmEpsilon: Int64 = 1
    /// The solve stops after its first refinement at an ε at or below this, in scaled cost units (1: the exact
    /// solve). Above 1 the flow is only ε-optimal on its live arcs (fixed arcs unchecked) and the prices are those of
    /// that refinement: `SparseCoreFlow`'s first round, which prices the whole network at that tolerance only to pick
    /// the arcs of its second round.
    var stopEpsilon: Int64 = 1
    /// Heuristic arc fixing: after a refinement at ε, also fix every row → request arc whose reduced cost is at least
    /// this many ε in absolute value (far below the theorem's 2nε; 0 or 1: only the theorem's). The flow is then
    /// checked after the last refinement (see `solveConnected`), so the optimum's value does not depend on it.
    var heuristicFix: Int64 = CostScalingSolver.defaultHeuristicFix
    /// Measured (docs/solver.md, fix18): on the province day 256 and 64 gain alike (a third of the root flow's work).
    static let defaultHeuristicFix: Int64 = 256
    /// Heuristic fixing runs only on networks of at least this many edges (tests set 0 to run it everywhere).
    var heuristicFixMinEdges = CostScalingSolver.defaultHeuristicFixMinEdges
    /// Measured (docs/solver.md, after fix18): the work it saves is on the large networks (the county day's flows
    /// have 29,720-36,239 edges, the week and the province far more); on the small multi-day instances of the version
    /// 1 gap (at most 21,088 edges) it saves little and only moves which of the tied optima the local search starts
    /// from (the gap's sum 807 → 1005 on seed 0, 944 → 1015 over seeds 0-2), so below this size only the theorem's
    /// fixing runs.
    static let defaultHeuristicFixMinEdges = 25_000
    /// Per-row heuristic fixing: after each refinement at ε > 1, each row keeps live only its `rowKeep` unused
    /// row → request arcs of lowest reduced cost (and every other one tied with the last of them), live or fixed
    /// before; the rest of its unused arcs are fixed (0: off). Runs where `heuristicFix` runs, under the same check,
    /// and only on networks whose rows have at least 2 · `rowKeep` row → request arcs on average.
    var rowKeep = CostScalingSolver.defaultRowKeep
    /// Measured (docs/solver.md, rowfix19): on the province day (about 120 arcs a row) 16-24 take a further third off
    /// the root flow's work with a single check, 8 and 12 make the check fail (4-5 checks); on the county day's sparse
    /// core (at most 48 arcs a row) 24 costs 13-21 % more flow work, hence the average-degree condition.
    static let defaultRowKeep = 24
    /// Per-row fixing reads a row's fixed arcs only when a bound on their reduced costs cannot prove that none of them
    /// ranks (see `fixRowArcs` in `solveConnected`); `false` reads them every time. The same flow, prices and fixing
    /// either way, only the work differs; off only to compare in tests.
    var boundFixedRanking = true
    /// The check after heuristic fixing (`unfixViolators`) skips a row's fixed slots when `fixedLow` proves that no
    /// unused one breaks or nears 1-optimality, and then looks at the row's used fixed arc alone (session wp21). The
    /// same rejoins, flow and prices either way, only the work differs; off only to compare in tests.
    var boundFixedCheck = true

    init(_ net: FlowNetwork, deadline: Date? = nil, arcFixing: Bool = true, greedyStart: Bool = true) {
        self.net = net
        self.deadline = deadline
        self.arcFixing = arcFixing
        self.greedyStart = greedyStart
    }

    /// The reduced cost from which an arc is fixed after a refinement at `eps` on a network of `nodes` nodes: 2nε, or
    /// `nil` when it would overflow (no fixing then).
    ///
    /// Why fixing keeps the optimum (Goldberg and Tarjan 1990, "Finding minimum-cost circulations by successive
    /// approximation", the arc-fixing theorem; Goldberg 1997 uses it in CS2): let f be an ε-optimal flow for prices p
    /// (every residual arc has reduced cost ≥ −ε) and let arc (v,w) have reduced cost c_p(v,w) ≥ 2nε. Then its reverse
    /// has reduced cost ≤ −2nε < −ε, so it is not residual: f(v,w) = 0. Suppose a flow f' that is ε-optimal for some
    /// prices had f'(v,w) > 0. The difference f' − f is a circulation on arcs residual for f, so it contains a simple
    /// cycle Γ through (v,w) whose arcs are all residual for f, and the reverse of Γ is residual for f'. Under p, Γ
    /// costs at least 2nε − (|Γ| − 1)ε > nε (the other arcs cost ≥ −ε each), so its reverse costs < −nε; but a cycle
    /// residual for an ε-optimal flow costs ≥ −|Γ|ε ≥ −nε (prices cancel around a cycle). So every ε-optimal flow has
    /// f'(v,w) = 0, and symmetrically an arc with c_p(v,w) ≤ −2nε is saturated in every ε-optimal flow. An optimal
    /// flow is ε-optimal for every ε > 0, so every optimum agrees with f on the fixed arcs: the network with those arcs
    /// frozen at their flow still contains an optimum, and the later refinements (down to ε = 1, exact in the scaled
    /// costs) find an optimum of it, which is an optimum of the whole. Fixing again after a later refinement applies the
    /// same argument to the frozen network (same nodes, same n), so by induction the value never changes; ties between
    /// equal optima may resolve differently than without fixing.
    static func fixThreshold(eps: Int64, nodes: Int) -> Int64? {
        let (t, o) = eps.multipliedReportingOverflow(by: 2 * Int64(nodes))
        return o || t > limit / 2 ? nil : t
    }

    /// Solves; same contract as `FlowSolver.solve`. Returns `nil` when the scaled costs or the prices would leave
    /// the safe integer range.
    ///
    /// - Parameter warm: a solution of the same network under other caps or minimums (a branch-and-bound parent):
    ///   its prices and the part of its flow that still fits start a single exact refinement instead of the full
    ///   scaling (same optimum value; ties may resolve differently).
    /// - Parameter whole: the caller knows the network under `cap` is one component or none (an earlier solve under
    ///   the same caps returned `solvedWhole`, or under caps with more open requests): the component search, a walk
    ///   over every arc, is skipped and `solveConnected` solves the whole network (exact whether or not it is
    ///   connected; under the same caps the result is the one without it).
    func solve(
        cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32], warm: FlowSolution? = nil, whole: Bool = false
    ) -> FlowSolution? {
        let parts = whole ? [] : components(cap: cap)
        if parts.count <= 1 {
            var sol = solveConnected(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: warm)
            sol?.solvedWhole = true
            return sol
        }
        // The flow decomposes: solve every connected component on its own (each with its own sink copy), in order.
        let nG = net.nGroups
        let nRw = net.nRows
        let nQ = net.nReq
        let qBase = net.requestNodeBase
        var out = FlowSolution(
            rowArc: [Int32](repeating: -1, count: nRw), value: 0, reqCount: [Int32](repeating: 0, count: nQ), work: 0,
            prices: [Int64](repeating: 0, count: qBase + nQ + 1),
            priceScale: [Int64](repeating: 1, count: qBase + nQ + 1))
        var localGroup = [Int32](repeating: -1, count: nG)
        var localReq = [Int32](repeating: -1, count: nQ)
        var rank = 0
        var orderRank = [Int32](repeating: Int32.max, count: nG)
        for g in order where Int(g) < nG && orderRank[Int(g)] == Int32.max {
            orderRank[Int(g)] = Int32(rank)
            rank += 1
        }
        let useWarm = warm.map { $0.prices.count == qBase + nQ + 1 && $0.rowArc.count == nRw } ?? false
        for part in parts {
            var sub = FlowNetwork()
            sub.nReq = part.requests.count
            for (i, q) in part.requests.enumerated() { localReq[Int(q)] = Int32(i) }
            var rowMap: [Int32] = []
            for (i, g) in part.groups.enumerated() {
                localGroup[Int(g)] = Int32(i)
                for r in Int(net.groupRowStart[Int(g)])..<Int(net.groupRowStart[Int(g) + 1]) {
                    rowMap.append(Int32(r))
                    sub.rowWorker.append(net.rowWorker[r])
                    sub.rowDay.append(net.rowDay[r])
                    for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                        let q = net.arcReq[a]
                        guard net.arcValue[a] != FlowNetwork.disabled, cap[Int(q)] > 0 else { continue }
                        sub.arcReq.append(localReq[Int(q)])
                        sub.arcValue.append(net.arcValue[a])
                        sub.arcCand.append(Int32(a))  // the global arc, to map back
                    }
                    sub.rowArcStart.append(Int32(sub.arcReq.count))
                }
                sub.groupSupply.append(net.groupSupply[Int(g)])
                sub.groupRowStart.append(Int32(sub.rowWorker.count))
            }
            let subCap = part.requests.map { cap[Int($0)] }
            let subMin = part.requests.map { minUnits[Int($0)] }
            let subOrder = part.groups.sorted { orderRank[Int($0)] < orderRank[Int($1)] }.map { localGroup[Int($0)] }
            let sG = part.groups.count
            let sQBase = sG + rowMap.count
            var subWarm: FlowSolution?
            if useWarm, let warm {
                // Node order of the component: its groups, rows, requests, then its own sink.
                var nodes = part.groups.map(Int.init)
                nodes += rowMap.map { nG + Int($0) }
                nodes += part.requests.map { qBase + Int($0) }
                nodes.append(qBase + nQ)
                var rowArc = [Int32](repeating: -1, count: rowMap.count)
                for (i, r) in rowMap.enumerated() where warm.rowArc[Int(r)] >= 0 {
                    let ga = warm.rowArc[Int(r)]
                    for a in Int(sub.rowArcStart[i])..<Int(sub.rowArcStart[i + 1]) where sub.arcCand[a] == ga {
                        rowArc[i] = Int32(a)
                    }
                }
                subWarm = FlowSolution(
                    rowArc: rowArc, value: 0, reqCount: [], work: 0, prices: nodes.map { warm.prices[$0] },
                    priceScale: nodes.map { warm.priceScale.isEmpty ? 1 : warm.priceScale[$0] })
                subWarm!.prices[sQBase + part.requests.count] = 0
            }
            var subSolver = CostScalingSolver(sub, deadline: deadline, arcFixing: arcFixing, greedyStart: greedyStart)
            subSolver.heuristicFix = heuristicFix
            subSolver.heuristicFixMinEdges = heuristicFixMinEdges
            subSolver.bucketMinEdges = bucketMinEdges
            subSolver.rowKeep = rowKeep
            subSolver.boundFixedRanking = boundFixedRanking
            subSolver.boundFixedCheck = boundFixedCheck
            guard
                let sol = subSolver.solveConnected(
                    cap: subCap, minUnits: subMin, bonus: bonus, order: subOrder, warm: subWarm)
            else { return nil }
            if sol.timedOut { return .timedOut(net, work: out.work &+ sol.work) }
            out.work &+= sol.work
            out.fixedArcs += sol.fixedArcs
            out.rejoinedArcs += sol.rejoinedArcs
            out.value += sol.value
            for (i, q) in part.requests.enumerated() {
                out.reqCount[Int(q)] = sol.reqCount[i]
                out.prices[qBase + Int(q)] = sol.prices[sQBase + i]
                out.priceScale[qBase + Int(q)] = sol.priceScale[sQBase + i]
            }
            for (i, r) in rowMap.enumerated() {
                if sol.rowArc[i] >= 0 { out.rowArc[Int(r)] = sub.arcCand[Int(sol.rowArc[i])] }
                out.prices[nG + Int(r)] = sol.prices[sG + i]
                out.priceScale[nG + Int(r)] = sol.priceScale[sG + i]
            }
            for (i, g) in part.groups.enumerated() {
                out.prices[Int(g)] = sol.prices[i]
                out.priceScale[Int(g)] = sol.priceScale[i]
            }
        }
        return out
    }

    /// A connected component of the network without the sink: its groups and its requests, ascending.
    struct Component {
        var groups: [Int32] = []
        var requests: [Int32] = []
    }

    /// The connected components (groups, rows and open requests linked by arcs), ordered by their first group;
    /// requests without arcs and groups whose rows have no arc are left out (they carry no flow).
    func components(cap: [Int32]) -> [Component] {
        let nG = net.nGroups
        let nQ = net.nReq
        // Union-find over raw buffers (the network's arrays read through theirs): the same unions in the same order
        // as over arrays, without a bounds or uniqueness check per access (a week's 1.2M arcs).
        var slabs = Slabs()
        defer { slabs.release() }
        let parent = slabs.make(nG + nQ, Int32(0))
        for i in 0..<(nG + nQ) { parent[i] = Int32(i) }
        @inline(__always) func find(_ x: Int) -> Int {
            var x = x
            while Int(parent[x]) != x {
                parent[x] = parent[Int(parent[x])]
                x = Int(parent[x])
            }
            return x
        }
        let linked = slabs.make(nG, false)
        // Every root is the least node of its set (a union links the larger root below the smaller), so the group's
        // root is found once and follows its unions: the same sets and roots as a `find(g)` per arc.
        net.groupRowStart.withUnsafeBufferPointer { groupRowStart in
            net.rowArcStart.withUnsafeBufferPointer { rowArcStart in
                net.arcReq.withUnsafeBufferPointer { arcReq in
                    net.arcValue.withUnsafeBufferPointer { arcValue in
                        cap.withUnsafeBufferPointer { cap in
                            for g in 0..<nG {
                                var x = -1
                                for r in Int(groupRowStart[g])..<Int(groupRowStart[g + 1]) {
                                    for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) {
                                        let q = Int(arcReq[a])
                                        guard arcValue[a] != FlowNetwork.disabled, cap[q] > 0 else { continue }
                                        linked[g] = true
                                        if x < 0 { x = find(g) }
                                        // Most requests already hang right below the group's root: no walk then.
                                        if Int(parent[nG + q]) == x { continue }
                                        let y = find(nG + q)
                                        if x != y {
                                            parent[max(x, y)] = Int32(min(x, y))
                                            x = min(x, y)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let compOf = slabs.make(nG + nQ, Int32(-1))
        var parts: [Component] = []
        for g in 0..<nG where linked[g] {
            let root = find(g)
            if compOf[root] < 0 {
                compOf[root] = Int32(parts.count)
                parts.append(Component())
            }
            parts[Int(compOf[root])].groups.append(Int32(g))
        }
        for q in 0..<nQ {
            let c = compOf[find(nG + q)]
            if c >= 0 { parts[Int(c)].requests.append(Int32(q)) }
        }
        return parts
    }

    /// The cost-scaling core on one network (connected or not).
    func solveConnected(cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32], warm: FlowSolution? = nil)
        -> FlowSolution?
    {
        let nG = net.nGroups
        let nRw = net.nRows
        let nQ = net.nReq
        let qBase = net.requestNodeBase
        let sink = net.sinkNode
        let n = sink + 1
        let scale = Int64(n + 1)

        // Largest absolute cost, for the scale check (at least 1; `disabled`, the one value without a magnitude in
        // `Int64`, left out): the largest value and the least one, in a loop without branches.
        var maxAbs = net.arcValue.withUnsafeBufferPointer { values in
            var hi: Int64 = 1
            var lo: Int64 = -1
            for v in values {
                hi = max(hi, v)
                lo = min(lo, v == FlowNetwork.disabled ? -1 : v)
            }
            return max(hi, -lo)
        }
        var anyForced = false
        for q in 0..<nQ where minUnits[q] > 0 && cap[q] > 0 { anyForced = true }
        if anyForced && bonus > maxAbs { maxAbs = bonus }
        let (scaledMax, overflow) = maxAbs.multipliedReportingOverflow(by: scale)
        if overflow || scaledMax > CostScalingSolver.limit / 8 { return nil }

        var slabs = Slabs()
        defer { slabs.release() }
        // Degrees (every edge adds one slot to its tail and one to its head), in a slab like `fill` below (as an array
        // it checked its uniqueness on every increment once the function grew: 0.2G instructions on the county week).
        let deg = slabs.make(n + 1, Int32(0))
        var nEdges = 0
        var rowArcs = 0
        for g in 0..<nG {
            let rows = Int(net.groupRowStart[g + 1] - net.groupRowStart[g])
            deg[g] += Int32(rows + 1)
            deg[sink] += 1
            nEdges += rows + 1
        }
        net.withArcBuffers(cap: cap) { rowArcStart, arcReq, arcValue, cap in
            for r in 0..<nRw {
                var d: Int32 = 1
                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) {
                    let q = Int(arcReq[a])
                    guard arcValue[a] != FlowNetwork.disabled, cap[q] > 0 else { continue }
                    d += 1
                    deg[qBase + q] += 1
                }
                deg[nG + r] += d
                rowArcs += Int(d - 1)
            }
        }
        nEdges += rowArcs
        for q in 0..<nQ where cap[q] > 0 {
            let forced = min(max(0, minUnits[q]), cap[q])
            let k: Int32 = (forced > 0 ? 1 : 0) + (cap[q] - forced > 0 ? 1 : 0)
            deg[qBase + q] += k
            deg[sink] += k
            nEdges += Int(k)
        }
        let start = slabs.make(n + 1, Int32(0))
        for v in 0..<n { start[v + 1] = start[v] + deg[v] }
        let m = 2 * nEdges
        // Every slot of these five is written by `edge` below (the degrees count exactly the edges it adds).
        let head = slabs.makeUninitialized(m, of: Int32.self)
        let res = slabs.makeUninitialized(m, of: Int32.self)
        let cost = slabs.makeUninitialized(m, of: Int64.self)
        let partner = slabs.makeUninitialized(m, of: Int32.self)
        /// The network arc behind each row → request slot (-1 elsewhere).
        let netArc = slabs.make(m, Int32(-1))
        /// The capacity of each arc's edge (the same on both slots of a pair).
        let pairCap = slabs.makeUninitialized(m, of: Int32.self)
        // Each node's next free slot, in a slab: an array captured and mutated by `edge` may check its uniqueness on
        // every edge (measured: 0.29G instructions on the county week once the function around it grew).
        let fill = slabs.make(n, Int32(0))
        for v in 0..<n { fill[v] = start[v] }
        func edge(_ u: Int, _ v: Int, _ capacity: Int32, _ c: Int64, _ arc: Int32) {
            let f = Int(fill[u])
            fill[u] += 1
            let b = Int(fill[v])
            fill[v] += 1
            head[f] = Int32(v)
            res[f] = capacity
            cost[f] = c * scale
            partner[f] = Int32(b)
            netArc[f] = arc
            pairCap[f] = capacity
            pairCap[b] = capacity
            head[b] = Int32(u)
            res[b] = 0
            cost[b] = -c * scale
            partner[b] = Int32(f)
        }
        for g in 0..<nG {
            for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) { edge(g, nG + r, 1, 0, -1) }
            edge(g, sink, net.groupSupply[g], 0, -1)
        }
        // Request → sink arcs first at each request (a request with excess tries the sink before its holders).
        var forcedArc = [Int32](repeating: -1, count: nQ)
        var freeArc = [Int32](repeating: -1, count: nQ)
        for q in 0..<nQ where cap[q] > 0 {
            let forced = min(max(0, minUnits[q]), cap[q])
            if forced > 0 {
                forcedArc[q] = fill[qBase + q]
                edge(qBase + q, sink, forced, -bonus, -1)
            }
            if cap[q] - forced > 0 {
                freeArc[q] = fill[qBase + q]
                edge(qBase + q, sink, cap[q] - forced, 0, -1)
            }
        }

        net.withArcBuffers(cap: cap) { rowArcStart, arcReq, arcValue, cap in
            for r in 0..<nRw {
                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) {
                    let q = Int(arcReq[a])
                    let value = arcValue[a]
                    guard value != FlowNetwork.disabled, cap[q] > 0 else { continue }
                    edge(nG + r, qBase + q, 1, -value, Int32(a))
                }
            }
        }
        // Holders: at each request, the reverse arcs of row → request arcs that carry flow (its only residual arcs
        // besides the sink arcs), so a request discharges and relabels in O(holders) instead of O(its arcs).
        let kind = slabs.make(m, UInt8(0))  // 1: row → request, 2: its reverse at the request
        let hStart = slabs.make(nQ + 1, Int32(0))
        let kT = slabs.make(nQ, Int32(0))
        for q in 0..<nQ {
            kT[q] = (forcedArc[q] >= 0 ? 1 : 0) + (freeArc[q] >= 0 ? 1 : 0)
            hStart[q + 1] = hStart[q] + (start[qBase + q + 1] - start[qBase + q]) - kT[q]
        }
        for r in 0..<nRw {
            for a in Int(start[nG + r])..<Int(start[nG + r + 1]) where netArc[a] >= 0 {
                kind[a] = 1
                kind[Int(partner[a])] = 2
            }
        }
        let holders = slabs.make(Int(hStart[nQ]), Int32(0))
        let hCount = slabs.make(nQ, Int32(0))
        let hPos = slabs.make(m, Int32(0))
        let excess = slabs.make(n, Int64(0))
        var total: Int64 = 0
        for g in 0..<nG {
            excess[g] = Int64(net.groupSupply[g])
            total += Int64(net.groupSupply[g])
        }
        excess[sink] = -total
        let price = slabs.make(n, Int64(0))
        var eps = scaledMax
        // A warm start's prices in this cost scale (nil: cold, or out of the safe range).
        var warmPrices: [Int64]?
        if let warm, warm.prices.count == n, warm.rowArc.count == nRw {
            warmPrices = CostScalingSolver.rescale(warm, to: scale)
        }
        let greedy = greedyStart && !anyForced && warm == nil
        if greedy {
            // Prices of a greedy assignment, and the scaling started at ε = 32 value units whatever the largest
            // value (measured on the county day and week: the first refinement does a third of the work it does
            // from the prices below; the reference instances reach their optimum with this start).
            greedyPrices(cap: cap, scale: scale, into: price)
            eps = 32 * CostScalingSolver.alpha * scale
        } else if warmPrices == nil {
            // Cold start with SSP-style prices (every arc's reduced cost is >= 0 at the zero flow: each request at its
            // best arc, the sink below every request) and the scaling started 4 factors lower (measured: fewer steps).
            // (Skipped when the greedy or the warm prices replace them all.)
            var potSink: Int64 = 0
            for q in 0..<nQ {
                var best = Int64.min
                for a in Int(start[qBase + q])..<Int(start[qBase + q + 1])
                where res[a] == 0 && netArc[Int(partner[a])] >= 0 { best = max(best, -cost[Int(partner[a])]) }
                let pq = best == Int64.min ? 0 : -max(0, best)
                price[qBase + q] = pq
                let f = forcedArc[q] >= 0 ? pq - bonus * scale : pq
                if f < potSink { potSink = f }
            }
            price[sink] = potSink
            for _ in 0..<CostScalingSolver.coldSkips { eps = max(1, eps / CostScalingSolver.alpha) }
        }
        if let warm, let warmPrices {
            // Keep the warm flow where it still fits, and its prices; one refinement at ε = 1 finishes it.
            _ = price.update(fromContentsOf: warmPrices)
            eps = CostScalingSolver.alpha * max(1, warmEpsilon)
            @inline(__always) func push(_ a: Int) {
                res[a] -= 1
                res[Int(partner[a])] += 1
            }
            for g in 0..<nG {
                let rs = Int(net.groupRowStart[g])
                for r in rs..<Int(net.groupRowStart[g + 1]) where warm.rowArc[r] >= 0 {
                    let na = warm.rowArc[r]
                    let q = Int(net.arcReq[Int(na)])
                    guard excess[g] > 0 else { break }
                    let v = nG + r
                    var f = -1
                    for a in Int(start[v])..<Int(start[v + 1]) where netArc[a] == na {
                        f = a
                        break
                    }
                    guard f >= 0 else { continue }
                    let t: Int32
                    if forcedArc[q] >= 0 && res[Int(forcedArc[q])] > 0 {
                        t = forcedArc[q]
                    } else if freeArc[q] >= 0 && res[Int(freeArc[q])] > 0 {
                        t = freeArc[q]
                    } else {
                        continue
                    }
                    push(Int(start[g]) + (r - rs))
                    push(f)
                    push(Int(t))
                    let b = partner[f]
                    hPos[Int(b)] = hCount[q]
                    holders[Int(hStart[q] + hCount[q])] = b
                    hCount[q] += 1
                    excess[g] -= 1
                    excess[sink] += 1
                }
            }
        }
        let cur = slabs.make(n, Int32(0))
        let queue = slabs.make(n, Int32(0))
        var work = 0
        var failed = false
        var timedOut = false
        /// A global price update after this many relabels.
        let guEvery = n
        /// The live slots of node v are `start[v] ..< liveEnd[v]`; fixed arcs' slots lie past it.
        let liveEnd = slabs.make(n, Int32(0))
        for v in 0..<n { liveEnd[v] = start[v + 1] }
        var fixedArcs = 0
        var rejoinedArcs = 0
        let arcFixing = self.arcFixing
        let heuristicFix = nEdges >= heuristicFixMinEdges ? self.heuristicFix : 0
        let keep = max(0, self.rowKeep)
        let rowKeep = heuristicFix > 1 && rowArcs >= 2 * keep * nRw ? keep : 0
        /// Per-row fixing's reduced costs of one row.
        var maxRowDegree = 0
        if rowKeep > 0 {
            for r in 0..<nRw { maxRowDegree = max(maxRowDegree, Int(start[nG + r + 1] - start[nG + r])) }
        }
        let rowCosts = slabs.make(maxRowDegree, Int64(0))
        /// Per-row fixing: for each row, a lower bound of `cost − price(head)` over its fixed unused row → request arcs
        /// (`Int64.max`: none), kept exact at each full ranking and lowered as arcs are fixed; prices only fall during
        /// the scaling (a relabel or a global update lowers a price, nothing raises one), so it stays a lower bound.
        let fixedLow = slabs.make(rowKeep > 0 ? nRw : 0, Int64.max)
        /// Per-row fixing: the slot of each row's used row → request arc while that arc is fixed (-1: none), so the
        /// check (`unfixViolators`) can look at it alone when `fixedLow` clears the row's unused fixed arcs.
        let usedFixed = slabs.make(rowKeep > 0 ? nRw : 0, Int32(-1))
        let boundCheck = boundFixedCheck
        let boundFixed = boundFixedRanking
        var listed = [Bool](repeating: false, count: nG)
        for g in order where Int(g) < nG { listed[Int(g)] = true }

        let dist = slabs.make(n, Int64(0))
        let seen = slabs.make(n, UInt32(0))
        let done = slabs.make(n, UInt32(0))
        func runScaling() {
            // The queue is a ring of n slots; a node is in it at most once (it enters when its excess turns positive).
            var qHead = 0
            var qCount = 0
            /// Keeps the holder lists right after one unit moved along arc `a` (from node `v`).
            @inline(__always) func moved(_ a: Int, from v: Int) {
                let k = kind[a]
                if k == 1 {
                    let q = Int(head[a]) - qBase
                    let b = partner[a]
                    hPos[Int(b)] = hCount[q]
                    holders[Int(hStart[q] + hCount[q])] = b
                    hCount[q] += 1
                } else if k == 2 {
                    dropHolder(a, of: v - qBase)
                }
            }
            /// Takes `slot` (a request's slot that holds a unit) off request `q`'s holder list.
            @inline(__always) func dropHolder(_ slot: Int, of q: Int) {
                let lastSlot = Int(hStart[q] + hCount[q] - 1)
                let last = holders[lastSlot]
                let pos = hPos[slot]
                holders[Int(hStart[q] + pos)] = last
                hPos[Int(last)] = pos
                hCount[q] -= 1
            }
            @inline(__always) func enqueue(_ v: Int32) {
                var t = qHead + qCount
                if t >= n { t -= n }
                queue[t] = v
                qCount += 1
            }
            var round: UInt32 = 0
            let useBuckets = nEdges >= bucketMinEdges
            var heap = NodeHeap()
            var distanceQueue = DistanceBuckets(
                bucketCount: useBuckets ? max(n, CostScalingSolver.globalUpdateBuckets) : 1)
            var sinceUpdate = 0
            /// Global price update: ε-distances to the deficits in the residual graph (Dijkstra backwards, arc length
            /// ⌊(reduced cost + ε) / ε⌋ ≥ 0), then every price drops by its distance × ε (unreached nodes by the largest
            /// distance settled). Keeps ε-optimality and makes a shortest admissible path from every active node. The
            /// queue is `DistanceBuckets` (one bucket per distance below `globalUpdateBuckets`, a heap beyond) from
            /// `bucketMinEdges` edges on, a `NodeHeap` below: the distances, so the prices, are those of any Dijkstra;
            /// only which nodes tied at the last distance are settled before the stop (and the work charged) differ.
            func globalUpdate(_ eps: Int64) -> Bool {
                sinceUpdate = 0
                round &+= 1
                if round == 0 {
                    for i in 0..<n {
                        seen[i] = 0
                        done[i] = 0
                    }
                    round = 1
                }
                if useBuckets { distanceQueue.removeAll() } else { heap.removeAll() }
                var activeLeft = 0
                for v in 0..<n {
                    if excess[v] < 0 {
                        dist[v] = 0
                        seen[v] = round
                        if useBuckets { distanceQueue.push(0, Int32(v)) } else { heap.push(0, Int32(v)) }
                    } else if excess[v] > 0 {
                        activeLeft += 1
                    }
                }
                var reach: Int64 = 0
                while activeLeft > 0, let (d, w32) = useBuckets ? distanceQueue.pop() : heap.pop() {
                    let w = Int(w32)
                    if done[w] == round || d != dist[w] { continue }
                    done[w] = round
                    reach = d
                    if excess[w] > 0 { activeLeft -= 1 }
                    let pw = price[w]
                    let s = Int(start[w])
                    let e = Int(liveEnd[w])
                    work &+= e - s
                    for b in s..<e {
                        // The arc v → w is b's partner: residual when b is below the pair's capacity (no random read).
                        guard res[b] < pairCap[b] else { continue }
                        let v = Int(head[b])
                        if done[v] == round { continue }
                        // The length is ⌊x / ε⌋ for x ≥ ε, else 0. A node already reached improves only when
                        // d + length < dist(v), i.e. x < (dist(v) − d)·ε: tested by a multiplication first, so the
                        // division (tens of cycles) runs only for the arcs that update a distance.
                        let x = price[v] - cost[b] - pw + eps
                        if seen[v] == round {
                            let k = dist[v] - d
                            if k <= 0 { continue }
                            if x >= eps {
                                let (bound, o) = k.multipliedReportingOverflow(by: eps)
                                if !o && x >= bound { continue }
                            }
                        }
                        let len = x >= eps ? x / eps : 0
                        let nd = min(d + min(len, CostScalingSolver.limit), CostScalingSolver.limit)
                        if seen[v] != round || nd < dist[v] {
                            seen[v] = round
                            dist[v] = nd
                            if useBuckets { distanceQueue.push(nd, Int32(v)) } else { heap.push(nd, Int32(v)) }
                        }
                    }
                }
                for v in 0..<n {
                    let dv = done[v] == round ? dist[v] : reach
                    if dv == 0 { continue }
                    let (drop, o) = dv.multipliedReportingOverflow(by: eps)
                    if o || price[v] - drop < -CostScalingSolver.limit { return false }
                    price[v] -= drop
                    cur[v] = start[v]
                }
                work &+= n
                return true
            }
            /// Swaps two slots of one node (every slot array and the partners' back links).
            @inline(__always) func swapSlots(_ x: Int, _ y: Int) {
                if x == y { return }
                head.exchange(x, y)
                res.exchange(x, y)
                cost.exchange(x, y)
                partner.exchange(x, y)
                netArc.exchange(x, y)
                pairCap.exchange(x, y)
                kind.exchange(x, y)
                hPos.exchange(x, y)
                partner[Int(partner[x])] = Int32(x)
                partner[Int(partner[y])] = Int32(y)
            }
            /// Arc fixing after a refinement at `eps` (see `fixThreshold`): every row → request edge whose
            /// reduced cost is at least 2nε in absolute value, or `heuristicFix` · ε when that is lower (checked by
            /// `unfixViolators` at the end), keeps its flow from now on, so both of its slots move past their nodes'
            /// live ends and no later scan looks at them.
            func fixArcs(_ eps: Int64) {
                var theorem = CostScalingSolver.fixThreshold(eps: eps, nodes: n)
                let k = heuristicFix
                if k > 1 {
                    let (h, o) = eps.multipliedReportingOverflow(by: k)
                    if !o && h <= CostScalingSolver.limit / 2 { theorem = min(theorem ?? h, h) }
                }
                guard let t = theorem else { return }
                for r in 0..<nRw {
                    let v = nG + r
                    if rowKeep > 0 {
                        fixRowArcs(v, threshold: t)
                        continue
                    }
                    let pv = price[v]
                    var a = Int(start[v])
                    while a < Int(liveEnd[v]) {
                        guard kind[a] == 1 else {
                            a += 1
                            continue
                        }
                        let w = Int(head[a])
                        let rc = cost[a] + pv - price[w]
                        let b = Int(partner[a])
                        // ε-optimality makes the flow agree with the sign (checked, not assumed).
                        guard (rc >= t && res[b] == 0) || (rc <= -t && res[a] == 0) else {
                            a += 1
                            continue
                        }
                        fix(a, of: v)
                        // Slot a now holds the row's former last live slot: look at it next.
                    }
                    work &+= Int(start[v + 1] - start[v])
                }
            }
            /// Fixes the live row → request slot `a` of row node `v` where its flow stands: it and its request's slot
            /// move past their nodes' live ends (a used one leaves its request's holders; its unit stays).
            @inline(__always) func fix(_ a: Int, of v: Int) {
                let w = Int(head[a])
                let b = Int(partner[a])
                if res[b] > 0 {
                    // A holder of its request: it leaves the list (its unit stays).
                    dropHolder(b, of: w - qBase)
                }
                let lw = Int(liveEnd[w]) - 1
                swapSlots(b, lw)
                liveEnd[w] = Int32(lw)
                // The live slot moved into b's place may be a holder: its entry follows it.
                if b < lw && kind[b] == 2 && res[b] > 0 { holders[Int(hStart[w - qBase] + hPos[b])] = Int32(b) }
                let lv = Int(liveEnd[v]) - 1
                swapSlots(a, lv)
                liveEnd[v] = Int32(lv)
                fixedArcs += 1
                if rowKeep > 0 && res[lv] == 0 { usedFixed[v - nG] = Int32(lv) }
            }
            /// Moves the fixed row → request slot `a` of row node `v` (at or past its live end) back to the live slots,
            /// with its request's slot (and onto the request's holders when it carries a unit).
            @inline(__always) func rejoin(_ a: Int, of v: Int) {
                let w = Int(head[a])
                // Row side: slot a swaps with the first fixed slot.
                let lv = Int(liveEnd[v])
                swapSlots(a, lv)
                liveEnd[v] = Int32(lv + 1)
                if rowKeep > 0 {
                    // The used fixed slot follows the swap: rejoined (it was a), or moved from the first fixed slot to a.
                    let u = Int(usedFixed[v - nG])
                    if u == a {
                        usedFixed[v - nG] = -1
                    } else if u == lv {
                        usedFixed[v - nG] = Int32(a)
                    }
                }
                // Request side: its slot swaps with the request's first fixed slot (not a holder).
                let rb = Int(partner[lv])
                let lw = Int(liveEnd[w])
                swapSlots(rb, lw)
                liveEnd[w] = Int32(lw + 1)
                if res[lw] > 0 {
                    let q = w - qBase
                    hPos[lw] = hCount[q]
                    holders[Int(hStart[q] + hCount[q])] = Int32(lw)
                    hCount[q] += 1
                }
                fixedArcs -= 1
            }
            /// `fixArcs` at row node `v` with per-row fixing (see `rowKeep`), `t` the threshold of `fixArcs`: the row's
            /// unused arcs of reduced cost below `t`, live or fixed, are ranked; those at or below the `rowKeep`-th
            /// lowest reduced cost stay live or rejoin, the other unused ones are fixed, and so is every live arc
            /// beyond `t` (either sign) as in `fixArcs`. Fixed arcs rejoin here, between refinements, so the next
            /// refinement saturates any of them that became admissible; the check after the last one still covers
            /// every fixed arc.
            ///
            /// The live slots are ranked first; the fixed ones are read only when `fixedLow` (a lower bound of their
            /// `cost − price(head)`, see there) cannot prove that none of them ranks: when every fixed unused arc's
            /// reduced cost is at least `t` or above the live arcs' `rowKeep`-th lowest, the ranking over all of them
            /// has the same cutoff, no fixed arc rejoins, and the live slots are fixed as by the full ranking.
            func fixRowArcs(_ v: Int, threshold t: Int64) {
                let pv = price[v]
                let s = Int(start[v])
                let end = Int(start[v + 1])
                let live = Int(liveEnd[v])
                let r = v - nG
                var count = 0
                for a in s..<live where kind[a] == 1 && res[a] > 0 {
                    let rc = cost[a] + pv - price[Int(head[a])]
                    if rc >= t { continue }
                    rowCosts[count] = rc
                    count += 1
                }
                work &+= live - s
                var cutoff = Int64.max
                if count > rowKeep {
                    cutoff = CostScalingSolver.select(rowCosts, count: count, rank: rowKeep - 1)
                    work &+= count
                }
                // The least reduced cost a fixed unused arc can have now (prices only fall, so `cost − price(head)`
                // only grows while an arc stays fixed).
                let bound = fixedLow[r] == Int64.max ? Int64.max : fixedLow[r] + pv
                /// The least `cost − price(head)` over the row's fixed unused arcs once this call is done.
                var low = Int64.max
                if live < end && !(boundFixed && (bound >= t || (cutoff != Int64.max && bound > cutoff))) {
                    let liveCount = count
                    var lowestFixed = Int64.max
                    for a in live..<end where kind[a] == 1 && res[a] > 0 {
                        let rc = cost[a] + pv - price[Int(head[a])]
                        low = min(low, rc - pv)
                        if rc >= t { continue }
                        rowCosts[count] = rc
                        count += 1
                        if rc < lowestFixed { lowestFixed = rc }
                    }
                    work &+= end - live
                    if count > liveCount && count > rowKeep {
                        cutoff = CostScalingSolver.select(rowCosts, count: count, rank: rowKeep - 1)
                        work &+= count
                    }
                    if lowestFixed <= cutoff {
                        low = Int64.max
                        var a = live
                        while a < end {
                            defer { a += 1 }
                            guard kind[a] == 1 && res[a] > 0 else { continue }
                            let rc = cost[a] + pv - price[Int(head[a])]
                            // Slot a then holds a fixed slot already looked at (and kept fixed).
                            if rc < t && rc <= cutoff {
                                rejoin(a, of: v)
                            } else {
                                low = min(low, rc - pv)
                            }
                        }
                        work &+= end - live
                    }
                } else if live < end {
                    low = fixedLow[r]
                }
                // The live slots from the last: a slot fixed takes the row's last live slot, already looked at.
                var a = Int(liveEnd[v]) - 1
                work &+= a + 1 - s
                while a >= s {
                    defer { a -= 1 }
                    guard kind[a] == 1 else { continue }
                    let rc = cost[a] + pv - price[Int(head[a])]
                    let unused = res[a] > 0
                    if unused ? (rc >= t || rc > cutoff) : rc <= -t {
                        fix(a, of: v)
                        if unused { low = min(low, rc - pv) }
                    }
                }
                fixedLow[r] = low
            }
            /// The check of heuristic fixing, after the last refinement (ε = 1): every fixed row → request arc whose
            /// reduced cost at the final prices breaks 1-optimality (residual with reduced cost < −1: unused with
            /// c_p < −1, or used with c_p > 1) rejoins the live slots (and its request's holders when it carries a
            /// unit), and with it every fixed arc within `margin` of breaking it. Returns the number of violators: 0
            /// proves the flow 1-optimal on the whole network (every other arc is live, so 1-optimal after the
            /// refinement), so optimal (the scale is n + 1), whatever was fixed and why.
            func unfixViolators(margin: Int64) -> Int {
                var back = 0
                for r in 0..<nRw {
                    let v = nG + r
                    let pv = price[v]
                    var a = Int(liveEnd[v])
                    let end = Int(start[v + 1])
                    // Per-row fixing: `fixedLow` bounds `cost − price(head)` of the row's unused fixed arcs from below
                    // (prices only fell since), so when it puts their reduced costs at or above the margin none of
                    // them is a violator or near one, and only the used fixed arc (if any) is looked at: the same
                    // rejoins as the full scan (at most that one), for one unit of work.
                    if boundCheck && rowKeep > 0 && a < end
                        && (fixedLow[r] == Int64.max || fixedLow[r] + pv >= margin)
                    {
                        work &+= 1
                        let u = Int(usedFixed[r])
                        guard u >= 0 else { continue }
                        let rc = cost[u] + pv - price[Int(head[u])]
                        if rc > 1 {
                            back += 1
                        } else if rc <= -margin {
                            continue
                        }
                        rejoin(u, of: v)
                        continue
                    }
                    work &+= end - a
                    while a < end {
                        defer { a += 1 }
                        guard kind[a] == 1 else { continue }
                        let w = Int(head[a])
                        let rc = cost[a] + pv - price[w]
                        let b = Int(partner[a])
                        if (res[a] > 0 && rc < -1) || (res[b] > 0 && rc > 1) {
                            back += 1
                        } else if !((res[a] > 0 && rc < margin) || (res[b] > 0 && rc > -margin)) {
                            continue
                        }
                        // Slot a then holds the row's first fixed slot (already checked, or a itself).
                        rejoin(a, of: v)
                    }
                }
                return back
            }
            /// The check's margin: an eighth of a value unit at first, four times more each check.
            var margin = max(1, scale / 8)
            // At least one refinement (a cold start may begin near ε = 1); the last one runs at ε = 1.
            while true {
                repeat {
                    eps = max(1, eps / CostScalingSolver.alpha)
                    // Saturate every arc of negative reduced cost: the pseudo-flow becomes 0-optimal.
                    for v in 0..<n {
                        let pv = price[v]
                        for a in Int(start[v])..<Int(liveEnd[v]) where res[a] > 0 {
                            let w = Int(head[a])
                            if cost[a] + pv - price[w] < 0 {
                                let delta = res[a]
                                res[a] = 0
                                res[Int(partner[a])] += delta
                                excess[v] -= Int64(delta)
                                excess[w] += Int64(delta)
                                moved(a, from: v)
                            }
                        }
                        cur[v] = start[v]
                    }
                    work &+= m
                    if !globalUpdate(eps) {
                        failed = true
                        return
                    }
                    qHead = 0
                    qCount = 0
                    for g in order where excess[Int(g)] > 0 { enqueue(g) }
                    for v in nG..<n where excess[v] > 0 { enqueue(Int32(v)) }
                    // Groups outside `order` (none in practice) still get processed.
                    for g in 0..<nG where excess[g] > 0 && !listed[g] { enqueue(Int32(g)) }
                    // Discharge active nodes first-in first-out.
                    var discharges = 0
                    while qCount > 0 {
                        discharges &+= 1
                        if discharges & 4095 == 1, let deadline, Date() >= deadline {
                            timedOut = true
                            failed = true
                            return
                        }
                        if sinceUpdate > guEvery {
                            if !globalUpdate(eps) {
                                failed = true
                                return
                            }
                        }
                        let v = Int(queue[qHead])
                        qHead += 1
                        if qHead == n { qHead = 0 }
                        qCount -= 1
                        if v >= qBase && v < sink {
                            // A request: its sink arcs, then its holders.
                            let q = v - qBase
                            let s = Int(start[v])
                            let sEnd = s + Int(kT[q])
                            let hs = Int(hStart[q])
                            while excess[v] > 0 {
                                let pv = price[v]
                                // The relabel's maximum, gathered while scanning (as for the other nodes below): every residual
                                // arc left after the scan was looked at and found inadmissible.
                                var best = Int64.min
                                for a in s..<sEnd where res[a] > 0 && excess[v] > 0 {
                                    let x = price[sink] - cost[a]
                                    if pv - x >= 0 {
                                        if x > best { best = x }
                                        continue
                                    }
                                    let delta = min(excess[v], Int64(res[a]))
                                    res[a] -= Int32(delta)
                                    res[Int(partner[a])] += Int32(delta)
                                    excess[v] -= delta
                                    excess[sink] += delta
                                    if excess[sink] > 0 && excess[sink] - delta <= 0 { enqueue(Int32(sink)) }
                                }
                                var i = 0
                                while i < Int(hCount[q]) && excess[v] > 0 {
                                    let b = Int(holders[hs + i])
                                    let w = Int(head[b])
                                    let x = price[w] - cost[b]
                                    if pv - x < 0 {
                                        res[b] -= 1
                                        res[Int(partner[b])] += 1
                                        excess[v] -= 1
                                        let before = excess[w]
                                        excess[w] = before + 1
                                        if before == 0 { enqueue(Int32(w)) }
                                        moved(b, from: v)
                                    } else {
                                        if x > best { best = x }
                                        i += 1
                                    }
                                }
                                work &+= Int(kT[q]) + i + 1
                                if excess[v] == 0 { break }
                                work &+= Int(kT[q]) + Int(hCount[q])
                                let np = best - eps
                                if best == Int64.min || np < -CostScalingSolver.limit {
                                    failed = true
                                    return
                                }
                                price[v] = np
                                sinceUpdate += 1
                            }
                            continue
                        }
                        let end = Int(liveEnd[v])
                        while excess[v] > 0 {
                            let from = Int(cur[v])
                            var a = from
                            let pv = price[v]
                            // The relabel's maximum of `price(w) − cost` over residual arcs, gathered during the scan: an arc
                            // scanned here and not pushed on is inadmissible and still residual; an arc pushed on is either
                            // saturated (no longer residual) or the scan stops with no excess left (no relabel).
                            var best = Int64.min
                            var bestAt = from
                            while a < end {
                                if res[a] > 0 {
                                    let w = Int(head[a])
                                    let x = price[w] - cost[a]
                                    if pv - x >= 0 {
                                        if x > best {
                                            best = x
                                            bestAt = a
                                        }
                                    } else {
                                        let delta = min(excess[v], Int64(res[a]))
                                        res[a] -= Int32(delta)
                                        res[Int(partner[a])] += Int32(delta)
                                        excess[v] -= delta
                                        let before = excess[w]
                                        excess[w] = before + delta
                                        if before <= 0 && before + delta > 0 { enqueue(Int32(w)) }
                                        moved(a, from: v)
                                        if excess[v] == 0 { break }
                                    }
                                }
                                a += 1
                            }
                            work &+= a - Int(cur[v]) + 1
                            if excess[v] == 0 {
                                cur[v] = Int32(a)
                                break
                            }
                            // Relabel: the largest price that makes some residual arc admissible, minus ε. The scan above
                            // covered `from ..< end`; only the arcs before the current arc are left to look at.
                            // Ties go to the lowest slot: the first maximum below `from` replaces the scan's when
                            // it is at least as high.
                            let s = Int(start[v])
                            var lowBest = Int64.min
                            var lowAt = -1
                            for b in s..<from where res[b] > 0 {
                                let x = price[Int(head[b])] - cost[b]
                                if x > lowBest {
                                    lowBest = x
                                    lowAt = b
                                }
                            }
                            if lowAt >= 0 && lowBest >= best {
                                best = lowBest
                                bestAt = lowAt
                            }
                            work &+= end - s
                            let np = best - eps
                            if best == Int64.min || np < -CostScalingSolver.limit {
                                failed = true
                                return
                            }
                            price[v] = np
                            // Resume at the arc that set the new price: it is admissible now, so the next scan pushes at once.
                            cur[v] = Int32(bestAt)
                            sinceUpdate += 1
                        }
                    }
                    if eps > 1 && arcFixing { fixArcs(eps) }
                } while eps > max(1, stopEpsilon) && !failed
                // Heuristic fixing's check; with violators, one more refinement at ε = 1 on the live arcs and those back.
                if failed || !arcFixing || heuristicFix <= 1 || stopEpsilon > 1 { break }
                let back = unfixViolators(margin: margin)
                rejoinedArcs += back
                margin = min(margin &* 4, CostScalingSolver.limit / 4)
                if back == 0 { break }
            }
        }
        runScaling()
        if timedOut { return .timedOut(net, work: work) }
        if failed { return nil }

        var rowArc = [Int32](repeating: -1, count: nRw)
        var reqCount = [Int32](repeating: 0, count: nQ)
        var value: Int64 = 0
        for r in 0..<nRw {
            let v = nG + r
            for a in Int(start[v])..<Int(start[v + 1]) where netArc[a] >= 0 && res[a] == 0 {
                let na = Int(netArc[a])
                rowArc[r] = Int32(na)
                reqCount[Int(net.arcReq[na])] += 1
                value += net.arcValue[na]
            }
        }
        // Prices relative to the sink (a constant shift changes nothing), with the scale they are in.
        let sinkPrice = price[sink]
        for v in 0..<n { price[v] -= sinkPrice }
        return FlowSolution(
            rowArc: rowArc, value: value, reqCount: reqCount, work: work, prices: Array(price),
            priceScale: [Int64](repeating: scale, count: n), fixedArcs: fixedArcs, rejoinedArcs: rejoinedArcs)
    }

    /// The value of rank `rank` (0: the lowest) among the first `count` entries of `xs`, which it reorders
    /// (quickselect with the middle entry as pivot; deterministic).
    static func select(_ xs: UnsafeMutableBufferPointer<Int64>, count: Int, rank: Int) -> Int64 {
        var lo = 0
        var hi = count - 1
        while lo < hi {
            let pivot = xs[lo + (hi - lo) / 2]
            var i = lo
            var j = hi
            while i <= j {
                while xs[i] < pivot { i += 1 }
                while xs[j] > pivot { j -= 1 }
                if i <= j {
                    xs.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                hi = j
            } else if rank >= i {
                lo = i
            } else {
                return xs[rank]
            }
        }
        return xs[rank]
    }

    /// Start prices from a greedy assignment, written into `price` (groups, rows, requests, sink; in the cost scale
    /// `scale`).
    ///
    /// Arcs are taken by value, best first (ties by arc index), while their row, group and request have room. A request
    /// the greedy filled is priced at the value of its weakest unit (λ, its dual in the assignment LP), any other at 0;
    /// a row at its best profit `max(0, value − λ)` over its arcs (so every row → request arc has reduced cost ≥ 0 at
    /// the zero flow), a group at the profit of its first row beyond its supply (0 when all fit), the sink at 0. Any
    /// prices are correct for cost scaling (each refinement first saturates every arc of negative reduced cost, here
    /// the filled requests' sink arcs and some group → row arcs); close prices only make the refinements shorter.
    func greedyPrices(cap: [Int32], scale: Int64, into price: UnsafeMutableBufferPointer<Int64>) {
        // The network's arrays read through raw buffers and the work arrays in `Slabs` (no bounds or uniqueness checks
        // in the loops over every arc).
        net.arcValue.withUnsafeBufferPointer { val in
            net.arcReq.withUnsafeBufferPointer { arcReq in
                net.groupRowStart.withUnsafeBufferPointer { groupRowStart in
                    net.rowArcStart.withUnsafeBufferPointer { rowArcStart in
                        cap.withUnsafeBufferPointer { cap in
                            greedyPrices(
                                val: val, arcReq: arcReq, groupRowStart: groupRowStart, rowArcStart: rowArcStart,
                                cap: cap, scale: scale, into: price)
                        }
                    }
                }
            }
        }
    }

    /// `greedyPrices(cap:scale:into:)` on the network's arrays as buffers.
    private func greedyPrices(
        val: UnsafeBufferPointer<Int64>, arcReq: UnsafeBufferPointer<Int32>, groupRowStart: UnsafeBufferPointer<Int32>,
        rowArcStart: UnsafeBufferPointer<Int32>, cap: UnsafeBufferPointer<Int32>, scale: Int64,
        into price: UnsafeMutableBufferPointer<Int64>
    ) {
        let nG = net.nGroups
        let nRw = net.nRows
        let nQ = net.nReq
        let qBase = net.requestNodeBase
        let nA = val.count
        var slabs = Slabs()
        defer { slabs.release() }
        let rowOf = slabs.make(nA, Int32(0))
        let groupOf = slabs.make(nRw, Int32(0))
        for g in 0..<nG {
            for r in Int(groupRowStart[g])..<Int(groupRowStart[g + 1]) {
                groupOf[r] = Int32(g)
                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) { rowOf[a] = Int32(r) }
            }
        }
        // Arcs by value, best first (ties by the lower index), as `sortByValueDescending` orders them: their packed
        // keys (`ValueKeys`) written in the arcs' order, so ascending, without an index array in between.
        // The arcs the greedy may take: enabled, worth something, to an open request.
        @inline(__always) func takes(_ a: Int) -> Bool {
            val[a] != FlowNetwork.disabled && val[a] > 0 && cap[Int(arcReq[a])] > 0
        }
        var least = Int64.max
        var most = Int64.min
        var count = 0
        for a in 0..<nA where takes(a) {
            least = min(least, val[a])
            most = max(most, val[a])
            count += 1
        }
        let groupLeft = slabs.make(nG, Int32(0))
        for g in 0..<nG { groupLeft[g] = net.groupSupply[g] }
        let rowUsed = slabs.make(nRw, false)
        let reqLeft = slabs.make(nQ, Int32(0))
        for q in 0..<nQ { reqLeft[q] = cap[q] }
        let weakest = slabs.make(nQ, Int64(0))
        // The greedy step: arc a is taken while its row, group and request have room.
        @inline(__always) func offer(_ a: Int) {
            let r = Int(rowOf[a])
            let g = Int(groupOf[r])
            let q = Int(arcReq[a])
            guard !rowUsed[r], groupLeft[g] > 0, reqLeft[q] > 0 else { return }
            rowUsed[r] = true
            groupLeft[g] -= 1
            reqLeft[q] -= 1
            weakest[q] = val[a]
        }
        if count > 0, let packing = ValueKeys(least: least, most: most, below: nA) {
            var keys = [UInt64](unsafeUninitializedCapacity: count) { keys, written in
                for a in 0..<nA where takes(a) {
                    keys[written] = packing.key(val[a], a)
                    written += 1
                }
            }
            packing.sort(&keys, ascendingIndices: true)
            keys.withUnsafeBufferPointer { keys in
                for k in keys { offer(packing.index(k)) }
            }
        } else {
            var arcs: [Int32] = []
            for a in 0..<nA where takes(a) {
                arcs.append(Int32(a))
            }
            CostScalingSolver.sortByValueDescending(&arcs, below: nA) { val[$0] }
            for a in arcs { offer(Int(a)) }
        }
        for v in 0..<price.count { price[v] = 0 }
        for q in 0..<nQ where cap[q] > 0 && reqLeft[q] == 0 { price[qBase + q] = -weakest[q] * scale }
        var profits: [Int64] = []
        for g in 0..<nG {
            profits.removeAll(keepingCapacity: true)
            for r in Int(groupRowStart[g])..<Int(groupRowStart[g + 1]) {
                var u: Int64 = 0
                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1])
                where val[a] != FlowNetwork.disabled && cap[Int(arcReq[a])] > 0 {
                    u = max(u, val[a] * scale + price[qBase + Int(arcReq[a])])
                }
                price[nG + r] = u
                profits.append(u)
            }
            profits.sort(by: >)
            let s = Int(net.groupSupply[g])
            price[g] = s < profits.count ? profits[s] : 0
        }
    }

    /// Sorts `items` (distinct indices below `limit`) by value, largest first, ties by the lower index: packed
    /// (value − least value, index) keys through `radixSortDescending` when they fit in 64 bits, else a comparison
    /// sort. The greedy start prices' order (`greedyPrices`, `GeneralEngine.greedyStart`) and the large path's
    /// candidate order (`planLarge`, whose values may be negative).
    ///
    /// When `items` is ascending (both callers' case), the radix sort skips the index digits: its passes are stable, so
    /// items of equal value keep their ascending order, the order the index bits would give them.
    @inline(__always)
    static func sortByValueDescending(_ items: inout [Int32], below limit: Int, value: (Int) -> Int64) {
        var maxValue = Int64.min
        var minValue = Int64.max
        var ascending = true
        var previous: Int32 = -1
        for i in items {
            let v = value(Int(i))
            maxValue = max(maxValue, v)
            minValue = min(minValue, v)
            ascending = ascending && i > previous
            previous = i
        }
        if !items.isEmpty, let packing = ValueKeys(least: minValue, most: maxValue, below: limit) {
            var keys = items.map { packing.key(value(Int($0)), Int($0)) }
            packing.sort(&keys, ascendingIndices: ascending)
            for i in 0..<keys.count { items[i] = Int32(packing.index(keys[i])) }
        } else {
            items.sort { value(Int($0)) > value(Int($1)) || (value(Int($0)) == value(Int($1)) && $0 < $1) }
        }
    }

    /// Sorts keys below 2^`bits` by their bits `from ..< bits`, largest first, keeping the order of keys equal there
    /// (stable): a least-significant-digit radix sort, in the fewest passes of at most `maxDigitBits` bits, all of
    /// one width (23 bits: two passes of 12, not 11 + 11 + 1). With `from` = 0 and distinct keys, the same order as
    /// `sort(by: >)`, in a few linear passes instead of a comparison sort's n log n.
    static func radixSortDescending(_ keys: inout [UInt64], bits: Int, from low: Int = 0) {
        let n = keys.count
        guard n > 1 else { return }
        let width = max(1, min(64, bits) - low)
        let passes = (width + maxDigitBits - 1) / maxDigitBits
        let digit = (width + passes - 1) / passes
        let buckets = 1 << digit
        var other = [UInt64](unsafeUninitializedCapacity: n) { _, written in written = n }
        var count = [Int](repeating: 0, count: buckets + 1)
        var shift = low
        keys.withUnsafeMutableBufferPointer { a in
            other.withUnsafeMutableBufferPointer { b in
                count.withUnsafeMutableBufferPointer { c in
                    var src = a
                    var dst = b
                    for _ in 0..<passes {
                        for i in 0...buckets { c[i] = 0 }
                        let mask = UInt64(buckets - 1)
                        // Descending: digit d goes to bucket (buckets − 1 − d).
                        for k in src { c[buckets - Int((k >> UInt64(shift)) & mask)] += 1 }
                        for i in 0..<buckets { c[i + 1] += c[i] }
                        for k in src {
                            let d = buckets - 1 - Int((k >> UInt64(shift)) & mask)
                            dst[c[d]] = k
                            c[d] += 1
                        }
                        swap(&src, &dst)
                        shift += digit
                    }
                    if src.baseAddress != a.baseAddress { _ = a.update(fromContentsOf: src) }
                }
            }
        }
    }

    /// The widest digit of `radixSortDescending`: 4,096 buckets, whose counts fit in a core's first-level cache.
    static let maxDigitBits = 12

    /// Warm prices in the cost scale `scale` (each node's price was found in its own component's scale), or `nil` when
    /// they would leave the safe range.
    static func rescale(_ warm: FlowSolution, to scale: Int64) -> [Int64]? {
        var out = warm.prices
        let bound = limit / 4
        for v in 0..<out.count {
            let s = warm.priceScale.isEmpty ? scale : warm.priceScale[v]
            if s != scale {
                let (x, o) = (out[v] / max(1, s)).multipliedReportingOverflow(by: scale)
                if o { return nil }
                out[v] = x
            }
            if out[v] < -bound || out[v] > bound { return nil }
        }
        return out
    }
}

/// Buffers of one solve, allocated once and released together: the solver's inner loops index raw memory (no
/// bounds checks, no copy-on-write checks) without nesting one closure per array.
struct Slabs {
    private var owned: [UnsafeMutableRawPointer] = []

    /// A buffer of `count` elements, every one `value`; valid until `release()`.
    mutating func make<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, count))
        b.initialize(repeating: value)
        owned.append(UnsafeMutableRawPointer(b.baseAddress!))
        return UnsafeMutableBufferPointer(rebasing: b[0..<count])
    }

    /// A buffer of `count` elements of the trivial type `T`, left uninitialized (the caller writes every element
    /// before reading it); valid until `release()`.
    mutating func makeUninitialized<T: BitwiseCopyable>(_ count: Int, of type: T.Type) -> UnsafeMutableBufferPointer<T>
    {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, count))
        owned.append(UnsafeMutableRawPointer(b.baseAddress!))
        return UnsafeMutableBufferPointer(rebasing: b[0..<count])
    }

    /// Frees every buffer (their elements are trivial types, so nothing to deinitialize).
    mutating func release() {
        for p in owned { p.deallocate() }
        owned.removeAll()
    }
}

extension UnsafeMutableBufferPointer {
    /// Swaps two elements (`x` ≠ `y` or equal), always inlined: the flow's slot swaps called `swapAt` out of line, eight
    /// calls a swap (the county day's arc fixing: 475,000 calls, 8M instructions).
    @inline(__always) func exchange(_ x: Int, _ y: Int) {
        let t = self[x]
        self[x] = self[y]
        self[y] = t
    }
}
