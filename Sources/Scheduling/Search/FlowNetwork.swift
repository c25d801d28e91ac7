/// The assignment core as a min-cost flow network:
/// source → group (a worker's ISO week; supply = days left) → row (a worker on a day; capacity 1)
/// → request (capacity = open slots) → sink, with profit `arcValue` on row → request arcs.
///
/// Rows of one group are contiguous (`groupRowStart`), arcs of one row too (`rowArcStart`).
struct FlowNetwork: Sendable {
    var groupSupply: [Int32] = []
    var groupRowStart: [Int32] = [0]
    var rowWorker: [Int32] = []
    var rowDay: [Int32] = []
    var rowArcStart: [Int32] = [0]
    var arcReq: [Int32] = []
    var arcValue: [Int64] = []
    /// Index of the candidate pair behind each arc.
    var arcCand: [Int32] = []
    var nReq: Int = 0
    /// An arc value that takes the arc out of the network.
    static let disabled = Int64.min

    var nGroups: Int { groupSupply.count }
    var nRows: Int { rowWorker.count }
    /// The first request node: the solvers number groups, then rows, then requests, then the sink (the source apart).
    var requestNodeBase: Int { nGroups + nRows }
    /// The sink node, after the requests: `sinkNode + 1` nodes in all.
    var sinkNode: Int { nGroups + nRows + nReq }

    /// Calls `body` with `rowArcStart`, `arcReq`, `arcValue` and the requests' caps `cap` as buffers: the solvers'
    /// set-up loops over every arc without a bounds check per read.
    @inline(__always)
    func withArcBuffers<R>(
        cap: [Int32],
        _ body: (
            UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int64>,
            UnsafeBufferPointer<Int32>
        ) -> R
    ) -> R {
        rowArcStart.withUnsafeBufferPointer { rowArcStart in
            arcReq.withUnsafeBufferPointer { arcReq in
                arcValue.withUnsafeBufferPointer { arcValue in
                    cap.withUnsafeBufferPointer { cap in body(rowArcStart, arcReq, arcValue, cap) }
                }
            }
        }
    }
}

/// A flow solution: the request of each row (-1 when unused) and its total value.
struct FlowSolution: Sendable {
    var rowArc: [Int32]
    var value: Int64
    /// Units on each request.
    var reqCount: [Int32]
    /// Relaxations done (the deterministic work measure).
    var work: Int
    /// Cost scaling's final node prices (empty from successive shortest paths): a warm start for a similar solve.
    var prices: [Int64] = []
    /// The cost scale each price is in (cost scaling multiplies costs by its component's node count + 1).
    var priceScale: [Int64] = []
    /// Set when the solve stopped at its deadline: no flow at all (every row unused), not an optimum.
    var timedOut = false
    /// Row → request arcs that cost scaling fixed between refinements (proved to keep their flow; 0 elsewhere).
    var fixedArcs = 0
    /// Heuristically fixed arcs whose check after the last refinement found them breaking 1-optimality, so they
    /// rejoined for another refinement (`CostScalingSolver.heuristicFix`; 0 elsewhere).
    var rejoinedArcs = 0
    /// Set by `CostScalingSolver.solve` when the network under the solve's caps was one connected component (or
    /// none), so it went to `solveConnected` whole: a solve under the same caps can skip the component search.
    var solvedWhole = false

    /// The empty solution of a solve stopped at its deadline.
    static func timedOut(_ net: FlowNetwork, work: Int) -> FlowSolution {
        FlowSolution(
            rowArc: [Int32](repeating: -1, count: net.nRows), value: 0,
            reqCount: [Int32](repeating: 0, count: net.nReq), work: work, timedOut: true)
    }
}

/// Successive shortest paths with Dijkstra and node potentials, one supply unit at a time from its group,
/// stopping each search as soon as the sink is settled (only settled nodes' potentials move).
///
/// Maximizes total arc value subject to capacities; a request `q` with `minUnits[q] > 0` gets a bonus `bonus`
/// per unit for its first `minUnits[q]` units (the min-headcount split), so a solution filling every forced minimum
/// beats any that does not. `cap[q] == 0` closes a request.
struct FlowSolver {
    let net: FlowNetwork
    let nG: Int
    let nRw: Int
    let nQ: Int
    let sink: Int

