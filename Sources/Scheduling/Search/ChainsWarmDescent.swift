import Foundation

/// The last solution of each plan day's network (`Engine.resolveDayWarm`): its rows and arc count (the network's
/// shape) and the flow's node prices, a warm start for the next re-solve of that day.
struct DayWarmStarts {
    var rows: [[Int32]?]
    var arcs: [Int]
    var sol: [FlowSolution?]

    init(nD: Int) {
        rows = [[Int32]?](repeating: nil, count: nD)
        arcs = [Int](repeating: -1, count: nD)
        sol = [FlowSolution?](repeating: nil, count: nD)
    }
}

/// Warm-started day descents (session "chains8"), for the worker schedules phase.
///
/// A day re-solve (`resolveDay`) runs the whole cost scaling from cold prices: 0.05-0.25M units on 150-250 workers,
/// however little the days beside it changed since the day was last solved. Here each day keeps the node prices of
/// its last solve (`DayWarmStarts`), and the next re-solve of a network of the same shape (the same rows and arcs;
/// only the values moved with the days beside it) starts the branch and bound's root from those prices and the
/// current assignments: one exact refinement instead of the whole scaling (same optimum value; ties may resolve
/// differently). Measured on the generated multi-day instances: a warm re-solve costs 4-50k units where the cold one
/// cost 80-240k, unless its minimum headcounts make it branch.
extension Engine {
    /// `resolveDay` with the flow warm-started from `dayWarm` (see the extension comment); records this solve there.
    mutating func resolveDayWarm(_ d: Int) -> Bool {
        if dayWarm == nil { dayWarm = DayWarmStarts(nD: nD) }
        guard let net = dayNetwork(d, value: { r, c, w in dayValue(d, r, c, w) }) else { return false }
        charge(net.arcReq.count + p.nW)
        var current: Int64 = 0
        for w in 0..<p.nW {
            let c = assignCand[w * nD + d]
            if c >= 0 { current += dayValue(d, Int(assign[w * nD + d]), Int(c), w) }
        }
        var start: FlowSolution?
        if var s = dayWarm!.sol[d], !s.prices.isEmpty, dayWarm!.arcs[d] == net.arcReq.count,
            dayWarm!.rows[d] == net.rowWorker
        {
            // The current assignments as the warm flow.
            s.rowArc = [Int32](repeating: -1, count: net.nRows)
            for row in 0..<net.nRows {
                let held = assignCand[Int(net.rowWorker[row]) * nD + d]
                guard held >= 0 else { continue }
                for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) where net.arcCand[a] == held {
                    s.rowArc[row] = Int32(a)
                }
            }
            start = s
        }
        let sol = branchAndBound(net, order: releaseOrder(net), isFull: false, warm: start)
        dayWarm!.rows[d] = net.rowWorker
        dayWarm!.arcs[d] = net.arcReq.count
        dayWarm!.sol[d] = sol
        guard sol.value > current else { return false }
        applyDay(d, net, sol)
        return true
    }

    /// The exact day descent (`dayDescent`: until `nD` consecutive re-solves find nothing, at most `maxPasses`
    /// sweeps, while the current phase's share lasts) with every re-solve warm-started (`resolveDayWarm`).
    mutating func warmDayDescent(after first: Int = -1, maxPasses: Int = 6) {
        var passes = 0
        var unchanged = 0
        var d = (first + 1) % nD
        while unchanged < nD && passes < maxPasses * nD && workLeft > 0 && !outOfTime() {
            passes += 1
            if resolveDayWarm(d) { unchanged = 0 } else { unchanged += 1 }
            d = (d + 1) % nD
        }
    }

    /// The day descent of the multi-day searches: warm-started while `dayWarm` is set (the worker schedules phase),
    /// else `dayDescent`.
    mutating func descend(after first: Int = -1) {
        if dayWarm != nil { warmDayDescent(after: first) } else { dayDescent(after: first) }
    }
}
