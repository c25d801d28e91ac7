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
/// - Arcs are kept in CSR form (each node's arcs together, forward and reverse slots in insertion order).
/// - Each refinement saturates the arcs of negative reduced cost, then discharges the active nodes first-in
///   first-out (push on admissible arcs, relabel to the largest admissible price minus ε), with a global price update
///   (backward Dijkstra in units of ε from the deficits) at its start and after every n relabels.
/// - Prices start at the shortest distances of the zero flow when every arc goes from a lower to a higher node (a
///   DAG), and ε starts a few factors below the largest scaled cost (the version 1 solver's measured start).
///
/// Deterministic: arcs are scanned in a fixed order, active nodes are queued in a fixed order, and ties in the price
/// update are broken by node index. The deadline is checked at each refinement and every 1,024 discharges.
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
        /// The node prices at the end, in the solver's scaled units (costs × (nodes + 1)): a warm start for another
        /// solve on the same nodes (`WarmStart`).
        var prices: [Int64] = []
    }

    /// Where a solve starts instead of the zero flow's shortest distances: the prices of an earlier solve on the same
    /// nodes (a graph that differs in some arcs and capacities) and the first ε (in cost units: the solver scales it). Any start gives the
    /// same optimal cost; a start near the new optimum saves the refinements above `epsilon` and most pushes below.
    struct WarmStart {
        var prices: [Int64]
        var epsilon: Int64
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

    /// Start prices for a warm solve (`WarmStart`) of a graph whose arcs all go from a lower to a higher node, from the
    /// prices of some of its nodes (`known`, in cost units, nil where unknown): each other node, from the last to the
    /// first, takes the highest price that leaves none of its arcs admissible (the most its best arc's head is worth
    /// less that arc's cost), so a node with supply starts at the price of its best arc. Returns the prices in the
    /// solver's scaled units, or nil when an arc goes backwards or `known` is not one per node.
    func warmPrices(known: [Int64?]) -> [Int64]? {
        guard known.count == nodes else { return nil }
        let scale = Int64(nodes + 1)
        var first = [Int32](repeating: 0, count: nodes + 1)
        for a in 0..<head.count {
            guard tail[a] < head[a] else { return nil }
            first[Int(tail[a]) + 1] += 1
        }
        for v in 0..<nodes { first[v + 1] += first[v] }
        var fill = Array(first.dropLast())
        var out = [Int32](repeating: 0, count: head.count)
        for a in 0..<head.count {
            out[Int(fill[Int(tail[a])])] = Int32(a)
            fill[Int(tail[a])] += 1
        }
        var price = [Int64](repeating: 0, count: nodes)
        for v in stride(from: nodes - 1, through: 0, by: -1) {
            if let k = known[v] {
                price[v] = k * scale
                continue
            }
            var best = Int64.min
            for i in Int(first[v])..<Int(first[v + 1]) {
                let a = Int(out[i])
                best = max(best, price[Int(head[a])] - cost[a] * scale)
            }
            price[v] = best == Int64.min ? 0 : best
        }
        return price
    }

    /// Solves the min-cost flow.
    ///
    /// - Parameter deadline: when set, a solve still running then stops with `Failure.deadline`.
    /// - Returns: the flow, or why there is none.
    /// - Parameter warm: when set (and its prices are one per node), the solve starts from those prices at its ε.
    func solve(deadline: Date? = nil, warm: WarmStart? = nil) -> Result<Solution, Failure> {
        var core = GeneralCostScalingCore(self)
        return core.run(deadline: deadline, warm: warm?.prices.count == nodes ? warm : nil)
    }
}

