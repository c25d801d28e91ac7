import Foundation

/// The time cliques of the rows that may hold two jobs or more, for a Lagrangian bound on the flow relaxation.
///
/// The flow lets a row of capacity 2 take two jobs that overlap (a full-day job and a morning job): its bound is loose
/// (195 against 176 on `gen-v2-halfday-w150-r40-d1`). The jobs of one row that all contain one moment of the day form
/// a clique: at most one of them can be worked (`Σ x ≤ 1`). Each clique `C` gets a multiplier `μ_C ≥ 0` that is taken
/// off the value of its jobs and added back once: for every `μ ≥ 0` the flow's value plus `Σ μ` bounds the plans of
/// the node (the cliques hold in every plan), and the best `μ` gives the bound of the flow with every clique as a
/// constraint (180.8 there). The multipliers move by a projected Polyak subgradient step towards the incumbent.
struct BranchCliques {
    /// The candidates of each clique.
    var members: [[Int32]] = []
    /// The cliques of each candidate, by candidate (empty arrays for candidates in none).
    var of: [Int32: [Int32]] = [:]

    var isEmpty: Bool { members.isEmpty }

    /// The maximal time cliques of `candidates` (the candidates of one row): for each start time, the jobs running
    /// at that minute; cliques of one job, and those inside another, are left out.
    static func rowCliques(_ candidates: [Int32], start: (Int32) -> Int, end: (Int32) -> Int) -> [[Int32]] {
        guard candidates.count > 1 else { return [] }
        let times = Set(candidates.map(start)).sorted()
        var out: [[Int32]] = []
        for t in times {
            let c = candidates.filter { start($0) <= t && t < end($0) }.sorted()
            guard c.count > 1 else { continue }
            out.append(c)
        }
        // Keep the maximal ones (a clique inside another adds nothing), in a fixed order.
        var kept: [[Int32]] = []
        for (i, c) in out.enumerated() {
            let set = Set(c)
            let inside = out.enumerated().contains { j, d in
                j != i && d.count >= c.count && set.isSubset(of: Set(d)) && (d.count > c.count || j < i)
            }
            if !inside { kept.append(c) }
        }
        return kept
    }

    /// The penalties `Σ_{C ∋ c} μ_C` per candidate.
    func penalties(_ mu: [Int64]) -> [Int32: Int64] {
        var pen: [Int32: Int64] = [:]
        for (i, m) in mu.enumerated() where m != 0 { for c in members[i] { pen[c, default: 0] += m } }
        return pen
    }

    /// One projected Polyak step: `μ_C ← max(0, μ_C − t·(1 − Σ_{c∈C} x_c))` with `t = θ·gap / ‖g‖²`, where `x` are
    /// the candidates taken. Returns false when no multiplier can move (every clique holds with `μ_C (1 − Σx) = 0`).
    func step(_ mu: inout [Int64], taken: Set<Int32>, gap: Int64, theta: Double, cap: Int64) -> Bool {
        var g = [Int64](repeating: 0, count: members.count)
        var norm: Int64 = 0
        for (i, c) in members.enumerated() {
            var n: Int64 = 0
            for x in c where taken.contains(x) { n += 1 }
            let gi = 1 - n
            if gi > 0 && mu[i] == 0 { continue }
            g[i] = gi
            norm += gi * gi
        }
        guard norm > 0, gap > 0 else { return false }
        let t = theta * Double(gap) / Double(norm)
        var moved = false
        for i in 0..<members.count where g[i] != 0 {
            let move = min(max(t * Double(g[i]), -Double(cap)), Double(cap))
            let next = min(cap, max(0, mu[i] - Int64(move.rounded())))
            if next != mu[i] {
                mu[i] = next
                moved = true
            }
        }
        return moved
    }
}

