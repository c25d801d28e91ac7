import Testing

@testable import Scheduling

/// Cost scaling against successive shortest paths on random small networks: the same optimal value.
@Suite struct FlowCostScalingTests {
    /// A random network: groups with 1-3 rows and supply 1-3, rows with 0-4 arcs to requests, some disabled arcs.
    static func randomNetwork(_ seed: UInt64, groups: Int, requests: Int, bigValues: Bool) -> FlowNetwork {
        network(seed, groups: groups, requests: requests) { rnd in
            (0..<rnd(5)).map { _ in
                let q = rnd(requests)
                let base = bigValues ? Int64(1 + rnd(10)) * 1_000_000 : 0
                return (q, rnd(12) == 0 ? FlowNetwork.disabled : base + Int64(rnd(400)) - 100)
            }
        }
    }

    /// The shape of the tests' random networks: `groups` groups of 1-3 rows (one day), each row's arcs (request,
    /// value) drawn by `arcs` from the same generator, each group's supply 1 to its row count.
    static func network(
        _ seed: UInt64, groups: Int, requests: Int, arcs: (_ rnd: (Int) -> Int) -> [(Int, Int64)]
    ) -> FlowNetwork {
        var g = SplitMix64(seed: seed)
        func rnd(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        var net = FlowNetwork()
        net.nReq = requests
        for _ in 0..<groups {
            let rows = 1 + rnd(3)
            for _ in 0..<rows {
                net.rowWorker.append(Int32(net.groupSupply.count))
                net.rowDay.append(0)
                for (q, v) in arcs(rnd) {
                    net.arcReq.append(Int32(q))
                    net.arcValue.append(v)
                    net.arcCand.append(Int32(net.arcCand.count))
                }
                net.rowArcStart.append(Int32(net.arcReq.count))
            }
            net.groupSupply.append(Int32(1 + rnd(rows)))
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        return net
    }

    /// Checks capacities and supplies of a solution and recomputes its value.
    static func check(_ net: FlowNetwork, _ sol: FlowSolution, cap: [Int32]) -> Int64 {
        var count = [Int32](repeating: 0, count: net.nReq)
        var value: Int64 = 0
        for grp in 0..<net.nGroups {
            var used: Int32 = 0
            for r in Int(net.groupRowStart[grp])..<Int(net.groupRowStart[grp + 1]) where sol.rowArc[r] >= 0 {
                let a = Int(sol.rowArc[r])
                #expect(a >= Int(net.rowArcStart[r]) && a < Int(net.rowArcStart[r + 1]))
                #expect(net.arcValue[a] != FlowNetwork.disabled)
                used += 1
                count[Int(net.arcReq[a])] += 1
                value += net.arcValue[a]
            }
            #expect(used <= net.groupSupply[grp])
        }
        for q in 0..<net.nReq { #expect(count[q] <= max(0, cap[q])) }
        #expect(count == sol.reqCount)
        #expect(value == sol.value)
        return value
    }

    @Test(arguments: 0..<60)
    func sameOptimumAsShortestPaths(_ seed: UInt64) throws {
        let requests = 1 + Int(seed % 7)
        let net = Self.randomNetwork(seed, groups: 2 + Int(seed % 9), requests: requests, bigValues: seed % 2 == 0)
        var g = SplitMix64(seed: seed &+ 1000)
        let cap = (0..<requests).map { _ in Int32(g.next() % 4) }
        let minUnits = (0..<requests).map { _ in g.next() % 3 == 0 ? Int32(1 + g.next() % 3) : 0 }
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2)
        let order = (0..<net.nGroups).map(Int32.init)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        let cs = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
        _ = Self.check(net, ssp, cap: cap)
        _ = Self.check(net, cs, cap: cap)
        // Same objective including forced units: equal forced counts, equal value.
        func forcedUnits(_ s: FlowSolution) -> Int32 {
            (0..<requests).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
        }
        #expect(forcedUnits(ssp) == forcedUnits(cs))
        #expect(ssp.value == cs.value)
    }

    /// A warm start from the solution under other caps and minimums (as in branch and bound) reaches the same optimum.
    @Test(arguments: 0..<40)
    func warmStartSameOptimum(_ seed: UInt64) throws {
        let requests = 2 + Int(seed % 6)
        let net = Self.randomNetwork(
            seed &+ 500, groups: 3 + Int(seed % 8), requests: requests, bigValues: seed % 2 == 1)
        var g = SplitMix64(seed: seed &+ 2000)
        let cap0 = (0..<requests).map { _ in Int32(1 + g.next() % 3) }
        var cap1 = cap0
        var min1 = [Int32](repeating: 0, count: requests)
        for q in 0..<requests {
            switch g.next() % 4 {
            case 0: cap1[q] = 0
            case 1: min1[q] = Int32(1 + g.next() % 3)
            default: break
            }
        }
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2)
        let order = (0..<net.nGroups).map(Int32.init)
        let zeros = [Int32](repeating: 0, count: requests)
        let cs = CostScalingSolver(net)
        let parent = try #require(cs.solve(cap: cap0, minUnits: zeros, bonus: bonus, order: order))
        let child = try #require(cs.solve(cap: cap1, minUnits: min1, bonus: bonus, order: order, warm: parent))
        let ssp = FlowSolver(net).solve(cap: cap1, minUnits: min1, bonus: bonus, order: order)
        _ = Self.check(net, child, cap: cap1)
        func forcedUnits(_ s: FlowSolution) -> Int32 { (0..<requests).reduce(0) { $0 + min(s.reqCount[$1], min1[$1]) } }
        #expect(forcedUnits(ssp) == forcedUnits(child))
        #expect(ssp.value == child.value)
    }

    /// Networks `a` and `b` side by side (b's groups, rows, arcs and requests numbered after a's): no arc joins
    /// them, so the result has several components.
    static func sideBySide(_ a: FlowNetwork, _ b: FlowNetwork) -> FlowNetwork {
        var net = a
        net.nReq = a.nReq + b.nReq
        let rowBase = Int32(a.nRows)
        let arcBase = Int32(a.arcReq.count)
        net.groupSupply += b.groupSupply
        net.groupRowStart += b.groupRowStart.dropFirst().map { $0 + rowBase }
        net.rowWorker += b.rowWorker
        net.rowDay += b.rowDay
        net.rowArcStart += b.rowArcStart.dropFirst().map { $0 + arcBase }
        net.arcReq += b.arcReq.map { $0 + Int32(a.nReq) }
        net.arcValue += b.arcValue
        net.arcCand += b.arcCand.map { $0 + arcBase }
        return net
    }

    /// Two networks side by side: several components, each solved on its own; the same optimum as one SSP.
    @Test(arguments: 0..<20)
    func componentsSolvedApart(_ seed: UInt64) throws {
        let net = Self.sideBySide(
            Self.randomNetwork(seed &+ 7000, groups: 4, requests: 3, bigValues: true),
            Self.randomNetwork(seed &+ 9000, groups: 5, requests: 4, bigValues: true))
        let cap: [Int32] = [2, 1, 3, 2, 0, 1, 2]
        let minUnits: [Int32] = [0, 0, 2, 0, 0, 0, 2]
        let cs = CostScalingSolver(net)
        #expect(cs.components(cap: cap).count >= 2)
        let order = (0..<net.nGroups).map(Int32.init)
        let bonus: Int64 = 1 << 40
        let sol = try #require(cs.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        _ = Self.check(net, sol, cap: cap)
        #expect(sol.value == ssp.value)
        // A warm start through the components (close one request, force another).
        var cap2 = cap
        cap2[0] = 0
        var min2 = minUnits
        min2[3] = 2
        let warm = try #require(cs.solve(cap: cap2, minUnits: min2, bonus: bonus, order: order, warm: sol))
        let ssp2 = FlowSolver(net).solve(cap: cap2, minUnits: min2, bonus: bonus, order: order)
        _ = Self.check(net, warm, cap: cap2)
        #expect(warm.value == ssp2.value)
    }

    /// Arc fixing keeps the optimum: larger random networks solved with and without it (and by successive shortest
    /// paths) have the same value and forced units, and fixing does happen on them (else this would prove nothing).
    @Test func arcFixingKeepsTheOptimum() throws {
        var fixedTotal = 0
        for seed in 0..<40 as Range<UInt64> {
            let requests = 4 + Int(seed % 12)
            let net = Self.randomNetwork(
                seed &+ 31_000, groups: 20 + Int(seed % 40), requests: requests, bigValues: seed % 4 != 3)
            var g = SplitMix64(seed: seed &+ 4000)
            let cap = (0..<requests).map { _ in Int32(g.next() % 6) }
            let minUnits = (0..<requests).map { _ in g.next() % 4 == 0 ? Int32(1 + g.next() % 3) : 0 }
            var maxValue: Int64 = 1
            for v in net.arcValue where v > maxValue { maxValue = v }
            let bonus = maxValue * Int64(net.nRows + 2)
            let order = (0..<net.nGroups).map(Int32.init)
            let fixed = try #require(
                CostScalingSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            let unfixed = try #require(
                CostScalingSolver(net, arcFixing: false).solve(
                    cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
            _ = Self.check(net, fixed, cap: cap)
            func forcedUnits(_ s: FlowSolution) -> Int32 {
                (0..<requests).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
            }
            #expect(unfixed.fixedArcs == 0)
            #expect(fixed.value == unfixed.value, "seed \(seed)")
            #expect(fixed.value == ssp.value, "seed \(seed)")
            #expect(forcedUnits(fixed) == forcedUnits(ssp), "seed \(seed)")
            fixedTotal += fixed.fixedArcs
        }
        #expect(fixedTotal > 100)
    }

    /// The greedy start keeps the optimum: random networks (weekly groups, big and small values, no forced
    /// minimums, which is when it runs) solved from the greedy prices, from the old start and by successive shortest
    /// paths have the same value.
    @Test func greedyStartKeepsTheOptimum() throws {
        for seed in 0..<60 as Range<UInt64> {
            let requests = 2 + Int(seed % 12)
            let net = Self.randomNetwork(
                seed &+ 52_000, groups: 10 + Int(seed % 50), requests: requests, bigValues: seed % 3 != 2)
            var g = SplitMix64(seed: seed &+ 7000)
            let cap = (0..<requests).map { _ in Int32(g.next() % 6) }
            let noMin = [Int32](repeating: 0, count: requests)
            let order = (0..<net.nGroups).map(Int32.init)
            let greedy = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: noMin, bonus: 1, order: order))
            let plain = try #require(
                CostScalingSolver(net, greedyStart: false).solve(cap: cap, minUnits: noMin, bonus: 1, order: order))
            let ssp = FlowSolver(net).solve(cap: cap, minUnits: noMin, bonus: 1, order: order)
            #expect(Self.check(net, greedy, cap: cap) == ssp.value, "seed \(seed)")
            #expect(plain.value == ssp.value, "seed \(seed)")
        }
    }

    /// The radix sort of the greedy start orders like `sort(by: >)`: random distinct keys of 1 to 64 bits.
    @Test(arguments: [1, 5, 11, 12, 23, 40, 63, 64])
    func radixSortOrdersLikeSort(_ bits: Int) {
        var g = SplitMix64(seed: UInt64(bits))
        let mask: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        var keys = Array(Set((0..<3000).map { _ in g.next() & mask })).sorted()
        keys.shuffle(using: &g)
        let expected = keys.sorted(by: >)
        CostScalingSolver.radixSortDescending(&keys, bits: bits)
        #expect(keys == expected)
        var none: [UInt64] = []
        CostScalingSolver.radixSortDescending(&none, bits: bits)
        #expect(none.isEmpty)
    }

    /// A network without a single arc (a day nobody can work) solves to nothing, from the greedy start too.
    @Test func greedyStartWithoutArcs() throws {
        var net = FlowNetwork()
        net.nReq = 2
        for _ in 0..<3 {
            net.rowWorker.append(Int32(net.groupSupply.count))
            net.rowDay.append(0)
            net.rowArcStart.append(0)
            net.groupSupply.append(1)
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        let sol = try #require(
            CostScalingSolver(net).solve(cap: [1, 2], minUnits: [0, 0], bonus: 1, order: [0, 1, 2]))
        #expect(sol.value == 0)
        #expect(sol.rowArc == [-1, -1, -1])
    }

    /// The greedy prices are dual feasible at the zero flow: every open row → request arc has reduced cost ≥ 0 (a row's
    /// price covers its profit on every arc), every row's price is ≥ 0, and a request the greedy filled is priced
    /// below the sink by the value of a unit it got.
    @Test func greedyPricesCoverEveryArc() {
        for seed in 0..<20 as Range<UInt64> {
            let requests = 3 + Int(seed % 5)
            let net = Self.randomNetwork(seed &+ 61_000, groups: 30, requests: requests, bigValues: seed % 2 == 0)
            let cap = (0..<requests).map { Int32(1 + $0 % 3) }
            let nG = net.nGroups
            let qBase = nG + net.nRows
            let scale: Int64 = 7
            var price = [Int64](repeating: -1, count: qBase + requests + 1)
            price.withUnsafeMutableBufferPointer {
                CostScalingSolver(net).greedyPrices(cap: cap, scale: scale, into: $0)
            }
            #expect(price[qBase + requests] == 0)
            var filledSomewhere = false
            for r in 0..<net.nRows {
                #expect(price[nG + r] >= 0)
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1])
                where net.arcValue[a] != FlowNetwork.disabled {
                    let q = Int(net.arcReq[a])
                    #expect(-net.arcValue[a] * scale + price[nG + r] - price[qBase + q] >= 0, "seed \(seed) arc \(a)")
                }
            }
            for q in 0..<requests where price[qBase + q] < 0 { filledSomewhere = true }
            #expect(filledSomewhere, "seed \(seed)")
        }
    }

    /// `DistanceBuckets` (the global update's queue) pops like a binary heap: interleaved monotone pushes and pops,
    /// distances below and past the buckets (the overflow heap), ties, and a reuse after `removeAll` mid-way.
    @Test(arguments: [1, 3, 16, 64])
    func distanceBucketsPopInOrder(_ bucketCount: Int) throws {
        var g = SplitMix64(seed: UInt64(bucketCount))
        var buckets = DistanceBuckets(bucketCount: bucketCount)
        for round in 0..<3 {
            var reference: [(Int64, Int32)] = []
            var last: Int64 = 0
            for step in 0..<2000 {
                if g.next() % 3 != 0 || reference.isEmpty {
                    // Monotone: at least the last popped distance; some far past the buckets.
                    let d = last + Int64(g.next() % 4 == 0 ? g.next() % 1000 : g.next() % 5)
                    buckets.push(d, Int32(step))
                    reference.append((d, Int32(step)))
                } else {
                    let popped = buckets.pop()
                    let (d, node) = try #require(popped)
                    let least = try #require(reference.map(\.0).min())
                    #expect(d == least, "buckets \(bucketCount) round \(round) step \(step)")
                    let i = try #require(reference.firstIndex { $0.0 == d && $0.1 == node })
                    reference.remove(at: i)
                    last = d
                }
                // Stop half-way through on the middle round (the global update's early stop), then reuse.
                if round == 1 && step == 1000 { break }
            }
            if round != 1 {
                while let (d, node) = buckets.pop() {
                    let least = try #require(reference.map(\.0).min())
                    #expect(d == least)
                    let i = try #require(reference.firstIndex { $0.0 == d && $0.1 == node })
                    reference.remove(at: i)
                }
                #expect(reference.isEmpty)
            }
            buckets.removeAll()
            let after = buckets.pop()
            #expect(after == nil)
        }
    }

    /// Dijkstra with `DistanceBuckets` and with `NodeHeap` on random graphs (lengths 0-40, a few of thousands, many
    /// sources at distance 0, as the global update's deficits): the same distances.
    @Test(arguments: 0..<20)
    func bucketsDijkstraMatchesHeap(_ seed: UInt64) {
        var g = SplitMix64(seed: seed &+ 31)
        let n = 20 + Int(g.next() % 200)
        var arcs = [[(Int, Int64)]](repeating: [], count: n)
        for v in 0..<n {
            for _ in 0..<Int(g.next() % 6) {
                let len = g.next() % 10 == 0 ? Int64(g.next() % 5000) : Int64(g.next() % 41)
                arcs[v].append((Int(g.next() % UInt64(n)), len))
            }
        }
        let sources = (0..<n).filter { _ in g.next() % 9 == 0 }
        func dijkstra(push: (Int64, Int32) -> Void, pop: () -> (Int64, Int32)?) -> [Int64] {
            var dist = [Int64](repeating: -1, count: n)
            var done = [Bool](repeating: false, count: n)
            for s in sources {
                dist[s] = 0
                push(0, Int32(s))
            }
            while let (d, v32) = pop() {
                let v = Int(v32)
                if done[v] || d != dist[v] { continue }
                done[v] = true
                for (w, len) in arcs[v] where !done[w] && (dist[w] < 0 || d + len < dist[w]) {
                    dist[w] = d + len
                    push(d + len, Int32(w))
                }
            }
            return dist
        }
        var heap = NodeHeap()
        let byHeap = dijkstra(push: { heap.push($0, $1) }, pop: { heap.pop() })
        var buckets = DistanceBuckets(bucketCount: n)
        let byBuckets = dijkstra(push: { buckets.push($0, $1) }, pop: { buckets.pop() })
        #expect(byHeap == byBuckets, "seed \(seed)")
    }

    /// Cost scaling with the global update's buckets (`bucketMinEdges` 0) on random networks of many arcs per row,
    /// values far apart on a third (distances past the buckets: the overflow heap runs too), against successive
    /// shortest paths; and the same flow and prices as with the binary heap.
    @Test(arguments: 0..<30)
    func wideDistancesSameOptimum(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = SparseCoreFlowTests.instance(
            seed, groups: 10 + Int(seed % 20), requests: 4 + Int(seed % 11), salt: 4242, caps: 5, forced: seed % 3 == 0)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        var solver = CostScalingSolver(net)
        solver.bucketMinEdges = 0
        let cs = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
        _ = Self.check(net, cs, cap: cap)
        #expect(cs.value == ssp.value, "seed \(seed)")
        // The heap gives the same flow and prices (the same distances in every global update).
        var withHeap = CostScalingSolver(net)
        withHeap.bucketMinEdges = Int.max
        let byHeap = try #require(withHeap.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
        #expect(byHeap.rowArc == cs.rowArc && byHeap.prices == cs.prices, "seed \(seed)")
        #expect(
            (0..<net.nReq).reduce(0) { $0 + min(cs.reqCount[$1], minUnits[$1]) }
                == (0..<net.nReq).reduce(0) { $0 + min(ssp.reqCount[$1], minUnits[$1]) })
    }

    @Test func oversizedCostsFallBack() {
        var net = Self.randomNetwork(3, groups: 4, requests: 2, bigValues: false)
        for a in 0..<net.arcValue.count where net.arcValue[a] != FlowNetwork.disabled {
            net.arcValue[a] = Int64.max / 16
        }
        let order = (0..<net.nGroups).map(Int32.init)
        #expect(CostScalingSolver(net).solve(cap: [2, 2], minUnits: [0, 0], bonus: 1, order: order) == nil)
    }

    @Test func deterministic() throws {
        let net = Self.randomNetwork(99, groups: 30, requests: 6, bigValues: true)
        let order = (0..<net.nGroups).map(Int32.init).reversed().map { $0 }
        let cap: [Int32] = [3, 3, 3, 3, 3, 3]
        let a = try #require(
            CostScalingSolver(net).solve(cap: cap, minUnits: cap.map { _ in 0 }, bonus: 1, order: order))
        let b = try #require(
            CostScalingSolver(net).solve(cap: cap, minUnits: cap.map { _ in 0 }, bonus: 1, order: order))
        #expect(a.rowArc == b.rowArc)
    }
}