/// The working state of one `GeneralCostScaling` solve.
private struct GeneralCostScalingCore {
    let n: Int
    let m: Int
    let scale: Int64
    /// CSR: the slots of node v are `start[v] ..< start[v + 1]`.
    var start: [Int32]
    var to: [Int32]
    var res: [Int32]
    /// The capacity of each slot's arc pair: `res[a] + res[partner[a]]` never changes, so the global update reads a
    /// reverse slot's residual as `pairCap[b] − res[b]` in slot order instead of at a random `partner[b]` (on a province
    /// day three quarters of its time were that load's cache misses).
    var pairCap: [Int32]
    var cost: [Int64]
    var partner: [Int32]
    /// The forward slot of each arc.
    var forward: [Int32]
    var origCost: [Int64]
    var excess: [Int64]
    var price: [Int64]
    var cur: [Int32]
    var work = 0
    var relabels = 0
    var failure: GeneralCostScaling.Failure?
    var scaledMax: Int64 = 1
    let dagOrder: Bool

    init(_ g: GeneralCostScaling) {
        n = g.nodes
        m = g.arcCount
        scale = Int64(n + 1)
        var deg = [Int32](repeating: 0, count: n + 1)
        var forwardOnly = true
        for a in 0..<m {
            deg[Int(g.tail[a])] += 1
            deg[Int(g.head[a])] += 1
            if g.tail[a] >= g.head[a] { forwardOnly = false }
        }
        dagOrder = forwardOnly
        var st = [Int32](repeating: 0, count: n + 1)
        for v in 0..<n { st[v + 1] = st[v] + deg[v] }
        start = st
        var fill = Array(st.dropLast())
        to = [Int32](repeating: 0, count: 2 * m)
        res = [Int32](repeating: 0, count: 2 * m)
        pairCap = [Int32](repeating: 0, count: 2 * m)
        cost = [Int64](repeating: 0, count: 2 * m)
        partner = [Int32](repeating: 0, count: 2 * m)
        forward = [Int32](repeating: 0, count: m)
        origCost = g.cost
        var maxAbs: Int64 = 1
        var overflow = false
        for a in 0..<m {
            let u = Int(g.tail[a])
            let v = Int(g.head[a])
            let f = Int(fill[u])
            fill[u] += 1
            let b = Int(fill[v])
            fill[v] += 1
            let (c, o) = g.cost[a].multipliedReportingOverflow(by: scale)
            if o || g.cost[a] == Int64.min { overflow = true }
            maxAbs = max(maxAbs, g.cost[a].magnitude > UInt64(Int64.max) ? Int64.max : abs(g.cost[a]))
            to[f] = Int32(v)
            res[f] = g.cap[a]
            pairCap[f] = g.cap[a]
            pairCap[b] = g.cap[a]
            cost[f] = o ? 0 : c
            partner[f] = Int32(b)
            to[b] = Int32(u)
            res[b] = 0
            cost[b] = o ? 0 : -c
            partner[b] = Int32(f)
            forward[a] = Int32(f)
        }
        let (sm, o) = maxAbs.multipliedReportingOverflow(by: scale)
        if overflow || o || sm > GeneralCostScaling.limit / 8 { failure = .overflow }
        scaledMax = sm
        excess = g.supply
        price = [Int64](repeating: 0, count: n)
        cur = Array(st.dropLast())
    }

