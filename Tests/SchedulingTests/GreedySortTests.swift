import Testing

@testable import Scheduling

/// The greedy start's order (`CostScalingSolver.sortByValueDescending`, issue 18): its radix sort skips the index
/// digits when the items come ascending, and relies on its passes being stable for the ties.
@Suite struct GreedySortTests {
    /// Values with many ties (a few distinct ones, as pair values of one priority are), up to `bits` bits.
    static func values(_ n: Int, bits: Int, distinct: Int, seed: UInt64) -> [Int64] {
        var g = SplitMix64(seed: seed)
        let levels = (0..<distinct).map { _ in Int64(1 + g.next() % ((UInt64(1) << UInt64(bits)) - 1)) }
        return (0..<n).map { _ in levels[Int(g.next() % UInt64(distinct))] }
    }

    /// Ascending items (the callers' case) and shuffled ones sort as the comparison sort: value descending, ties by
    /// the lower index.
    @Test(arguments: [(1, 2), (5, 3), (11, 40), (12, 7), (23, 100), (40, 1000), (44, 5)])
    func ordersLikeComparisonSort(_ bits: Int, _ distinct: Int) {
        for seed in UInt64(1)...4 {
            let n = 500 + Int(seed) * 1700
            let value = Self.values(n, bits: bits, distinct: distinct, seed: seed &* 977 &+ UInt64(bits))
            var g = SplitMix64(seed: seed)
            // Every third index left out (items need not be all indices), ascending.
            let ascending = (0..<n).filter { $0 % 3 != 1 }.map(Int32.init)
            let expected = ascending.sorted {
                value[Int($0)] > value[Int($1)] || (value[Int($0)] == value[Int($1)] && $0 < $1)
            }
            var items = ascending
            CostScalingSolver.sortByValueDescending(&items, below: n) { value[$0] }
            #expect(items == expected, "bits \(bits), distinct \(distinct), seed \(seed)")
            var shuffled = ascending
            shuffled.shuffle(using: &g)
            CostScalingSolver.sortByValueDescending(&shuffled, below: n) { value[$0] }
            #expect(shuffled == expected, "shuffled: bits \(bits), distinct \(distinct), seed \(seed)")
        }
    }

    /// Negative and mixed values (the large path's candidate values, `planLarge`) sort as the comparison sort too:
    /// the keys are the values less the least; a span too wide for the packed keys takes the comparison sort.
    @Test(arguments: [Int64(-5_000), -1, 0, Int64.min / 2])
    func negativeValuesOrderLikeComparisonSort(_ shift: Int64) {
        for seed in UInt64(1)...3 {
            let n = 3000
            var value = Self.values(n, bits: 20, distinct: 50, seed: seed).map { $0 + shift }
            if shift == Int64.min / 2 { value[7] = Int64.max / 2 }  // a span past 63 bits
            let items = (0..<n).map(Int32.init)
            let expected = items.sorted {
                value[Int($0)] > value[Int($1)] || (value[Int($0)] == value[Int($1)] && $0 < $1)
            }
            var sorted = items
            CostScalingSolver.sortByValueDescending(&sorted, below: n) { value[$0] }
            #expect(sorted == expected, "shift \(shift), seed \(seed)")
        }
    }

    /// Sorting by the bits from `from` up keeps keys equal there in their order (a stable sort by the high bits).
    @Test(arguments: [0, 3, 11, 17, 22])
    func sortsHighBitsStably(_ from: Int) {
        var g = SplitMix64(seed: UInt64(from) &+ 99)
        let bits = 34
        let keys = (0..<5000).map { _ in g.next() & ((1 << UInt64(bits)) - 1) & ~UInt64(0x3F0000) }
        let high = { (k: UInt64) in k >> UInt64(from) }
        let expected = keys.enumerated().sorted {
            high($0.element) > high($1.element) || (high($0.element) == high($1.element) && $0.offset < $1.offset)
        }.map(\.element)
        var sorted = keys
        CostScalingSolver.radixSortDescending(&sorted, bits: bits, from: from)
        #expect(sorted == expected)
    }

    /// The greedy start's request prices (λ = − the value of a filled request's weakest unit, times the scale) are
    /// those of a plain greedy over the arcs sorted by a comparison sort (value descending, ties by the lower index):
    /// random networks with many ties, values ≤ 0 and disabled arcs, closed requests, and groups of several rows;
    /// values small enough for packed keys and too wide for them.
    @Test func greedyPricesFollowTheComparisonOrder() {
        for seed in 0..<40 as Range<UInt64> {
            let requests = 2 + Int(seed % 7)
            // The last seeds' values span about 2^61: their keys would not fit in 64 bits with the arc index, so the
            // greedy takes the comparison sort instead.
            let huge = seed >= 36
            let step: Int64 = huge ? 1 << 58 : (seed % 2 == 0 ? 1 : 800_000)
            let net = FlowCostScalingTests.network(seed &+ 9_100, groups: 60, requests: requests) { rnd in
                var arcs: [(Int, Int64)] = []
                for _ in 0..<rnd(6) {
                    let level = Int64(rnd(9))
                    var v: Int64 = FlowNetwork.disabled
                    if rnd(10) != 0 { v = level * step - 2 }
                    arcs.append((rnd(requests), v))
                }
                return arcs
            }
            // Every fourth request closed (capacity 0), the others 1-5.
            var cap = [Int32](repeating: 0, count: requests)
            for q in 0..<requests where q % 4 != 3 { cap[q] = Int32(1 + (q + Int(seed)) % 5) }
            let qBase = net.nGroups + net.nRows
            let scale: Int64 = huge ? 1 : 5
            var price = [Int64](repeating: 7, count: qBase + requests + 1)
            price.withUnsafeMutableBufferPointer {
                CostScalingSolver(net).greedyPrices(cap: cap, scale: scale, into: $0)
            }
            // The reference: every row's group, the open arcs of positive value in the comparison order.
            var groupOf = [Int](repeating: 0, count: net.nRows)
            var rowOf = [Int](repeating: 0, count: net.arcReq.count)
            for g in 0..<net.nGroups {
                for r in Int(net.groupRowStart[g])..<Int(net.groupRowStart[g + 1]) {
                    groupOf[r] = g
                    for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) { rowOf[a] = r }
                }
            }
            let value = net.arcValue
            let open = (0..<net.arcReq.count).filter { a in
                value[a] != FlowNetwork.disabled && value[a] > 0 && cap[Int(net.arcReq[a])] > 0
            }
            let arcs = open.sorted { (x: Int, y: Int) -> Bool in
                value[x] > value[y] || (value[x] == value[y] && x < y)
            }
            var groupLeft = net.groupSupply
            var rowUsed = [Bool](repeating: false, count: net.nRows)
            var reqLeft = cap
            var weakest = [Int64](repeating: 0, count: requests)
            for a in arcs {
                let (r, q) = (rowOf[a], Int(net.arcReq[a]))
                guard !rowUsed[r], groupLeft[groupOf[r]] > 0, reqLeft[q] > 0 else { continue }
                rowUsed[r] = true
                groupLeft[groupOf[r]] -= 1
                reqLeft[q] -= 1
                weakest[q] = net.arcValue[a]
            }
            let expected: [Int64] = (0..<requests).map { q in
                let filled = cap[q] > 0 && reqLeft[q] == 0
                return filled ? -weakest[q] * scale : 0
            }
            #expect(Array(price[qBase..<(qBase + requests)]) == expected, "seed \(seed)")
            #expect(expected.contains { $0 < 0 }, "seed \(seed): some request filled")
        }
    }
}
