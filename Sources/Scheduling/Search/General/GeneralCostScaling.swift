import Foundation

/// Goldberg's cost-scaling push-relabel min-cost flow on a general graph with node supplies and arc capacities: the
/// solver of the general engine's relaxation on large instances, where successive shortest paths (`ResidualFlow`,
/// one Dijkstra per augmentation) take minutes.
///
/// The graph is built with `add(_:_:cap:cost:)` and `supply`; `solve(deadline:)` returns a min-cost flow meeting every
/// supply (positive at a source, negative at a sink; they must sum to 0 and a feasible flow must exist — the caller
/// gives each source a bypass arc to its sink). Costs are integers; they are multiplied by `n + 1` so that the last
/// refinement, at `ε = 1`, is exact (an ε-optimal flow with ε < 1/n in the original units is optimal).
///
/// - Arcs are kept in CSR form: each node's own arcs (forward slots), then the reverse slots of the arcs into it, both
///   in insertion order; a node scans its forward slots and only those reverse slots whose arc carries flow (its
///   holders), as the version 1 solver's requests do.
/// - Each refinement saturates the arcs of negative reduced cost, then discharges the active nodes first-in
///   first-out (push on admissible arcs, relabel to the largest admissible price minus ε), with a global price update
///   (backward Dijkstra in units of ε from the deficits, on buckets) at its start and after every n relabels.
/// - On request (`solve(deadline:arcFixing:)`), arcs whose reduced cost is at least 2nε in absolute value are fixed
///   between refinements (Goldberg's arc fixing, `CostScalingSolver.fixThreshold(eps:nodes:)` has the proof that the
///   optimum is kept): their slots move past their regions' live ends, so no later scan, relabel or price update
///   looks at them. Off by default: on the county day v2 it cut the flow's arc scans by a further 4 % but its slot
///   swaps cost more CPU than that saved (measured, docs/solver.md "Where the time goes").
/// - Prices start at the shortest distances of the zero flow when every arc goes from a lower to a higher node (a
///   DAG), and ε starts a few factors below the largest scaled cost (the version 1 solver's measured start).
///
/// Deterministic: arcs are scanned in a fixed order, active nodes are queued in a fixed order, and the price update's
/// prices do not depend on the order within a bucket. The deadline is checked at each refinement and every 1,024 discharges.
struct GeneralCostScaling {
    /// Why a solve gave no flow.
    enum Failure: Error, Equatable {
        /// The scaled costs or the prices would leave the safe integer range.
        case overflow
        /// The deadline passed first.
        case deadline
        /// No flow meets the supplies.
        case infeasible
    }

    /// A min-cost flow: the flow on each arc (in `add` order), its cost, and the work spent.
    struct Solution {
        var flow: [Int32]
        var cost: Int64
        /// Arc scans (the deterministic work measure).
        var work: Int
        /// Arcs fixed between refinements (proved to keep their flow).
        var fixedArcs = 0
    }

    /// Prices and costs stay within ±`limit`, so a reduced cost cannot overflow.
    static let limit = Int64.max / 4
    /// Division factor of ε between refinements.
    static let alpha: Int64 = 12
    /// Scaling factors skipped on the start with shortest-distance prices.
    static let coldSkips = 4

    let nodes: Int
    /// Supply of each node (positive: it sends; negative: it receives).
    var supply: [Int64]
    private(set) var tail: [Int32] = []
    private(set) var head: [Int32] = []
    private(set) var cap: [Int32] = []
    private(set) var cost: [Int64] = []

    init(nodes: Int) {
        self.nodes = nodes
        supply = [Int64](repeating: 0, count: nodes)
    }

    /// The number of arcs added.
    var arcCount: Int { head.count }

    /// Adds an arc `u → v` with its capacity (≥ 0) and cost; returns its index.
    @discardableResult
    mutating func add(_ u: Int, _ v: Int, cap c: Int32, cost w: Int64) -> Int {
        tail.append(Int32(u))
        head.append(Int32(v))
        cap.append(max(0, c))
        cost.append(w)
        return head.count - 1
    }