    mutating func run(
        deadline: Date?, warm: GeneralCostScaling.WarmStart? = nil
    ) -> Result<GeneralCostScaling.Solution, GeneralCostScaling.Failure> {
        if let failure { return .failure(failure) }
        if excess.reduce(0, +) != 0 { return .failure(.infeasible) }
        var eps = max(1, scaledMax)
        if let warm {
            for v in 0..<n where warm.prices[v].magnitude > UInt64(GeneralCostScaling.limit / 2) {
                return .failure(.overflow)
            }
            price = warm.prices
            let (e, o) = max(1, warm.epsilon).multipliedReportingOverflow(by: scale)
            eps = max(1, min(eps, o ? eps : e))
        } else if dagOrder {
            // Shortest distances of the zero flow (every arc forward): every arc's reduced cost is ≥ 0.
            for u in 0..<n {
                for a in Int(start[u])..<Int(start[u + 1]) where res[a] > 0 {
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
        } while eps > 1
        var flow = [Int32](repeating: 0, count: m)
        var total: Int64 = 0
        for a in 0..<m {
            let f = Int(forward[a])
            let x = res[Int(partner[f])]
            flow[a] = x
            total &+= Int64(x) &* origCost[a]
        }
        return .success(GeneralCostScaling.Solution(flow: flow, cost: total, work: work, prices: price))
    }

    @inline(__always) func reduced(_ a: Int, _ v: Int) -> Int64 { cost[a] + price[v] - price[Int(to[a])] }

    /// One refinement: from a 2ε-optimal flow (any flow at the first), an ε-optimal flow meeting the supplies.
    mutating func refine(_ eps: Int64, deadline: Date?) {
        if let deadline, Date() >= deadline {
            failure = .deadline
            return
        }
        // Saturate every residual arc of negative reduced cost (then every residual arc is 0-optimal).
        for v in 0..<n {
            for a in Int(start[v])..<Int(start[v + 1]) where res[a] > 0 && reduced(a, v) < 0 {
                let w = Int(to[a])
                let x = Int64(res[a])
                res[Int(partner[a])] += res[a]
                res[a] = 0
                excess[v] -= x
                excess[w] += x
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

    /// Pushes v's excess along admissible arcs, relabelling when none is left.
    mutating func discharge(_ v: Int, _ eps: Int64, _ queue: inout [Int32], _ inQueue: inout [Bool]) {
        let s = Int(start[v])
        let end = Int(start[v + 1])
        while excess[v] > 0 {
            let from = Int(cur[v])
            var a = from
            let pv = price[v]
            // The relabel's maximum of `price(w) − cost` over residual arcs, gathered during the scan: an arc scanned
            // and not pushed on is inadmissible and still residual; one pushed on is saturated, or the scan stops with
            // no excess left (no relabel). So a relabel only looks again at the arcs before the current one.
            var best = Int64.min
            while a < end {
                if res[a] > 0 {
                    let w = Int(to[a])
                    let x = price[w] - cost[a]
                    if pv - x >= 0 {
                        if x > best { best = x }
                    } else {
                        let delta = min(excess[v], Int64(res[a]))
                        res[a] -= Int32(delta)
                        res[Int(partner[a])] += Int32(delta)
                        excess[v] -= delta
                        excess[w] += delta
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
    mutating func globalUpdate(_ eps: Int64) -> Bool {
        let inf = Int64.max
        var dist = [Int64](repeating: inf, count: n)
        var done = [Bool](repeating: false, count: n)
        var heap = MinHeap()
        var active = 0
        for v in 0..<n {
            if excess[v] < 0 {
                dist[v] = 0
                heap.push(0, Int32(v))
            } else if excess[v] > 0 {
                active += 1
            }
        }
        var last: Int64 = 0
        while active > 0, let (d, w32) = heap.pop() {
            let w = Int(w32)
            if done[w] || d > dist[w] { continue }
            done[w] = true
            last = d
            if excess[w] > 0 { active -= 1 }
            let pw = price[w]
            // Slot b is w → v; its partner is v → w, whose residual is `pairCap[b] − res[b]` and whose cost is
            // −cost[b]: both read in slot order.
            for b in Int(start[w])..<Int(start[w + 1]) {
                guard res[b] < pairCap[b] else { continue }
                let v = Int(to[b])
                if done[v] { continue }
                // The length is ⌊x / ε⌋. A node already reached (x ≥ 0) improves only when d + length < dist(v),
                // i.e. x < (dist(v) − d)·ε: tested by a multiplication first, so the division runs only for the arcs
                // that may update a distance (as the version 1 solver's update).
                let x = price[v] - cost[b] - pw + eps
                let dv = dist[v]
                if dv != inf && x >= 0 {
                    let k = dv - d
                    if k <= 0 { continue }
                    let (bound, o) = k.multipliedReportingOverflow(by: eps)
                    if !o && x >= bound { continue }
                }
                let nd = d + x / eps
                if nd < dv {
                    dist[v] = nd
                    heap.push(nd, Int32(v))
                }
            }
            work += Int(start[w + 1] - start[w])
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
