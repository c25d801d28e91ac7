import Foundation

/// The first flow of a large network solved by geographic parts, then the whole network warm from the parts'
/// flows and prices.
///
/// The requests are split by their farms' positions (`bisect`: halves by the median along the longer side until a
/// part holds at most a given number of requests); each row joins the part of its best arc's request. The arcs
/// between parts are taken out, the rest falls apart into the parts' networks (`CostScalingSolver.solve` solves each
/// connected piece on its own), and the whole network is then solved warm from their flow (feasible in the whole
/// network: it uses none of the taken-out arcs) and their prices, from a first ε of `warmEpsilon` value units.
///
/// Exact whatever the parts: cost scaling's last refinement at ε = 1 in costs scaled by n + 1 ends at an optimum
/// from any start prices and any feasible start flow (Goldberg and Tarjan 1990); the parts only choose where it
/// starts. Deterministic: the split depends on positions and indices only.
struct SplitFlow {
    let net: FlowNetwork
    let deadline: Date?
    /// The part of each request (-1: none).
    let reqPart: [Int32]
    /// The whole network's first ε, in value units.
    var warmEpsilon: Int64 = 1

    /// What the last solve did, for measurements.
    struct Trace {
        var parts = 0
        var cutArcs = 0
        var partsWork = 0
        var partsValue: Int64 = 0
        var wholeWork = 0
    }

    /// A split of `net` by the request positions `lat`/`lon` (degrees, one per request) into parts of at most
    /// `maxPerPart` requests.
    init(_ net: FlowNetwork, deadline: Date?, lat: [Double], lon: [Double], maxPerPart: Int) {
        self.net = net
        self.deadline = deadline
        reqPart = SplitFlow.bisect(lat: lat, lon: lon, maxPerPart: maxPerPart)
    }

    /// Parts of the points `lat`/`lon` (degrees): the whole set halved at the median of its longer side (in km; ties by
    /// index) until every part has at most `maxPerPart` points. Part numbers in depth-first order.
    static func bisect(lat: [Double], lon: [Double], maxPerPart: Int) -> [Int32] {
        let n = lat.count
        var part = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        var stack: [[Int32]] = [Array(0..<Int32(n))]
        while let items = stack.popLast() {
            if items.count <= max(1, maxPerPart) {
                for i in items { part[Int(i)] = next }
                next += 1
                continue
            }
            var minLat = Double.infinity
            var maxLat = -Double.infinity
            var minLon = Double.infinity
            var maxLon = -Double.infinity
            for i in items {
                minLat = min(minLat, lat[Int(i)])
                maxLat = max(maxLat, lat[Int(i)])
                minLon = min(minLon, lon[Int(i)])
                maxLon = max(maxLon, lon[Int(i)])
            }
            let cosMid = cos((minLat + maxLat) / 2 * Double.pi / 180)
            let byLat = (maxLat - minLat) >= (maxLon - minLon) * cosMid
            let key = byLat ? lat : lon
            let sorted = items.sorted { key[Int($0)] < key[Int($1)] || (key[Int($0)] == key[Int($1)] && $0 < $1) }
            let half = sorted.count / 2
            // Pushed second half first, so the first half is numbered first.
            stack.append(Array(sorted[half...]))
            stack.append(Array(sorted[..<half]))
        }
        return part
    }

    /// The part of each row: its best open arc's request's part (ties by the lower arc), -1 without one.
    func rowParts(cap: [Int32]) -> [Int32] {
        var out = [Int32](repeating: -1, count: net.nRows)
        for r in 0..<net.nRows {
            var best = Int64.min
            for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) {
                let v = net.arcValue[a]
                guard v != FlowNetwork.disabled, cap[Int(net.arcReq[a])] > 0, v > best else { continue }
                best = v
                out[r] = reqPart[Int(net.arcReq[a])]
            }
        }
        return out
    }

    /// Units of `sol` on arcs between parts (experiment trace).
    func crossingUnits(_ sol: FlowSolution, cap: [Int32]) -> Int {
        let rowPart = rowParts(cap: cap)
        var k = 0
        for r in 0..<net.nRows where sol.rowArc[r] >= 0 {
            if reqPart[Int(net.arcReq[Int(sol.rowArc[r])])] != rowPart[r] { k += 1 }
        }
        return k
    }

    /// Solves; the same contract as `CostScalingSolver.solve` (`nil` when cost scaling's integers would not fit).
    func solve(cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32], trace: inout Trace) -> FlowSolution? {
        guard let start = partsStart(cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace) else {
            return nil
        }
        if start.timedOut { return start }
        return finish(from: start, cap: cap, minUnits: minUnits, bonus: bonus, order: order, trace: &trace)
    }

    /// The parts' flow and prices (in the whole network's cost scale): a warm start for `finish`.
    func partsStart(cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32], trace: inout Trace)
        -> FlowSolution?
    {
        let rowPart = rowParts(cap: cap)
        var cut = net
        var cutArcs = 0
        for r in 0..<net.nRows {
            for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1])
            where net.arcValue[a] != FlowNetwork.disabled && reqPart[Int(net.arcReq[a])] != rowPart[r] {
                cut.arcValue[a] = FlowNetwork.disabled
                cutArcs += 1
            }
        }
        trace.cutArcs = cutArcs
        trace.parts = Int((reqPart.max() ?? -1) + 1)
        guard
            let parts = CostScalingSolver(cut, deadline: deadline).solve(
                cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        else { return nil }
        trace.partsWork = parts.work
        trace.partsValue = parts.value
        if parts.timedOut { return parts }
        let n = net.sinkNode + 1
        let scale = Int64(n + 1)
        var warm = parts
        // Each piece's prices are in its own scale (its node count + 1): into the whole network's, rounded down.
        for v in 0..<n {
            let s = parts.priceScale.isEmpty ? 1 : max(1, parts.priceScale[v])
            let approx = Double(parts.prices[v]) / Double(s) * Double(scale)
            guard abs(approx) < Double(CostScalingSolver.limit / 8) else { return nil }
            let (q, _) = s.dividingFullWidth(parts.prices[v].multipliedFullWidth(by: scale))
            warm.prices[v] = q
        }
        warm.priceScale = [Int64](repeating: scale, count: n)
        return warm
    }

    /// The whole network solved warm from `start` (`partsStart`), from a first ε of `warmEpsilon` value units; the
    /// work includes the parts'.
    func finish(
        from start: FlowSolution, cap: [Int32], minUnits: [Int32], bonus: Int64, order: [Int32], trace: inout Trace
    ) -> FlowSolution? {
        var whole = CostScalingSolver(net, deadline: deadline)
        whole.warmEpsilon = max(1, warmEpsilon) * Int64(net.sinkNode + 2)
        guard var sol = whole.solveConnected(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: start)
        else { return nil }
        trace.wholeWork = sol.work
        sol.work &+= start.work
        return sol
    }
}

/// Process CPU seconds (experiment trace only).
func splitCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