    /// Solves the min-cost flow.
    ///
    /// - Parameter deadline: when set, a solve still running then stops with `Failure.deadline`.
    /// - Returns: the flow, or why there is none.
    func solve(deadline: Date? = nil) -> Result<Solution, Failure> {
        solve(deadline: deadline, arcFixing: false)
    }

    /// Solves with arc fixing on or off (the same optimal cost either way; off is the default, see the type's notes).
    func solve(deadline: Date?, arcFixing: Bool) -> Result<Solution, Failure> {
        var core = GeneralCostScalingCore(self)
        core.arcFixing = arcFixing
        return core.run(deadline: deadline)
    }
}

/// The working state of one `GeneralCostScaling` solve.
/// The working state of one `GeneralCostScaling` solve.
///
/// Each node's slots are two regions: its forward slots (its own arcs, in `add` order) from `start[v]`, then from
/// `revStart[v]` the reverse slots of the arcs into it (in `add` order). A reverse slot is residual only while its arc
/// carries flow, and those few are listed in the node's holders (`hold[revStart[v] ..< revStart[v] + hCount[v]]`), so
/// a request with thousands of candidate rows discharges and relabels over its sink arcs and its holders only (as the
/// version 1 solver does). Fixed slots lie past each region's live end (`fwdLive`, `revLive`).
private struct GeneralCostScalingCore {
    let n: Int
    let m: Int
    let scale: Int64
    /// CSR: node v's forward slots are `start[v] ..< revStart[v]`, its reverse slots `revStart[v] ..< start[v + 1]`.
    var start: [Int32]
    var revStart: [Int32]
    /// The live (not fixed) ends of both regions.
    var fwdLive: [Int32]
    var revLive: [Int32]
    var to: [Int32]
    var res: [Int32]
    var cost: [Int64]
    var partner: [Int32]
    /// The arc of each slot: its index at the forward slot, its bitwise complement at the reverse slot.
    var arcOf: [Int32]
    /// The forward slot of each arc.
    var forward: [Int32]
    /// Holders: the residual reverse slots of each node, in `hold[revStart[v] ..< revStart[v] + hCount[v]]`;
    /// `hPos` is a holder slot's place in that list.
    var hold: [Int32]
    var hCount: [Int32]
    var hPos: [Int32]
    var origCost: [Int64]
    var excess: [Int64]
    var price: [Int64]
    var cur: [Int32]
    var work = 0
    var relabels = 0
    var failure: GeneralCostScaling.Failure?
    var scaledMax: Int64 = 1
    let dagOrder: Bool
    var arcFixing = false
    var fixedArcs = 0
    /// The global update's bucket lists (next and previous node in a node's bucket).
    var bNext: [Int32]
    var bPrev: [Int32]

