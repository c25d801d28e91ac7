import Foundation

/// A general min-cost flow on a small graph, for the parts of version 2 that the assignment network of `FlowNetwork`
/// cannot say (van seats, the fair-share bonus, several jobs a day): successive shortest paths with Dijkstra on
/// reduced costs, augmenting while a path still gains (negative cost). Integer costs; deterministic (arcs scanned in
/// insertion order, ties broken by node index).
///
/// Nodes are numbered by the caller so that every arc goes from a lower to a higher node (a DAG before any flow),
/// which gives exact initial potentials in one pass.
struct ResidualFlow {
    var nodes: Int
    /// Arc `a` and its reverse `a ^ 1`.
    var to: [Int32] = []
    var cap: [Int32] = []
    var cost: [Int64] = []
    var first: [Int32]
    var next: [Int32] = []
    /// Relaxations done (the deterministic work measure).
    var work = 0

    init(nodes: Int) {
        self.nodes = nodes
        first = [Int32](repeating: -1, count: nodes)
    }

    /// Adds an arc `u → v` (u < v) with its capacity and cost; returns its index (the reverse is index + 1).
    @discardableResult
    mutating func add(_ u: Int, _ v: Int, cap c: Int32, cost w: Int64) -> Int {
        let a = to.count
        to.append(Int32(v))
        cap.append(c)
        cost.append(w)
        next.append(first[u])
        first[u] = Int32(a)
        to.append(Int32(u))
        cap.append(0)
        cost.append(-w)
        next.append(first[v])
        first[v] = Int32(a + 1)
        return a
    }

    /// Flow on the forward arc `a`.
    func flow(_ a: Int) -> Int32 { cap[a ^ 1] }

    /// Sends flow from `source` to `sink` along shortest paths while a path has negative cost (a gain); returns the
    /// total cost (≤ 0). Stops early (with a valid, possibly non-optimal flow) when `maxWork` relaxations are spent.
    mutating func minimize(source: Int, sink: Int, maxWork: Int = Int.max, deadline: Date? = nil)
        -> (cost: Int64, complete: Bool)
    {
        // Initial potentials: shortest distances in the DAG (arcs go from lower to higher nodes).
        let inf = Int64.max / 4
        var pot = [Int64](repeating: inf, count: nodes)
        pot[source] = 0
        for u in 0..<nodes where pot[u] < inf {
            var a = Int(first[u])
            while a >= 0 {
                if a & 1 == 0 && cap[a] > 0 {
                    let v = Int(to[a])
                    let nd = pot[u] + cost[a]
                    if nd < pot[v] { pot[v] = nd }
                }
                a = Int(next[a])
            }
        }
        for u in 0..<nodes where pot[u] >= inf { pot[u] = 0 }
        var total: Int64 = 0
        var dist = [Int64](repeating: inf, count: nodes)
        var predArc = [Int32](repeating: -1, count: nodes)
        var done = [Bool](repeating: false, count: nodes)
        var current = [Int32](repeating: -1, count: nodes)
        var dead = [Bool](repeating: false, count: nodes)
        var onPath = [Bool](repeating: false, count: nodes)
        var heap = MinHeap()
        var phases = 0
        while true {
            if work > maxWork { return (total, false) }
            phases += 1
            if phases % 32 == 0, let deadline, Date() >= deadline { return (total, false) }
            for i in 0..<nodes {
                dist[i] = inf
                predArc[i] = -1
                done[i] = false
            }
            dist[source] = 0
            heap.push(0, Int32(source))
            while let (d, u32) = heap.pop() {
                let u = Int(u32)
                if done[u] || d > dist[u] { continue }
                done[u] = true
                if u == sink { break }
                var a = Int(first[u])
                while a >= 0 {
                    if cap[a] > 0 {
                        work += 1
                        let v = Int(to[a])
                        let nd = d + cost[a] + pot[u] - pot[v]
                        if nd < dist[v] {
                            dist[v] = nd
                            predArc[v] = Int32(a)
                            heap.push(nd, Int32(v))
                        }
                    }
                    a = Int(next[a])
                }
            }
            guard dist[sink] < inf else { break }
            // Settled nodes move by their distance, the rest by the sink's (reduced costs stay >= 0).
            let ds = dist[sink]
            for u in 0..<nodes { pot[u] += done[u] ? dist[u] : ds }
            heap.removeAll()
            let pathCost = pot[sink] - pot[source]
            guard pathCost < 0 else { break }
            // Every shortest path now has reduced cost 0: push a blocking flow through the admissible arcs (reduced
            // cost 0, capacity left) by depth-first search with current-arc pointers, as in Dinic's algorithm.
            for u in 0..<nodes { current[u] = first[u] }
            var pushedAny = false
            while true {
                // Find one admissible path from the source.
                var stackNodes: [Int32] = [Int32(source)]
                onPath[source] = true
                var pathArcs: [Int32] = []
                var found = false
                while let u32 = stackNodes.last {
                    let u = Int(u32)
                    if u == sink {
                        found = true
                        break
                    }
                    var advanced = false
                    while current[u] >= 0 {
                        let a = Int(current[u])
                        work += 1
                        let v = Int(to[a])
                        if cap[a] > 0 && done[v] && cost[a] + pot[u] - pot[v] == 0 && !dead[v] && !onPath[v] {
                            onPath[v] = true
                            stackNodes.append(Int32(v))
                            pathArcs.append(Int32(a))
                            advanced = true
                            break
                        }
                        current[u] = next[a]
                    }
                    if !advanced {
                        dead[u] = true
                        onPath[u] = false
                        stackNodes.removeLast()
                        if let a = pathArcs.popLast() { current[Int(to[Int(a) ^ 1])] = next[Int(a)] }
                        if stackNodes.isEmpty { break }
                    }
                }
                for v in stackNodes { onPath[Int(v)] = false }
                guard found else { break }
                var push = Int32.max
                for a in pathArcs { push = min(push, cap[Int(a)]) }
                for a in pathArcs {
                    cap[Int(a)] -= push
                    cap[Int(a) ^ 1] += push
                }
                total += Int64(push) * pathCost
                pushedAny = true
            }
            for u in 0..<nodes { dead[u] = false }
            if !pushedAny { break }
        }
        return (total, true)
    }
}

/// A binary min-heap of (key, node), ties broken by node.
struct MinHeap {
    var keys: [Int64] = []
    var vals: [Int32] = []

    @inline(__always) func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && vals[i] < vals[j])
    }

    mutating func push(_ k: Int64, _ v: Int32) {
        keys.append(k)
        vals.append(v)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard less(i, p) else { break }
            keys.swapAt(i, p)
            vals.swapAt(i, p)
            i = p
        }
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        vals.removeAll(keepingCapacity: true)
    }

    mutating func pop() -> (Int64, Int32)? {
        guard !keys.isEmpty else { return nil }
        let top = (keys[0], vals[0])
        let last = keys.count - 1
        keys.swapAt(0, last)
        vals.swapAt(0, last)
        keys.removeLast()
        vals.removeLast()
        var i = 0
        let n = keys.count
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < n && less(l, m) { m = l }
            if r < n && less(r, m) { m = r }
            if m == i { break }
            keys.swapAt(i, m)
            vals.swapAt(i, m)
            i = m
        }
        return top
    }
}