    init(_ net: FlowNetwork) {
        self.net = net
        nG = net.nGroups
        nRw = net.nRows
        nQ = net.nReq
        sink = net.sinkNode
    }

    /// Solves from scratch.
    /// - Parameters:
    ///   - cap: open slots per request.
    ///   - minUnits: forced minimum per request (0 = not forced).
    ///   - bonus: the per-unit bonus of forced units (must exceed any total value).
    ///   - order: the order in which groups release their supply.
    func solve(cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32]) -> FlowSolution {
        let nNodes = sink + 1
        let groupRowStart = net.groupRowStart
        let rowArcStart = net.rowArcStart
        let arcReq = net.arcReq
        let arcValue = net.arcValue
        let supply = net.groupSupply
        let nG = self.nG
        let nRw = self.nRw
        let qBase = net.requestNodeBase
        let sink = self.sink

        var rowArc = [Int32](repeating: -1, count: nRw)
        var rowOf = [Int32](repeating: 0, count: nRw)  // group of each row
        for g in 0..<nG {
            for r in Int(groupRowStart[g])..<Int(groupRowStart[g + 1]) { rowOf[r] = Int32(g) }
        }
        // Holders of each request: a flat array sliced by capacity.
        var holderStart = [Int32](repeating: 0, count: nQ + 1)
        for q in 0..<nQ { holderStart[q + 1] = holderStart[q] + max(0, cap[q]) }
        var holders = [Int32](repeating: -1, count: Int(holderStart[nQ]))
        var count = [Int32](repeating: 0, count: nQ)

        // Initial potentials keep every residual arc's reduced cost >= 0.
        var pot = [Int64](repeating: 0, count: nNodes)
        var maxInto = [Int64](repeating: Int64.min, count: nQ)
        for a in 0..<arcReq.count where arcValue[a] != FlowNetwork.disabled {
            let q = Int(arcReq[a])
            if arcValue[a] > maxInto[q] { maxInto[q] = arcValue[a] }
        }
        var potSink: Int64 = 0
        for q in 0..<nQ {
            let p = maxInto[q] == Int64.min ? 0 : -max(0, maxInto[q])
            pot[qBase + q] = p
            let t = p - (minUnits[q] > 0 ? bonus : 0)
            if t < potSink { potSink = t }
        }
        pot[sink] = potSink

        var dist = [Int64](repeating: 0, count: nNodes)
        var stamp = [UInt32](repeating: 0, count: nNodes)
        var settled = [UInt32](repeating: 0, count: nNodes)
        var pred = [Int32](repeating: -1, count: nNodes)
        var predArc = [Int32](repeating: -1, count: nNodes)
        var heap = NodeHeap()
        var visited: [Int32] = []
        var path: [Int32] = []
        var round: UInt32 = 0
        var work = 0

        for g32 in order {
            let g = Int(g32)
            var units = Int(supply[g])
            while units > 0 {
                units -= 1
                round &+= 1
                if round == 0 {
                    for i in 0..<nNodes {
                        stamp[i] = 0
                        settled[i] = 0
                    }
                    round = 1
                }
                heap.removeAll()
                visited.removeAll(keepingCapacity: true)
                dist[g] = 0
                stamp[g] = round
                pred[g] = -1
                heap.push(0, Int32(g))
                var dSink: Int64 = -1
                while let (d, x32) = heap.pop() {
                    let x = Int(x32)
                    if settled[x] == round || d != dist[x] { continue }
                    settled[x] = round
                    visited.append(x32)
                    if x == sink {
                        dSink = d
                        break
                    }
                    let px = pot[x]
                    @inline(__always) func relax(_ y: Int, _ c: Int64, _ arc: Int32) {
                        work &+= 1
                        if settled[y] == round { return }
                        let nd = d + c + px - pot[y]
                        if stamp[y] != round || nd < dist[y] {
                            stamp[y] = round
                            dist[y] = nd
                            pred[y] = x32
                            predArc[y] = arc
                            heap.push(nd, Int32(y))
                        }
                    }
                    if x < nG {
                        relax(sink, 0, -1)
                        for r in Int(groupRowStart[x])..<Int(groupRowStart[x + 1]) where rowArc[r] < 0 {
                            relax(nG + r, 0, -1)
                        }
                    } else if x < qBase {
                        let r = x - nG
                        let current = rowArc[r]
                        if current >= 0 { relax(Int(rowOf[r]), 0, -1) }
                        for a in Int(rowArcStart[r])..<Int(rowArcStart[r + 1]) where a != current {
                            if arcValue[a] == FlowNetwork.disabled { continue }
                            let q = Int(arcReq[a])
                            if cap[q] > 0 { relax(qBase + q, -arcValue[a], Int32(a)) }
                        }
                    } else {
                        let q = x - qBase
                        let hs = Int(holderStart[q])
                        for k in hs..<(hs + Int(count[q])) {
                            let r = Int(holders[k])
                            relax(nG + r, arcValue[Int(rowArc[r])], -1)
                        }
                        if count[q] < cap[q] { relax(sink, count[q] < minUnits[q] ? -bonus : 0, -1) }
                    }
                }
                precondition(dSink >= 0, "the sink is always reachable from a group")
                for v in visited {
                    let i = Int(v)
                    pot[i] += dist[i] - dSink
                }
                // Walk the path back from the sink and apply it.
                path.removeAll(keepingCapacity: true)
                var y = sink
                while y != g {
                    path.append(Int32(y))
                    y = Int(pred[y])
                }
                if path.count == 1 {
                    // group → sink directly: the rest of this group's supply would go the same way.
                    break
                }
                // Edges in backward order (a → b): a request loses its leaving row before it gains the arriving one.
                var b = sink
                var i = 1
                while true {
                    let a = i < path.count ? Int(path[i]) : g
                    if a >= nG && a < qBase {
                        let r = a - nG
                        if b >= qBase && b < sink {
                            let q = b - qBase
                            rowArc[r] = predArc[b]
                            holders[Int(holderStart[q]) + Int(count[q])] = Int32(r)
                            count[q] += 1
                        } else {
                            rowArc[r] = -1
                        }
                    } else if a >= qBase && b != sink {
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
                    if a == g { break }
                    b = a
                    i += 1
                }
            }
        }
        var value: Int64 = 0
        for r in 0..<nRw where rowArc[r] >= 0 { value += arcValue[Int(rowArc[r])] }
        var finalCount = [Int32](repeating: 0, count: nQ)
        for r in 0..<nRw where rowArc[r] >= 0 { finalCount[Int(arcReq[Int(rowArc[r])])] += 1 }
        return FlowSolution(rowArc: rowArc, value: value, reqCount: finalCount, work: work)
    }
}