extension BranchCliques {
    /// The maximal cliques (two members or more) of the conflict graph on `n` jobs, by Bron–Kerbosch with a pivot
    /// over bit sets, in a fixed order; nil when there are more than `limit` of them (then the caller falls back on
    /// the time cliques, which are cliques of conflicts too).
    static func conflictCliques(_ n: Int, limit: Int = 64, conflict: (Int, Int) -> Bool) -> [[Int]]? {
        guard n > 1 else { return [] }
        let words = (n + 63) / 64
        var adj = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n where conflict(i, j) {
                adj[i][j >> 6] |= 1 << UInt64(j & 63)
                adj[j][i >> 6] |= 1 << UInt64(i & 63)
            }
        }
        func members(_ s: [UInt64]) -> [Int] {
            var out: [Int] = []
            for w in 0..<words {
                var x = s[w]
                while x != 0 {
                    out.append(w * 64 + x.trailingZeroBitCount)
                    x &= x - 1
                }
            }
            return out
        }
        func count(_ a: [UInt64], _ b: [UInt64]) -> Int {
            var c = 0
            for w in 0..<words { c += (a[w] & b[w]).nonzeroBitCount }
            return c
        }
        var out: [[Int]] = []
        var overflow = false
        func expand(_ r: [Int], _ p0: [UInt64], _ x0: [UInt64]) {
            guard !overflow else { return }
            var p = p0
            var x = x0
            if !p.contains(where: { $0 != 0 }) {
                if !x.contains(where: { $0 != 0 }) && r.count > 1 {
                    out.append(r)
                    if out.count > limit { overflow = true }
                }
                return
            }
            // Pivot: the vertex of P ∪ X with most neighbours in P; branch on P less its neighbours.
            var pivot = -1
            var most = -1
            for u in members(zip(p, x).map { $0 | $1 }) {
                let c = count(adj[u], p)
                if c > most {
                    most = c
                    pivot = u
                }
            }
            for v in members(zip(p, adj[pivot]).map { $0 & ~$1 }) {
                expand(r + [v], zip(p, adj[v]).map { $0 & $1 }, zip(x, adj[v]).map { $0 & $1 })
                p[v >> 6] &= ~(1 << UInt64(v & 63))
                x[v >> 6] |= 1 << UInt64(v & 63)
            }
        }
        var all = [UInt64](repeating: 0, count: words)
        for i in 0..<n { all[i >> 6] |= 1 << UInt64(i & 63) }
        expand([], all, [UInt64](repeating: 0, count: words))
        return overflow ? nil : out.map { $0.sorted() }
    }
}

extension GeneralEngine {
    /// The conflict cliques of the rows of capacity 2 or more among `order` (the candidates a branch and bound
    /// decides): the maximal sets of a row's candidates of which no two can be worked together — they overlap, the
    /// break between them is shorter than the transfer, or their hours together pass the minutes the row has left
    /// (`fits`). A time clique (jobs that share a minute) lies inside one of them, so the bound is at least as tight
    /// as with the time cliques, and tighter where breaks and caps conflict: on `gen-v2-halfday-w150-r40-d1` the LP
    /// with every time clique is 180, with every conflict clique 176, the optimum (`scripts/dev/exact-v2.py --lp`).
    /// A row with more than 64 maximal cliques keeps its time cliques, and so does every row when `conflicts` is false.
    func cliques(of order: [Int32], conflicts: Bool = true) -> BranchCliques {
        var byRow: [Int32: [Int32]] = [:]
        for c in order {
            let key = Int(p.candWorker[Int(c)]) * nD + Int(p.reqDay[Int(candReq[Int(c)])])
            guard rowCap[key] >= 2 else { continue }
            byRow[Int32(key), default: []].append(c)
        }
        var out = BranchCliques()
        for key in byRow.keys.sorted() {
            let cs = byRow[key]!.sorted()
            let found =
                conflicts
                ? BranchCliques.conflictCliques(cs.count) { i, j in !fits(cs[j], row: Int(key), [cs[i]]) } : nil
            let rows =
                found?.map { $0.map { cs[$0] } }
                ?? BranchCliques.rowCliques(
                    cs, start: { inst.requests[Int(candReq[Int($0)])].startMinute },
                    end: { inst.requests[Int(candReq[Int($0)])].endMinute })
            for c in rows {
                for x in c { out.of[x, default: []].append(Int32(out.members.count)) }
                out.members.append(c)
            }
        }
        return out
    }
}

/// Subgradient steps at the root of a branch and bound, and at each other node (from its parent's multipliers).
let branchRootIterations = 30
let branchNodeIterations = 3
/// The same in a neighbourhood's branch and bound (many small ones: cheaper bounds).
let neighbourhoodRootIterations = 6
let neighbourhoodNodeIterations = 1

/// An open node of the branch and bound: the bound its parent proved, its changes and its parent's multipliers.
struct BranchNode {
    var bound: Int64
    var seq: Int
    var mods: GeneralMods
    var mu: [Int64]
}

/// The open nodes, best bound first; among equal bounds the newest (a depth-first dive).
struct BranchQueue {
    private var heap: [BranchNode] = []

    var isEmpty: Bool { heap.isEmpty }

    /// The best bound among the open nodes (the heap's top), nil when none is open.
    var maxBound: Int64? { heap.first?.bound }

    @inline(__always) private func before(_ a: BranchNode, _ b: BranchNode) -> Bool {
        (a.bound, a.seq) > (b.bound, b.seq)
    }

    mutating func push(_ n: BranchNode) {
        heap.append(n)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard before(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> BranchNode? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < heap.count && before(heap[l], heap[m]) { m = l }
            if r < heap.count && before(heap[r], heap[m]) { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return top
    }
}
