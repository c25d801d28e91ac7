import Testing

@testable import Scheduling

/// Heuristic arc fixing (`CostScalingSolver.heuristicFix`) against successive shortest paths on random networks with
/// many arcs per row: the same optimal value at every factor, a valid flow, a check that really sends arcs back (so a
/// solve without it would be wrong somewhere), and the same flow twice.
@Suite struct HeuristicArcFixingTests {
    /// A random dense network, its caps, forced minimums (on every fourth seed), bonus and release order; larger than
    /// `SparseCoreFlowTests.instance`'s, so the scaling runs several refinements with fixing between them.
    static func instance(_ seed: UInt64) -> (FlowNetwork, [Int32], [Int32], Int64, [Int32]) {
        SparseCoreFlowTests.instance(
            seed, groups: 12 + Int(seed % 37), requests: 6 + Int(seed % 14), salt: 991, caps: 5, forced: seed % 4 == 3)
    }

    /// A cost-scaling solver fixing arcs at `factor` (and, when `keep` is given, keeping each row's `keep` best arcs
    /// live), on networks of any size (`heuristicFixMinEdges` 0).
    static func fixingSolver(_ net: FlowNetwork, factor: Int64, keep: Int? = nil) -> CostScalingSolver {
        var solver = CostScalingSolver(net)
        solver.heuristicFix = factor
        if let keep { solver.rowKeep = keep }
        solver.heuristicFixMinEdges = 0
        return solver
    }

    /// What every fixing setting must give: a valid flow of its own value, and the value and forced units (the units
    /// up to each request's minimum) of successive shortest paths' optimum `ssp`.
    static func expectOptimal(
        _ net: FlowNetwork, _ sol: FlowSolution, like ssp: FlowSolution, cap: [Int32], minUnits: [Int32],
        _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        func forcedUnits(_ s: FlowSolution) -> Int32 {
            (0..<net.nReq).reduce(0) { $0 + min(s.reqCount[$1], minUnits[$1]) }
        }
        #expect(FlowCostScalingTests.check(net, sol, cap: cap) == sol.value, "\(label)", sourceLocation: sourceLocation)
        #expect(sol.value == ssp.value, "\(label)", sourceLocation: sourceLocation)
        #expect(forcedUnits(sol) == forcedUnits(ssp), "\(label)", sourceLocation: sourceLocation)
    }

    /// A bound that only skips reads (`boundFixedRanking`, `boundFixedCheck`) must give what the full read gives: the
    /// same flow, prices, fixed and rejoined counts, never more work, and the optimum of successive shortest paths.
    static func expectSameFixing(
        _ bounded: FlowSolution, _ full: FlowSolution, optimum ssp: FlowSolution, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(bounded.rowArc == full.rowArc, "\(label)", sourceLocation: sourceLocation)
        #expect(bounded.prices == full.prices, "\(label)", sourceLocation: sourceLocation)
        #expect(bounded.fixedArcs == full.fixedArcs, "\(label)", sourceLocation: sourceLocation)
        #expect(bounded.rejoinedArcs == full.rejoinedArcs, "\(label)", sourceLocation: sourceLocation)
        #expect(bounded.work <= full.work, "\(label)", sourceLocation: sourceLocation)
        #expect(bounded.value == ssp.value, "\(label)", sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<120)
    func sameOptimumAsShortestPaths(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = Self.instance(seed)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        for k: Int64 in [0, 2, 3, 5, 16, 256] {
            var solver = Self.fixingSolver(net, factor: k)
            let sol = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            Self.expectOptimal(net, sol, like: ssp, cap: cap, minUnits: minUnits, "seed \(seed) factor \(k)")
            if k <= 1 { #expect(sol.rejoinedArcs == 0) }
        }
    }

    /// A small factor fixes arcs the optimum needs on some networks: the check finds them and sends them back.
    @Test func checkSendsArcsBack() throws {
        var rejoined = 0
        var solvesWithRejoins = 0
        for seed in UInt64(0)..<120 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed)
            var solver = Self.fixingSolver(net, factor: 2)
            let sol = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            rejoined += sol.rejoinedArcs
            if sol.rejoinedArcs > 0 { solvesWithRejoins += 1 }
        }
        #expect(solvesWithRejoins >= 5)
        #expect(rejoined >= 10)
    }

