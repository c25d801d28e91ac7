import Testing

@testable import Scheduling

/// The flow by geographic parts, then the whole network warm (`SplitFlow`), against successive shortest paths and
/// cost scaling on the whole network: on random networks of clusters (requests around a few centres, rows reaching
/// mostly their own cluster and some the next one), the same optimum value, a valid flow, determinism.
@Suite struct SplitFlowTests {
    /// A network of `clusters` clusters of requests (positions around centres 0.3° apart) and rows whose arcs go
    /// mostly to their own cluster's requests, some across; with the requests' positions.
    static func clustered(_ seed: UInt64, clusters: Int) -> (FlowNetwork, [Double], [Double]) {
        var g = SplitMix64(seed: seed)
        func rnd(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        let perCluster = 2 + rnd(5)
        let nQ = clusters * perCluster
        var lat: [Double] = []
        var lon: [Double] = []
        for c in 0..<clusters {
            for _ in 0..<perCluster {
                lat.append(36.0 + 0.3 * Double(c / 3) + Double(rnd(100)) / 1000)
                lon.append(127.0 + 0.3 * Double(c % 3) + Double(rnd(100)) / 1000)
            }
        }
        var net = FlowNetwork()
        net.nReq = nQ
        let groups = clusters * (2 + rnd(5))
        for _ in 0..<groups {
            let home = rnd(clusters)
            let rows = 1 + rnd(2)
            for _ in 0..<rows {
                net.rowWorker.append(Int32(net.groupSupply.count))
                net.rowDay.append(0)
                for q in 0..<nQ {
                    let c = q / perCluster
                    let near = c == home || (abs(c - home) == 1 && rnd(4) == 0)
                    guard near, rnd(5) != 0 else { continue }
                    // Few distinct values: many ties.
                    let v = rnd(3) == 0 ? Int64(rnd(5)) * 100 : Int64(rnd(1000)) - 200
                    net.arcReq.append(Int32(q))
                    net.arcValue.append(rnd(20) == 0 ? FlowNetwork.disabled : v)
                    net.arcCand.append(Int32(net.arcCand.count))
                }
                net.rowArcStart.append(Int32(net.arcReq.count))
            }
            net.groupSupply.append(Int32(1 + rnd(rows)))
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        return (net, lat, lon)
    }

    @Test(arguments: 0..<60)
    func sameOptimumAsTheWholeNetwork(_ seed: UInt64) throws {
        let (net, lat, lon) = Self.clustered(seed, clusters: 2 + Int(seed % 7))
        var g = SplitMix64(seed: seed &+ 99)
        let cap = (0..<net.nReq).map { _ in Int32(g.next() % 4) }
        let minUnits = (0..<net.nReq).map { _ in seed % 4 == 3 && g.next() % 3 == 0 ? Int32(1 + g.next() % 2) : 0 }
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let bonus = maxValue * Int64(net.nRows + 2)
        var order = (0..<net.nGroups).map(Int32.init)
        if seed % 2 == 1 { order.reverse() }
        let ssp = FlowSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        let whole = try #require(CostScalingSolver(net).solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order))
        #expect(ssp.value == whole.value)
        for (size, eps) in [(1, 1), (2, 1), (3, 32), (4, 4), (1000, 1), (5, 1000)] {
            var split = SplitFlow(net, deadline: nil, lat: lat, lon: lon, maxPerPart: size)
            split.warmEpsilon = Int64(eps)
            #expect(split.reqPart.allSatisfy { $0 >= 0 })
            var sizes = [Int](repeating: 0, count: Int((split.reqPart.max() ?? 0) + 1))
            for p in split.reqPart { sizes[Int(p)] += 1 }
            #expect(sizes.allSatisfy { $0 >= 1 && $0 <= size })
            var trace = SplitFlow.Trace()
            let sol = try #require(
                split.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace))
            _ = FlowCostScalingTests.check(net, sol, cap: cap)
            #expect(sol.value == ssp.value, "seed \(seed) size \(size) eps \(eps) trace \(trace)")
            #expect(trace.partsValue <= sol.value || minUnits.contains { $0 > 0 })
            // Deterministic: the same split and flow again.
            var again = SplitFlow.Trace()
            let second = try #require(
                split.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &again))
            #expect(second.rowArc == sol.rowArc && again.cutArcs == trace.cutArcs)
        }
    }

    /// Parts of one request each cut every arc between requests of different parts; a single part cuts none.
    @Test func cutsFollowTheParts() throws {
        let (net, lat, lon) = Self.clustered(5, clusters: 4)
        let cap = [Int32](repeating: 2, count: net.nReq)
        let order = (0..<net.nGroups).map(Int32.init)
        var one = SplitFlow.Trace()
        _ = try #require(
            SplitFlow(net, deadline: nil, lat: lat, lon: lon, maxPerPart: net.nReq).solve(
                cap: cap, minUnits: [Int32](repeating: 0, count: net.nReq), bonus: 1 << 40, order: order, trace: &one))
        #expect(one.parts == 1 && one.cutArcs == 0)
        var each = SplitFlow.Trace()
        _ = try #require(
            SplitFlow(net, deadline: nil, lat: lat, lon: lon, maxPerPart: 1).solve(
                cap: cap, minUnits: [Int32](repeating: 0, count: net.nReq), bonus: 1 << 40, order: order, trace: &each))
        #expect(each.parts == net.nReq && each.cutArcs > 0)
    }
}
