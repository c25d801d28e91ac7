import Foundation

/// Cost scaling on a sparse core of the network, then pricing of the rest (column generation), for the first flow of
/// a day with many arcs per row (`forDay`).
///
/// The core keeps, of every row, its `rowArcs` best arcs (by value, or with `byProfit` by value less the request's
/// price in a greedy assignment of the whole network) and, of every open request, its `reqFactor` × capacity best arcs
/// by value (ties at either threshold all kept). `CostScalingSolver.solveConnected` solves the core on the same nodes
/// as the whole network, so in the same cost scale (n + 1, n the node count): its flow ends 1-optimal in the scaled
/// costs for its prices. Pricing then goes row by row. A row's price may move between bounds without touching another
/// node's arcs: from below by its residual out-arcs (an unused row → request arc: p(r) ≥ p(q) + v·s − 1; the reverse
/// of its used group → row arc: p(r) ≥ p(g) − 1), from above by its residual in-arcs (the unused group → row arc:
/// p(r) ≤ p(g) + 1; the reverse of its used row → request arc). Where the bounds meet, the row gets a price between
/// them and every arc at it is 1-optimal; the other arcs (group → sink, request → sink) are live in the core's last
/// refinement, so 1-optimal already. When every row passes, the flow is 1-optimal on the whole network, and a
/// 1-optimal flow in costs scaled by n + 1 is optimal (ε < 1/n in value units; Goldberg and Tarjan 1990): the same
/// optimum value as a solve of the whole network. Otherwise the arcs of a failing row whose lower bound passes its
/// upper one join the core, and the core is solved again warm from the flow and the repaired prices (one refinement
/// at ε = 1, or from `warmEpsilon`). A core arc may fail too (arcs fixed between the first solve's refinements keep
/// their flow but not their reduced costs within ε); the warm solve has no fixing, so it mends them. After
/// `maxRounds` rounds the whole network is solved warm from the last round instead (the rounds' tail is long on a
/// province: 123 rounds without the limit).
///
/// With `firstStopDivisor` (set by `forDay`) the first round is cheaper: its solve stops at a fraction of a value unit,
/// its pricing (at that ε instead of 1) only picks the arcs that join, and the larger core is then solved cold; the
/// later rounds and the final check are exact as above, so the optimum value is the same.
///
/// Deterministic: the core keeps each row's arcs in the network's order, and every round's arcs are fixed by values
/// and indices only.
struct SparseCoreFlow {
    let net: FlowNetwork
    let deadline: Date?
    /// Arcs kept per row.
    var rowArcs = 16
    /// Arcs kept per request, per unit of its capacity.
    var reqFactor = 4
    /// Whether a row's arcs are ranked by their profit at the greedy start's request prices (value − λ of the
    /// request) instead of by value.
    var byProfit = false
    /// At most this many violating arcs join the core per row and round, the most profitable first (0: all).
    var addPerRow = 0
    /// After this many rounds (0: no limit), the whole network is solved warm from the last round's flow and
    /// prices instead of another round.
    var maxRounds = 0
    /// The first ε of the warm solves after the first round, in value units (0: a single refinement at ε = 1 in
    /// scaled units).
    var warmEpsilon: Int64 = 0
    /// With d > 0, the first round's solve stops after its first refinement at ε ≤ scale / d (the scale n + 1 is one
    /// value unit) and its pricing checks the whole network at that ε, only to choose the arcs that join; when some
    /// join, the second round solves the larger core cold (from the greedy prices), else it resumes warm from the
    /// next ε. Later rounds are warm at ε = 1 as without it. 0: the first round exact and every later round warm.
    /// Measured (docs/solver.md, day22): the warm ε = 1 refinement after the first pricing moves most of the core's
    /// units and cost more than a cold solve of the larger core (the county day 4.7M against 4.3M, a scarce
    /// 2,000-worker day 51.8M against 5.9M).
    var firstStopDivisor: Int64 = 0

    init(_ net: FlowNetwork, deadline: Date? = nil, rowArcs: Int = 16, reqFactor: Int = 4) {
        self.net = net
        self.deadline = deadline
        self.rowArcs = rowArcs
        self.reqFactor = reqFactor
    }

