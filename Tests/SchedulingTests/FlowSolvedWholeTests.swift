import Testing

@testable import Scheduling

/// `CostScalingSolver.solve`'s `solvedWhole` and `whole:`: the headcount branch and bound's forced child keeps its
/// parent's caps and skips the component search when the parent's solve found one component.
@Suite struct FlowSolvedWholeTests {
    /// A random network, or two side by side (then usually several components).
    static func network(_ seed: UInt64, twoParts: Bool) -> FlowNetwork {
        let a = FlowCostScalingTests.randomNetwork(
            seed &+ 11_000, groups: 3 + Int(seed % 6), requests: 3, bigValues: true)
        guard twoParts else { return a }
        let b = FlowCostScalingTests.randomNetwork(seed &+ 13_000, groups: 4, requests: 3, bigValues: true)
        return FlowCostScalingTests.sideBySide(a, b)
    }

    /// No minimum headcounts, a bonus above every arc value, the groups in order, and the solver of `net`.
    static func setUp(_ net: FlowNetwork) -> (zeros: [Int32], bonus: Int64, order: [Int32], cs: CostScalingSolver) {
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        return (
            [Int32](repeating: 0, count: net.nReq), maxValue * Int64(net.nRows + 2), (0..<net.nGroups).map(Int32.init),
            CostScalingSolver(net)
        )
    }

    /// `solvedWhole` is set exactly when the component search finds at most one component; a warm forced child
    /// solved with `whole: true` then returns the flow the full path returns, of the optimal value (successive
    /// shortest paths).
    @Test(arguments: 0..<60)
    func forcedChildSkipsTheComponents(_ seed: UInt64) throws {
        let net = Self.network(seed, twoParts: seed % 2 == 1)
        var g = SplitMix64(seed: seed &+ 3000)
        let cap = (0..<net.nReq).map { _ in Int32(1 + g.next() % 3) }
        let (zeros, bonus, order, cs) = Self.setUp(net)
        let parent = try #require(cs.solve(cap: cap, minUnits: zeros, bonus: bonus, order: order))
        #expect(parent.solvedWhole == (cs.components(cap: cap).count <= 1))
        var minUnits = zeros
        minUnits[Int(g.next() % UInt64(net.nReq))] = Int32(1 + g.next() % 3)
        let full = try #require(cs.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: parent))
        #expect(full.solvedWhole == parent.solvedWhole)
        guard parent.solvedWhole else { return }
        let skipped = try #require(
            cs.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: parent, whole: true))
        _ = FlowCostScalingTests.check(net, skipped, cap: cap)
        #expect(skipped.rowArc == full.rowArc)
        #expect(skipped.value == full.value)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        func forcedUnits(_ s: FlowSolution) -> Int32 {
            (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
        }
        #expect(forcedUnits(skipped) == forcedUnits(ssp))
        #expect(skipped.value == ssp.value)
    }

    /// A closed child of a parent solved whole skips the component search too, though closing a request may split
    /// the network: `whole: true` on a network of several components (two side by side), cold and warm from a parent
    /// with one more open request, gives the optimal value and forced units of successive shortest paths.
    @Test(arguments: 0..<40)
    func splitNetworkSolvedWholeIsExact(_ seed: UInt64) throws {
        let net = Self.network(seed, twoParts: true)
        var g = SplitMix64(seed: seed &+ 5000)
        var cap = (0..<net.nReq).map { _ in Int32(1 + g.next() % 3) }
        let (zeros, bonus, order, cs) = Self.setUp(net)
        let parent = try #require(cs.solve(cap: cap, minUnits: zeros, bonus: bonus, order: order, whole: true))
        cap[Int(g.next() % UInt64(net.nReq))] = 0
        var minUnits = zeros
        minUnits[Int(g.next() % UInt64(net.nReq))] = Int32(g.next() % 3)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        func forcedUnits(_ s: FlowSolution) -> Int32 {
            (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
        }
        for warm in [nil, parent] {
            let s = try #require(
                cs.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: warm, whole: true))
            _ = FlowCostScalingTests.check(net, s, cap: cap)
            #expect(s.value == ssp.value)
            #expect(forcedUnits(s) == forcedUnits(ssp))
        }
    }

    /// Both kinds of network occur among the seeds (the test above checks both paths).
    @Test func bothPathsTaken() throws {
        var whole = 0
        var split = 0
        for seed in UInt64(0)..<60 {
            let net = Self.network(seed, twoParts: seed % 2 == 1)
            let cap = [Int32](repeating: 2, count: net.nReq)
            if CostScalingSolver(net).components(cap: cap).count <= 1 { whole += 1 } else { split += 1 }
        }
        #expect(whole >= 10)
        #expect(split >= 10)
    }

    /// The component search (a union-find that skips requests already below the group's root) finds the sets a
    /// breadth-first search over the open arcs finds: each component's groups and requests ascending, components in the
    /// order of their first group, unlinked groups and requests left out. Several networks side by side, closed
    /// requests, disabled arcs.
    @Test(arguments: 0..<40)
    func componentsAreTheLinkedSets(_ seed: UInt64) {
        var net = Self.network(seed, twoParts: true)
        for extra in 0..<Int(seed % 3) {
            net = FlowCostScalingTests.sideBySide(net, Self.network(seed &+ 500 &+ UInt64(extra), twoParts: false))
        }
        var g = SplitMix64(seed: seed &+ 7_000)
        let cap = (0..<net.nReq).map { _ in Int32(g.next() % 4 == 0 ? 0 : 1 + g.next() % 3) }
        let nG = net.nGroups
        // Neighbours of each node: groups 0..<nG, then requests nG..<(nG + nReq).
        var next = [[Int]](repeating: [], count: nG + net.nReq)
        for grp in 0..<nG {
            for r in Int(net.groupRowStart[grp])..<Int(net.groupRowStart[grp + 1]) {
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                    let q = Int(net.arcReq[a])
                    guard net.arcValue[a] != FlowNetwork.disabled, cap[q] > 0 else { continue }
                    next[grp].append(nG + q)
                    next[nG + q].append(grp)
                }
            }
        }
        var seen = [Bool](repeating: false, count: nG + net.nReq)
        var expected: [([Int32], [Int32])] = []
        for start in 0..<nG where !seen[start] && !next[start].isEmpty {
            var queue = [start]
            seen[start] = true
            var i = 0
            while i < queue.count {
                for y in next[queue[i]] where !seen[y] {
                    seen[y] = true
                    queue.append(y)
                }
                i += 1
            }
            let groups = queue.filter { $0 < nG }.sorted().map(Int32.init)
            let requests = queue.filter { $0 >= nG }.map { Int32($0 - nG) }.sorted()
            expected.append((groups, requests))
        }
        let found = CostScalingSolver(net).components(cap: cap)
        #expect(found.count == expected.count, "seed \(seed)")
        for (part, want) in zip(found, expected) {
            #expect(part.groups == want.0, "seed \(seed)")
            #expect(part.requests == want.1, "seed \(seed)")
        }
    }
}