    init(_ g: GeneralCostScaling) {
        n = g.nodes
        m = g.arcCount
        scale = Int64(n + 1)
        var outDeg = [Int32](repeating: 0, count: n)
        var inDeg = [Int32](repeating: 0, count: n)
        var forwardOnly = true
        for a in 0..<m {
            outDeg[Int(g.tail[a])] += 1
            inDeg[Int(g.head[a])] += 1
            if g.tail[a] >= g.head[a] { forwardOnly = false }
        }
        dagOrder = forwardOnly
        var st = [Int32](repeating: 0, count: n + 1)
        var rs = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            rs[v] = st[v] + outDeg[v]
            st[v + 1] = rs[v] + inDeg[v]
        }
        start = st
        revStart = rs
        fwdLive = rs
        revLive = Array(st.dropFirst())
        bNext = [Int32](repeating: -1, count: n)
        bPrev = [Int32](repeating: -1, count: n)
        arcOf = [Int32](repeating: 0, count: 2 * m)
        hold = [Int32](repeating: -1, count: 2 * m)
        hCount = [Int32](repeating: 0, count: n)
        hPos = [Int32](repeating: 0, count: 2 * m)
        var fillF = Array(st.dropLast())
        var fillR = rs
        to = [Int32](repeating: 0, count: 2 * m)
        res = [Int32](repeating: 0, count: 2 * m)
        cost = [Int64](repeating: 0, count: 2 * m)
        partner = [Int32](repeating: 0, count: 2 * m)
        forward = [Int32](repeating: 0, count: m)
        origCost = g.cost
        var maxAbs: Int64 = 1
        var overflow = false
        for a in 0..<m {
            let u = Int(g.tail[a])
            let v = Int(g.head[a])
            let f = Int(fillF[u])
            fillF[u] += 1
            let b = Int(fillR[v])
            fillR[v] += 1
            let (c, o) = g.cost[a].multipliedReportingOverflow(by: scale)
            if o || g.cost[a] == Int64.min { overflow = true }
            maxAbs = max(maxAbs, g.cost[a].magnitude > UInt64(Int64.max) ? Int64.max : abs(g.cost[a]))
            to[f] = Int32(v)
            res[f] = g.cap[a]
            cost[f] = o ? 0 : c
            partner[f] = Int32(b)
            to[b] = Int32(u)
            res[b] = 0
            cost[b] = o ? 0 : -c
            partner[b] = Int32(f)
            forward[a] = Int32(f)
            arcOf[f] = Int32(a)
            arcOf[b] = ~Int32(a)
        }
        let (sm, o) = maxAbs.multipliedReportingOverflow(by: scale)
        if overflow || o || sm > GeneralCostScaling.limit / 8 { failure = .overflow }
        scaledMax = sm
        excess = g.supply
        price = [Int64](repeating: 0, count: n)
        cur = Array(st.dropLast())
    }

    mutating func run(deadline: Date?) -> Result<GeneralCostScaling.Solution, GeneralCostScaling.Failure> {
        if let failure { return .failure(failure) }
        if excess.reduce(0, +) != 0 { return .failure(.infeasible) }
        var eps = max(1, scaledMax)
        if dagOrder {
            // Shortest distances of the zero flow (every arc forward): every arc's reduced cost is ≥ 0.
            for u in 0..<n {
                for a in Int(start[u])..<Int(revStart[u]) where res[a] > 0 {
                    let v = Int(to[a])
                    let d = price[u] + cost[a]
                    if d < price[v] { price[v] = d }
                }
            }
            for v in 0..<n where price[v] < -GeneralCostScaling.limit / 2 { return .failure(.overflow) }
            for _ in 0..<GeneralCostScaling.coldSkips { eps = max(1, eps / GeneralCostScaling.alpha) }
        }
        // Sign convention: reduced cost of slot a at v is cost[a] + price[v] − price[to[a]]; admissible when < 0.
        var first = true
        repeat {
            eps = first ? eps : max(1, eps / GeneralCostScaling.alpha)
            first = false
            refine(eps, deadline: deadline)
            if let failure { return .failure(failure) }
            if eps > 1 && arcFixing { fixArcs(eps) }
        } while eps > 1
        var flow = [Int32](repeating: 0, count: m)
        var total: Int64 = 0
        for a in 0..<m {
            let f = Int(forward[a])
            let x = res[Int(partner[f])]
            flow[a] = x
            total &+= Int64(x) &* origCost[a]
        }
        return .success(GeneralCostScaling.Solution(flow: flow, cost: total, work: work, fixedArcs: fixedArcs))
    }

    @inline(__always) func reduced(_ a: Int, _ v: Int) -> Int64 { cost[a] + price[v] - price[Int(to[a])] }

    /// Adds the reverse slot `b` (now residual) to node w's holders.
    @inline(__always) mutating func addHolder(_ w: Int, _ b: Int) {
        let k = hCount[w]
        hold[Int(revStart[w] + k)] = Int32(b)
        hPos[b] = k
        hCount[w] = k + 1
    }

    /// Takes the reverse slot `b` (no longer residual, or fixed) out of node v's holders.
    @inline(__always) mutating func removeHolder(_ v: Int, _ b: Int) {
        let k = hCount[v] - 1
        let last = hold[Int(revStart[v] + k)]
        let p = hPos[b]
        hold[Int(revStart[v] + p)] = last
        hPos[Int(last)] = p
        hCount[v] = k
    }

    /// Moves `delta` units along slot `a` from v to w, keeping the holders right.
    @inline(__always) mutating func push(_ a: Int, _ v: Int, _ w: Int, _ delta: Int32) {
        let b = Int(partner[a])
        res[a] -= delta
        res[b] += delta
        excess[v] -= Int64(delta)
        excess[w] += Int64(delta)
        if arcOf[a] >= 0 {
            if res[b] == delta { addHolder(w, b) }
        } else if res[a] == 0 {
            removeHolder(v, a)
        }
    }

    /// Swaps two slots of one region of one node, keeping the partners' back links, the arcs' forward slots and the
    /// holders' places right.
    mutating func swapSlots(_ x: Int, _ y: Int) {
        if x == y { return }
        // Written out (the generic `swapAt` is not inlined here and showed in the profile).
        let t0 = to[x]
        to[x] = to[y]
        to[y] = t0
        let t1 = res[x]
        res[x] = res[y]
        res[y] = t1
        let t2 = cost[x]
        cost[x] = cost[y]
        cost[y] = t2
        let t3 = partner[x]
        partner[x] = partner[y]
        partner[y] = t3
        let t4 = arcOf[x]
        arcOf[x] = arcOf[y]
        arcOf[y] = t4
        let t5 = hPos[x]
        hPos[x] = hPos[y]
        hPos[y] = t5
        partner[Int(partner[x])] = Int32(x)
        partner[Int(partner[y])] = Int32(y)
        if arcOf[x] >= 0 { forward[Int(arcOf[x])] = Int32(x) }
        if arcOf[y] >= 0 { forward[Int(arcOf[y])] = Int32(y) }
    }

    /// Arc fixing after a refinement at `eps`: an arc whose reduced cost is at least 2nε in absolute value has the
    /// same flow in every optimum (`CostScalingSolver.fixThreshold(eps:nodes:)` has the proof), so both of its slots
    /// leave the live parts of their regions for good (a fixed reverse slot leaves its node's holders too).
    mutating func fixArcs(_ eps: Int64) {
        guard let t = CostScalingSolver.fixThreshold(eps: eps, nodes: n) else { return }
        for v in 0..<n {
            var a = Int(start[v])
            while a < Int(fwdLive[v]) {
                let w = Int(to[a])
                let rc = cost[a] + price[v] - price[w]
                let b = Int(partner[a])
                // ε-optimality makes the flow agree with the sign (checked, not assumed); loops stay.
                guard w != v, (rc >= t && res[b] == 0) || (rc <= -t && res[a] == 0) else {
                    a += 1
                    continue
                }
                if res[b] > 0 { removeHolder(w, b) }
                let lw = Int(revLive[w]) - 1
                swapSlots(b, lw)
                revLive[w] = Int32(lw)
                // The live slot moved into b's place may be a holder: its entry follows it.
                if res[b] > 0 && b < lw { hold[Int(revStart[w] + hPos[b])] = Int32(b) }
                let lv = Int(fwdLive[v]) - 1
                swapSlots(a, lv)
                fwdLive[v] = Int32(lv)
                fixedArcs += 1
                // Slot a now holds v's former last live forward slot: look at it next.
            }
            work += Int(revStart[v] - start[v])
        }
    }

    /// One refinement: from a 2ε-optimal flow (any flow at the first), an ε-optimal flow meeting the supplies.
    mutating func refine(_ eps: Int64, deadline: Date?) {
        if let deadline, Date() >= deadline {
            failure = .deadline
            return
        }
        // Saturate every residual arc of negative reduced cost (then every residual arc is 0-optimal). The residual
        // reverse slots are the holders; walking them from the last, a saturated one leaving the list is behind us.
        for v in 0..<n {
            for a in Int(start[v])..<Int(fwdLive[v]) where res[a] > 0 && reduced(a, v) < 0 {
                push(a, v, Int(to[a]), res[a])
            }
            var i = Int(hCount[v]) - 1
            while i >= 0 {
                let b = Int(hold[Int(revStart[v]) + i])
                if reduced(b, v) < 0 { push(b, v, Int(to[b]), res[b]) }
                i -= 1
            }
            cur[v] = start[v]
        }
        work += 2 * m
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        for v in 0..<n where excess[v] > 0 { queue.append(Int32(v)) }
        var inQueue = [Bool](repeating: false, count: n)
        for v in queue { inQueue[Int(v)] = true }
        var headIdx = 0
        if !queue.isEmpty && !globalUpdate(eps) { return }
        var discharges = 0
        while headIdx < queue.count {
            let v = Int(queue[headIdx])
            headIdx += 1
            inQueue[v] = false
            if headIdx > 4096 && headIdx * 2 > queue.count {
                queue.removeFirst(headIdx)
                headIdx = 0
            }
            discharges += 1
            if discharges & 1023 == 0, let deadline, Date() >= deadline {
                failure = .deadline
                return
            }
            discharge(v, eps, &queue, &inQueue)
            if failure != nil { return }
            if relabels >= n {
                relabels = 0
                if !globalUpdate(eps) { return }
            }
        }
    }

    /// Pushes v's excess along admissible arcs (its forward slots from the current one, then its holders),
    /// relabelling when none is left.
    mutating func discharge(_ v: Int, _ eps: Int64, _ queue: inout [Int32], _ inQueue: inout [Bool]) {
        let s = Int(start[v])
        let end = Int(fwdLive[v])
        let hs = Int(revStart[v])
        while excess[v] > 0 {
            let from = Int(cur[v])
            var a = from
            let pv = price[v]
            // The relabel's maximum of `price(w) − cost` over residual arcs, gathered during the scan: an arc scanned
            // and not pushed on is inadmissible and still residual; one pushed on is saturated, or the scan stops with
            // no excess left (no relabel). So a relabel only looks again at the forward slots before the current one.
            var best = Int64.min
            while a < end {
                if res[a] > 0 {
                    let w = Int(to[a])
                    let x = price[w] - cost[a]
                    if pv - x >= 0 {
                        if x > best { best = x }
                    } else {
                        let delta = Int32(min(excess[v], Int64(res[a])))
                        push(a, v, w, delta)
                        if excess[w] > 0 && !inQueue[w] {
                            inQueue[w] = true
                            queue.append(Int32(w))
                        }
                        if excess[v] == 0 { break }
                    }
                }
                a += 1
            }
            work += a - Int(cur[v]) + 1
            if excess[v] == 0 {
                cur[v] = Int32(min(a, end))
                return
            }
            cur[v] = Int32(end)
            // The holders (residual reverse slots); one pushed empty leaves the list and the next takes its place.
            var i = 0
            while i < Int(hCount[v]) {
                let b = Int(hold[hs + i])
                let w = Int(to[b])
                let x = price[w] - cost[b]
                if pv - x >= 0 {
                    if x > best { best = x }
                    i += 1
                    continue
                }
                let delta = Int32(min(excess[v], Int64(res[b])))
                push(b, v, w, delta)
                if excess[w] > 0 && !inQueue[w] {
                    inQueue[w] = true
                    queue.append(Int32(w))
                }
                if excess[v] == 0 { break }
                if res[b] > 0 { i += 1 }
            }
            work += i + 1
            if excess[v] == 0 { return }
            // Relabel: the largest price that makes a residual arc admissible, minus ε.
            for b in s..<from where res[b] > 0 {
                let x = price[Int(to[b])] - cost[b]
                if x > best { best = x }
            }
            work += from - s
            guard best != Int64.min else {
                failure = .infeasible
                return
            }
            let np = best - eps
            if np < -GeneralCostScaling.limit {
                failure = .overflow
                return
            }
            price[v] = np
            cur[v] = Int32(s)
            relabels += 1
        }
    }

    /// Global price update: distances in units of ε to the deficits through residual arcs (arc length
    /// ⌊(reduced cost + ε) / ε⌋ ≥ 0), by Dijkstra backwards until every active node is settled; each settled node's
    /// price drops by its distance × ε, every other node's by the last distance settled. Keeps ε-optimality.
    /// Returns false (and sets `failure`) when a price would overflow.
    ///
    /// The Dijkstra runs on buckets (CS2's): the distances are integers, mostly small, so bucket d < 2n + 16 holds the
    /// nodes of tentative distance d in a doubly linked list, and the scan walks the buckets upwards; the few nodes
    /// farther away wait in a heap, taken in order once the buckets are done. The distances are exact, so the prices
    /// are those of a heap's Dijkstra: every node settled before the stop has its distance, every other node the last
    /// one settled (the order within a bucket changes nothing).
    mutating func globalUpdate(_ eps: Int64) -> Bool {
        let inf = Int64.max
        let cap = GeneralCostScaling.limit
        var dist = [Int64](repeating: inf, count: n)
        var done = [Bool](repeating: false, count: n)
        let nb = 2 * n + 16
        var bucket = [Int32](repeating: -1, count: nb)
        var far = MinHeap()
        // Bucket lists, written out in place (the hot loop; no closures over the buckets).
        var active = 0
        for v in 0..<n {
            if excess[v] < 0 {
                dist[v] = 0
                let h = bucket[0]
                bNext[v] = h
                bPrev[v] = -1
                if h >= 0 { bPrev[Int(h)] = Int32(v) }
                bucket[0] = Int32(v)
            } else if excess[v] > 0 {
                active += 1
            }
        }
        var last: Int64 = 0
        var d = 0
        while active > 0 {
            let w: Int
            if d < nb {
                w = Int(bucket[d])
                if w < 0 {
                    d += 1
                    continue
                }
                // w heads its bucket.
                let x = bNext[w]
                bucket[d] = x
                if x >= 0 { bPrev[Int(x)] = -1 }
            } else {
                guard let (k, x) = far.pop() else { break }
                w = Int(x)
                if done[w] || k != dist[w] { continue }
            }
            let dw = dist[w]
            done[w] = true
            last = dw
            if excess[w] > 0 { active -= 1 }
            let pw = price[w]
            // The arcs into w: both live regions (a forward slot's partner is residual when its arc carries flow).
            for part in 0..<2 {
                let lo = part == 0 ? start[w] : revStart[w]
                let hi = part == 0 ? fwdLive[w] : revLive[w]
                for b in Int(lo)..<Int(hi) {
                    let a = Int(partner[b])
                    guard res[a] > 0 else { continue }
                    let v = Int(to[b])
                    if done[v] { continue }
                    let rc = cost[a] + price[v] - pw
                    let len = (rc + eps) / eps
                    let nd = min(dw + min(len, cap), cap)
                    let old = dist[v]
                    if nd < old {
                        if old < Int64(nb) {
                            let p = bPrev[v]
                            let x = bNext[v]
                            if p >= 0 { bNext[Int(p)] = x } else { bucket[Int(old)] = x }
                            if x >= 0 { bPrev[Int(x)] = p }
                        }
                        dist[v] = nd
                        if nd < Int64(nb) {
                            let h = bucket[Int(nd)]
                            bNext[v] = h
                            bPrev[v] = -1
                            if h >= 0 { bPrev[Int(h)] = Int32(v) }
                            bucket[Int(nd)] = Int32(v)
                        } else {
                            far.push(nd, Int32(v))
                        }
                    }
                }
                work += Int(hi - lo)
            }
        }
        for v in 0..<n {
            let k = done[v] ? dist[v] : last
            let (drop, o) = k.multipliedReportingOverflow(by: eps)
            if o || price[v] - drop < -GeneralCostScaling.limit || drop > GeneralCostScaling.limit {
                failure = .overflow
                return false
            }
            price[v] -= drop
            cur[v] = start[v]
        }
        return true
    }
}