    /// The configuration for the first flow of a network, or `nil` where a sparse core does not pay: only networks
    /// of one day (every group one row, so no weekly cap links rows) with at least `minArcsPerRow` arcs per row and
    /// fewer than `largeArcs` arcs; the core keeps 16 arcs per row. Measured (docs/solver.md, sparse11): the county
    /// day (238k arcs) gains 47 % of its flow work and 6 % of its instructions; the province day (9.14M arcs, a third
    /// of each row's arcs, the whole network warm after two rounds) gains 9 % of its flow work but no CPU; the county
    /// week (one network over five days) loses.
    static func forDay(_ net: FlowNetwork, deadline: Date?) -> SparseCoreFlow? {
        guard net.nRows > 0, net.nGroups == net.nRows, net.arcReq.count < largeArcs else { return nil }
        guard net.arcReq.count / net.nRows >= minArcsPerRow else { return nil }
        var sparse = SparseCoreFlow(net, deadline: deadline, rowArcs: 16, reqFactor: 4)
        sparse.byProfit = true
        sparse.firstStopDivisor = 4
        return sparse
    }

    /// From this many arcs on, `forDay` leaves the network whole (the province day: no CPU gained).
    static let largeArcs = 1_000_000

    /// The fewest arcs per row (on average) at which `forDay` uses a sparse core.
    static let minArcsPerRow = 48

    /// What the last solve did, for tests and measurements.
    struct Trace {
        var rounds = 0
        var coreArcs: [Int] = []
        var added: [Int] = []
        var work: [Int] = []
        var wholeWork = 0
        /// Rounds whose core was solved cold after the first (`firstStopDivisor`).
        var coldRounds = 0
    }

