import Foundation

/// A `ResidualFlow` re-optimized after some arcs' capacities change, from an optimal flow and potentials that prove
/// it (the seat pair deals' many neighbouring deals, `SearchSeatPairDeals.swift`).
extension ResidualFlow {
    /// Re-optimizes a flow whose amount is free (the source and the sink joined at cost 0), optimal with potentials
    /// `pot` (reduced costs `cost + pot[u] − pot[v]` ≥ 0 on every residual arc, `pot[source] == pot[sink]`), after
    /// the capacities of `caps` change: flow above an arc's new capacity is taken back, an arc that now has room and
    /// gains is saturated, and each node's imbalance is then sent along a shortest path (Dijkstra on reduced costs,
    /// forward from a surplus, backward to a shortage) to the nearest node of the other sign or to the joined source
    /// and sink; the potentials are updated so that they prove the new flow optimal. Returns false when an imbalance
    /// cannot be sent (the flow is then not valid). `work` counts relaxations.
    mutating func reoptimize(
        _ pot: inout [Int64], caps: [(arc: Int, cap: Int32)], source: Int, sink: Int, work: inout Int
    ) -> Bool {
        @inline(__always) func id(_ v: Int) -> Int { v == sink ? source : v }
        var excess = [Int32](repeating: 0, count: nodes)
        for (a, newCap) in caps {
            let f = cap[a ^ 1]
            let u = id(Int(to[a ^ 1]))
            let v = id(Int(to[a]))
            if newCap < f {
                cap[a ^ 1] = newCap
                cap[a] = 0
                excess[u] += f - newCap
                excess[v] -= f - newCap
            } else {
                cap[a] = newCap - f
                if cap[a] > 0 && cost[a] + pot[u] - pot[v] < 0 {
                    let delta = cap[a]
                    cap[a ^ 1] += delta
                    cap[a] = 0
                    excess[v] += delta
                    excess[u] -= delta
                }
            }
        }
        excess[source] = 0
        let inf = Int64.max / 4
        var dist = [Int64](repeating: inf, count: nodes)
        var pred = [Int32](repeating: -1, count: nodes)
        var done = [Bool](repeating: false, count: nodes)
        var heap = MinHeap()
        var x = 0
        while x < nodes {
            guard x != source, x != sink, excess[x] != 0 else {
                x += 1
                continue
            }
            let forward = excess[x] > 0
            for v in 0..<nodes {
                dist[v] = inf
                pred[v] = -1
                done[v] = false
            }
            heap.removeAll()
            work += nodes
            dist[x] = 0
            heap.push(0, Int32(x))
            var target = -1
            while let (d, u32) = heap.pop() {
                let u = Int(u32)
                if done[u] || d > dist[u] { continue }
                done[u] = true
                if u != x && (u == source || (forward ? excess[u] < 0 : excess[u] > 0)) {
                    target = u
                    break
                }
                for list in u == source ? [source, sink] : [u] {
                    var b = Int(first[list])
                    while b >= 0 {
                        work += 1
                        // Forward: arc b out of u; backward: arc b ^ 1 into u.
                        let a = forward ? b : b ^ 1
                        let other = id(Int(to[b]))
                        if cap[a] > 0 && other != u && !done[other] {
                            let rc = forward ? cost[a] + pot[u] - pot[other] : cost[a] + pot[other] - pot[u]
                            let nd = d + max(0, rc)
                            if nd < dist[other] {
                                dist[other] = nd
                                pred[other] = Int32(a)
                                heap.push(nd, Int32(other))
                            }
                        }
                        b = Int(next[b])
                    }
                }
            }
            guard target >= 0 else { return false }
            let reach = dist[target]
            for v in 0..<nodes where v != sink {
                let step = min(dist[v], reach)
                pot[v] += forward ? step : -step
            }
            pot[sink] = pot[source]
            // One unit along the path (each arc has room for it).
            var v = target
            while v != x {
                let a = Int(pred[v])
                cap[a] -= 1
                cap[a ^ 1] += 1
                v = forward ? id(Int(to[a ^ 1])) : id(Int(to[a]))
            }
            excess[x] += forward ? -1 : 1
            if target != source { excess[target] += forward ? 1 : -1 }
        }
        return true
    }
}