/// A binary min-heap of (key, node) pairs.
struct NodeHeap {
    /// The entries in heap order, in a buffer this heap owns (freed with `buffer`): a push or pop does no bounds or
    /// uniqueness check. A `NodeHeap` must not be copied while in use (a copy shares the buffer).
    private final class Buffer {
        var base: UnsafeMutablePointer<(key: Int64, node: Int32)>
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private let buffer = Buffer(capacity: 64)
    private var base: UnsafeMutablePointer<(key: Int64, node: Int32)>
    private var capacity: Int
    private(set) var count = 0

    init() {
        base = buffer.base
        capacity = buffer.capacity
    }

    mutating func removeAll() { count = 0 }

    @inline(never) private mutating func grow() {
        let bigger = UnsafeMutablePointer<(key: Int64, node: Int32)>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
        buffer.base = bigger
        buffer.capacity = capacity
    }

    @inline(never) mutating func push(_ key: Int64, _ node: Int32) {
        if count == capacity { grow() }
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            let up = base[parent]
            if up.key <= key { break }
            base[i] = up
            i = parent
        }
        base[i] = (key, node)
    }

    @inline(never) mutating func pop() -> (Int64, Int32)? {
        guard count > 0 else { return nil }
        let top = base[0]
        count -= 1
        let n = count
        let last = base[n]
        if n > 0 {
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= n { break }
                if c + 1 < n && base[c + 1].key < base[c].key { c += 1 }
                if base[c].key >= last.key { break }
                base[i] = base[c]
                i = c
            }
            base[i] = last
        }
        return (top.key, top.node)
    }
}