    /// Solves; same contract and same optimum value as `CostScalingSolver.solve` (ties may resolve differently).
    /// Returns `nil` when the costs would not fit cost scaling's integers (the caller falls back as for it).
    func solve(cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32]) -> FlowSolution? {
        var trace = Trace()
        return solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace)
    }

    func solve(cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32], trace: inout Trace) -> FlowSolution? {
        let nG = net.nGroups
        let nRw = net.nRows
        let nQ = net.nReq
        let nA = net.arcReq.count
        let qBase = net.requestNodeBase
        let n = net.sinkNode + 1
        let scale = Int64(n + 1)
        // The whole network's scale check (the core's largest cost may be lower): beyond it, no pricing either.
        var maxAbs: Int64 = 1
        for v in net.arcValue where v != FlowNetwork.disabled {
            let a = v.magnitude
            if a > UInt64(Int64.max) { return nil }
            maxAbs = max(maxAbs, Int64(a))
        }
        for q in 0..<nQ where minUnits[q] > 0 && cap[q] > 0 { maxAbs = max(maxAbs, bonus) }
        let (scaledMax, overflow) = maxAbs.multipliedReportingOverflow(by: scale)
        if overflow || scaledMax > CostScalingSolver.limit / 8 { return nil }

        // The passes over every arc (thresholds, each round's core and pricing) read owned copies of the network's
        // arrays (no bounds or uniqueness checks per arc; measured in docs/solver.md, day21).
        var slabs = Slabs()
        defer { slabs.release() }
        let arcReq = slabs.make(nA, Int32(0))
        _ = arcReq.update(fromContentsOf: net.arcReq)
        let arcValue = slabs.make(nA, Int64(0))
        _ = arcValue.update(fromContentsOf: net.arcValue)
        let arcCand = slabs.make(nA, Int32(0))
        _ = arcCand.update(fromContentsOf: net.arcCand)
        let rowArcStart = slabs.make(nRw + 1, Int32(0))
        _ = rowArcStart.update(fromContentsOf: net.rowArcStart)
        let open = slabs.make(nQ, false)
        for q in 0..<nQ { open[q] = cap[q] > 0 }
        /// Each arc's value in the scaled costs (`dead` for an arc out of the network: disabled, or to a closed
        /// request), so pricing reads one entry per arc.
        let dead = Int64.min
        let scaled = slabs.make(nA, dead)
        for a in 0..<nA where arcValue[a] != FlowNetwork.disabled && open[Int(arcReq[a])] {
            scaled[a] = arcValue[a] * scale
        }

        var work = 0
        let inCore = slabs.make(nA, false)
        var coreCount = 0
        do {
            // Thresholds: the K-th best value of each row and of each request (a min-heap of K per owner, one pass).
            let reqStart = slabs.make(nQ + 1, 0)
            for q in 0..<nQ { reqStart[q + 1] = reqStart[q] + max(0, Int(cap[q])) * reqFactor }
            let reqHeap = slabs.make(reqStart[nQ], Int64(0))
            let reqSize = slabs.make(nQ, 0)
            let rowHeap = slabs.make(max(1, rowArcs), Int64(0))
            let rowThr = slabs.make(nRw, Int64.min)
            // The key a row ranks its arcs by: the value, or the value less the request's greedy price.
            let lambda = slabs.make(nQ, Int64(0))
            if byProfit {
                var greedySlabs = Slabs()
                let p = greedySlabs.make(n, Int64(0))
                CostScalingSolver(net).greedyPrices(cap: cap, scale: 1, into: p)
                for q in 0..<nQ { lambda[q] = p[qBase + q] }
                greedySlabs.release()
                work &+= nA
            }
            for r in 0..<nRw {
                var size = 0
                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) where scaled[a] != dead {
                    let v = arcValue[a]
                    let q = Int(arcReq[a])
                    SparseCoreFlow.offer(v + lambda[q], rowHeap, base: 0, size: &size, k: rowArcs)
                    SparseCoreFlow.offer(
                        v, reqHeap, base: reqStart[q], size: &reqSize[q], k: reqStart[q + 1] - reqStart[q])
                }
                if size == rowArcs && rowArcs > 0 { rowThr[r] = rowHeap[0] }
                if rowArcs == 0 { rowThr[r] = Int64.max }
            }
            let reqThr = slabs.make(nQ, Int64.max)
            for q in 0..<nQ where reqStart[q + 1] > reqStart[q] {
                reqThr[q] = reqSize[q] == reqStart[q + 1] - reqStart[q] ? reqHeap[reqStart[q]] : Int64.min
            }
            for r in 0..<nRw {
                let thr = rowThr[r]
                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) where scaled[a] != dead {
                    let v = arcValue[a]
                    let q = Int(arcReq[a])
                    let keep = v + lambda[q] >= thr || v >= reqThr[q]
                    inCore[a] = keep
                    if keep { coreCount += 1 }
                }
            }
            work &+= 2 * nA
        }

        /// Where the first round stops (1: exact; see `firstStopDivisor`).
        let firstStop = firstStopDivisor > 0 ? max(1, scale / firstStopDivisor) : 1
        /// The current solve's last ε (the first round's `firstStop`, else 1), also the tolerance of its pricing.
        var stopAt: Int64 = 1
        /// The next warm solve's first ε in scaled units (0: the warm solves' default).
        var resumeAt: Int64 = 0
        // Cost scaling of `network` (the core or the whole), warm from `warm` at the warm solves' first ε.
        func solveWarm(_ network: FlowNetwork, _ warm: FlowSolution?) -> FlowSolution? {
            var solver = CostScalingSolver(network, deadline: deadline)
            solver.warmEpsilon = resumeAt > 0 ? resumeAt : max(1, warmEpsilon * scale)
            solver.stopEpsilon = stopAt
            return solver.solveConnected(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: warm)
        }
        let toCore = slabs.make(nA, Int32(-1))
        let price = slabs.make(n, Int64(0))
        var warm: FlowSolution?
        while true {
            if maxRounds > 0 && trace.rounds >= maxRounds, let w = warm {
                stopAt = 1
                guard let sol = solveWarm(net, w) else { return nil }
                trace.wholeWork = sol.work
                work &+= sol.work
                if sol.timedOut { return .timedOut(net, work: work) }
                var out = sol
                out.work = work
                return out
            }
            trace.rounds += 1
            // The core: the same groups, rows and requests, the arcs in `inCore` in the network's order.
            var core = FlowNetwork()
            core.nReq = nQ
            core.groupSupply = net.groupSupply
            core.groupRowStart = net.groupRowStart
            core.rowWorker = net.rowWorker
            core.rowDay = net.rowDay
            let c = coreCount
            var coreArc = [Int32](repeating: 0, count: c)
            var coreReqs = [Int32](repeating: 0, count: c)
            var coreValues = [Int64](repeating: 0, count: c)
            var coreCands = [Int32](repeating: 0, count: c)
            var coreRowStart: [Int32] = [0]
            coreRowStart.reserveCapacity(nRw + 1)
            coreArc.withUnsafeMutableBufferPointer { coreArc in
                coreReqs.withUnsafeMutableBufferPointer { coreReq in
                    coreValues.withUnsafeMutableBufferPointer { coreValue in
                        coreCands.withUnsafeMutableBufferPointer { coreCand in
                            var k = 0
                            for r in 0..<nRw {
                                for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) where inCore[a] {
                                    toCore[a] = Int32(k)
                                    coreArc[k] = Int32(a)
                                    coreReq[k] = arcReq[a]
                                    coreValue[k] = arcValue[a]
                                    coreCand[k] = arcCand[a]
                                    k += 1
                                }
                                coreRowStart.append(Int32(k))
                            }
                        }
                    }
                }
            }
            core.arcReq = coreReqs
            core.arcValue = coreValues
            core.arcCand = coreCands
            core.rowArcStart = coreRowStart
            trace.coreArcs.append(coreArc.count)
            work &+= nA
            if var w = warm {
                w.rowArc = w.rowArc.map { $0 >= 0 ? toCore[Int($0)] : -1 }
                warm = w
            }
            stopAt = trace.rounds == 1 ? firstStop : 1
            let tol = stopAt
            guard let sol = solveWarm(core, warm) else { return nil }
            resumeAt = 0
            work &+= sol.work
            trace.work.append(sol.work)
            if sol.timedOut { return .timedOut(net, work: work) }
            var full = sol
            full.rowArc = sol.rowArc.map { $0 >= 0 ? coreArc[Int($0)] : -1 }
            full.work = work
            // Pricing, row by row. A row's price may move anywhere between its arcs' bounds without touching another
            // node's arcs: below by every residual arc out of it (an unused row → request arc: p(r) ≥ p(q) + v·s − 1;
            // the reverse of a used group → row arc: p(r) ≥ p(g) − 1), above by every residual arc into it (an unused
            // group → row arc: p(r) ≤ p(g) + 1; the reverse of its used row → request arc: p(r) ≤ p(q) + v·s + 1).
            // When the bounds meet, the row gets a price between them and every arc at it is 1-optimal; otherwise
            // the arcs whose lower bound passes the upper one are the violations. (After a first round stopped early,
            // the same with ±`tol` for ±1: the arcs violating its ε join, and no flow is returned.)
            _ = price.update(fromContentsOf: sol.prices)
            var added = 0
            var violated = 0
            var pending: [(Int64, Int32)] = []
            for g in 0..<nG {
                let pg = price[g]
                for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) {
                    let used = Int(full.rowArc[r])
                    var lower = Int64.min
                    var upper: Int64
                    if used >= 0 {
                        lower = pg - tol
                        upper = scaled[used] + price[qBase + Int(arcReq[used])] + tol
                    } else {
                        upper = pg + tol
                    }
                    let s = Int(rowArcStart[r])
                    let e = Int(rowArcStart[r + 1])
                    // The row's arcs but the used one, in two runs around it.
                    let cut = used >= 0 ? used : e
                    for a in s..<cut where scaled[a] != dead {
                        lower = max(lower, scaled[a] + price[qBase + Int(arcReq[a])] - tol)
                    }
                    if cut < e {
                        for a in (cut + 1)..<e where scaled[a] != dead {
                            lower = max(lower, scaled[a] + price[qBase + Int(arcReq[a])] - tol)
                        }
                    }
                    if lower <= upper {
                        price[nG + r] = min(max(price[nG + r], lower), upper)
                        continue
                    }
                    violated += 1
                    pending.removeAll(keepingCapacity: true)
                    for a in s..<e where a != used && !inCore[a] && scaled[a] != dead {
                        let key = scaled[a] + price[qBase + Int(arcReq[a])]
                        if key - tol > upper { pending.append((key, Int32(a))) }
                    }
                    if addPerRow > 0 && pending.count > addPerRow {
                        pending.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                        pending.removeLast(pending.count - addPerRow)
                    }
                    for (_, a) in pending { inCore[Int(a)] = true }
                    added += pending.count
                    coreCount += pending.count
                }
            }
            full.prices = Array(price)
            work &+= nA
            full.work = work
            trace.added.append(added)
            if violated == 0 && tol == 1 { return full }
            warm = full
            if tol > 1 {
                // After the first round stopped early: a larger core is solved cold, the same core resumes warm.
                if added > 0 {
                    warm = nil
                    trace.coldRounds += 1
                } else {
                    resumeAt = max(1, tol / CostScalingSolver.alpha)
                }
            }
        }
    }

    /// Offers `v` to the min-heap of the K best values at `heap[base ..< base + k]` holding `size` values.
    static func offer(_ v: Int64, _ heap: inout [Int64], base: Int, size: inout Int, k: Int) {
        heap.withUnsafeMutableBufferPointer { offer(v, $0, base: base, size: &size, k: k) }
    }

    /// `offer(_:_:base:size:k:)` on a buffer (the solve's heaps, read without bounds checks).
    @inline(__always)
    static func offer(_ v: Int64, _ heap: UnsafeMutableBufferPointer<Int64>, base: Int, size: inout Int, k: Int) {
        if k == 0 { return }
        if size < k {
            var i = size
            size += 1
            while i > 0 {
                let p = (i - 1) >> 1
                if heap[base + p] <= v { break }
                heap[base + i] = heap[base + p]
                i = p
            }
            heap[base + i] = v
            return
        }
        if v <= heap[base] { return }
        // Replace the least and sift down.
        var i = 0
        while true {
            var c = 2 * i + 1
            if c >= k { break }
            if c + 1 < k && heap[base + c + 1] < heap[base + c] { c += 1 }
            if heap[base + c] >= v { break }
            heap[base + i] = heap[base + c]
            i = c
        }
        heap[base + i] = v
    }
}