    /// Below `heuristicFixMinEdges` (the default, 25,000 edges) only the theorem's fixing runs: the factor and the
    /// per-row fixing that send arcs back above do nothing on these small networks.
    @Test func smallNetworksOnlyTheTheorem() throws {
        var rejoined = 0
        for seed in UInt64(0)..<120 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed)
            var solver = CostScalingSolver(net)
            solver.heuristicFix = 2
            solver.rowKeep = 1
            let sol = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            var plain = CostScalingSolver(net)
            plain.heuristicFix = 0
            let reference = try #require(plain.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            rejoined += sol.rejoinedArcs
            #expect(sol.rowArc == reference.rowArc, "seed \(seed)")
            #expect(sol.work == reference.work, "seed \(seed)")
        }
        #expect(rejoined == 0)
    }

    /// Per-row fixing (`CostScalingSolver.rowKeep`) keeping each row's 1, 2, 3 or 24 best arcs (the networks' rows
    /// have at most 19, so rows this small are where it fixes anything), alone (factor 256 fixes little here) and with
    /// factor 2: the same value and forced units as successive shortest paths, and a valid flow.
    @Test(arguments: 0..<120)
    func perRowSameOptimumAsShortestPaths(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = Self.instance(seed)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        for (factor, keep) in [(256, 1), (256, 2), (256, 3), (256, 24), (2, 1), (2, 3)] as [(Int64, Int)] {
            var solver = Self.fixingSolver(net, factor: factor, keep: keep)
            let sol = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            Self.expectOptimal(
                net, sol, like: ssp, cap: cap, minUnits: minUnits, "seed \(seed) factor \(factor) keep \(keep)")
        }
    }

    /// Keeping one arc per row fixes arcs the optimum needs: at factor 256 (whose own fixing sends nothing back on
    /// these networks) the check finds violators on many networks and sends them back.
    @Test func perRowCheckSendsArcsBack() throws {
        var rejoinedByRows = 0
        var solvesWithRejoins = 0
        var rejoinedByFactor = 0
        for seed in UInt64(0)..<120 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed)
            var solver = Self.fixingSolver(net, factor: 256, keep: 0)
            let alone = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            rejoinedByFactor += alone.rejoinedArcs
            solver.rowKeep = 1
            let sol = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            rejoinedByRows += sol.rejoinedArcs
            if sol.rejoinedArcs > 0 { solvesWithRejoins += 1 }
        }
        #expect(rejoinedByFactor == 0)
        #expect(solvesWithRejoins >= 5)
        #expect(rejoinedByRows >= 10)
    }

    /// Per-row fixing with the fixed arcs' bound (`CostScalingSolver.boundFixedRanking`, which skips reading a row's
    /// fixed arcs when the bound proves none of them ranks) against reading them at every ranking: the same flow,
    /// prices, value and fixed and rejoined counts on every network, never more work, less work (a skipped read) on
    /// many, and the optimum of successive shortest paths.
    @Test(arguments: 0..<120)
    func boundedRankingFixesLikeTheFullOne(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = Self.instance(seed)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        for (factor, keep) in [(256, 1), (256, 2), (256, 3), (2, 1), (2, 2), (3, 3)] as [(Int64, Int)] {
            var solver = Self.fixingSolver(net, factor: factor, keep: keep)
            let bounded = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            solver.boundFixedRanking = false
            let full = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            Self.expectSameFixing(bounded, full, optimum: ssp, "seed \(seed) factor \(factor) keep \(keep)")
        }
    }

    /// The bound really skips reads: on many of the random networks the bounded ranking does less work than the full
    /// one (each skipped row saves its fixed slots' scan), so `boundedRankingFixesLikeTheFullOne` compares two
    /// different paths.
    @Test func boundedRankingSkipsReads() throws {
        var fewer = 0
        for seed in UInt64(0)..<120 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed)
            var solver = Self.fixingSolver(net, factor: 256, keep: 2)
            let bounded = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            solver.boundFixedRanking = false
            let full = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
            if bounded.work < full.work { fewer += 1 }
        }
        #expect(fewer >= 20)
    }

    /// The check's bound (`boundFixedCheck`, session wp21) changes only the work: on the random networks at per-row
    /// fixing (factors 256, 2, 3; keeping 1-3 arcs a row, where the check sends used and unused arcs back), the check
    /// that skips the rows `fixedLow` clears and looks at their used fixed arc alone gives the same flow, prices, fixed
    /// and rejoined counts as the check that scans every fixed slot, never more work, and the optimum of successive
    /// shortest paths.
    @Test(arguments: 0..<120)
    func boundedCheckRejoinsLikeTheFullScan(_ seed: UInt64) throws {
        let (net, cap, minUnits, bonus, order) = Self.instance(seed)
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        for (factor, keep) in [(256, 1), (256, 2), (256, 3), (2, 1), (2, 2), (3, 1), (3, 3)] as [(Int64, Int)] {
            for ranking in [true, false] {
                var solver = Self.fixingSolver(net, factor: factor, keep: keep)
                solver.boundFixedRanking = ranking
                let bounded = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
                solver.boundFixedCheck = false
                let full = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
                let label = "seed \(seed) factor \(factor) keep \(keep) ranking \(ranking)"
                Self.expectSameFixing(bounded, full, optimum: ssp, label)
            }
        }
    }

    /// The check's bound is exercised: it saves work on many networks, and among them are checks that send arcs back
    /// (so the used fixed arc looked at alone, and the rows it skips, matter to `boundedCheckRejoinsLikeTheFullScan`).
    @Test func boundedCheckSkipsScans() throws {
        var fewer = 0
        var fewerWithRejoins = 0
        for seed in UInt64(0)..<120 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed)
            for (factor, keep) in [(256, 2), (2, 1)] as [(Int64, Int)] {
                var solver = Self.fixingSolver(net, factor: factor, keep: keep)
                let bounded = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
                solver.boundFixedCheck = false
                let full = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
                if bounded.work < full.work {
                    fewer += 1
                    if full.rejoinedArcs > 0 { fewerWithRejoins += 1 }
                }
            }
        }
        #expect(fewer >= 20)
        #expect(fewerWithRejoins >= 5)
    }

    /// `CostScalingSolver.select` against sorting: random arrays with many repeated values, every rank.
    @Test func selectMatchesSorting() {
        var g = SplitMix64(seed: 19)
        for trial in 0..<300 {
            let count = 1 + Int(g.next() % 40)
            let spread = UInt64(1 + trial % 7 * 5)
            let xs = (0..<count).map { _ in Int64(g.next() % spread) - 3 }
            let sorted = xs.sorted()
            for rank in 0..<count {
                var copy = xs
                let x = copy.withUnsafeMutableBufferPointer {
                    CostScalingSolver.select($0, count: count, rank: rank)
                }
                #expect(x == sorted[rank], "trial \(trial) rank \(rank)")
                #expect(copy.sorted() == sorted)
            }
        }
    }

    @Test func deterministic() throws {
        for seed in UInt64(200)..<220 {
            let (net, cap, minUnits, bonus, order) = Self.instance(seed)
            for (k, keep) in [(2, 24), (256, 24), (256, 1), (2, 2)] as [(Int64, Int)] {
                var solver = CostScalingSolver(net)
                solver.heuristicFix = k
                solver.rowKeep = keep
                solver.heuristicFixMinEdges = 0
                let a = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
                let b = try #require(solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
                #expect(a.rowArc == b.rowArc)
                #expect(a.work == b.work)
                #expect(a.rejoinedArcs == b.rejoinedArcs)
            }
        }
    }
}
