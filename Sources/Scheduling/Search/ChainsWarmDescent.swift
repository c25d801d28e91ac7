import Foundation

/// The last solution of each plan day's network (`Engine.resolveDay(warm:)`): its rows and arc count (the network's
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

/// Warm-started day descents (session "chains8"), for the worker schedules phase; since session gap20, for every day
/// re-solve of every phase where the pair search runs (`warmsEveryDescent`).
///
/// A day re-solve (`resolveDay`) runs the whole cost scaling from cold prices: 0.05-0.25M units on 150-250 workers,
/// however little the days beside it changed since the day was last solved. Here each day keeps the node prices of
/// its last solve (`DayWarmStarts`), and the next re-solve of a network of the same shape (the same rows and arcs;
/// only the values moved with the days beside it) starts the branch and bound's root from those prices and the
/// current assignments: one exact refinement instead of the whole scaling (same optimum value; ties may resolve
/// differently). Measured on the generated multi-day instances: a warm re-solve costs 4-50k units where the cold one
/// cost 80-240k, unless its minimum headcounts make it branch.
extension Engine {
    /// Whether every exact day re-solve (`resolveDay`) of the solve is warm-started from that day's last solve: where
    /// the pair search runs (several plan days, at most 20,000 candidate pairs, a continuity weight), so single days,
    /// large instances and the county week keep their plans. The cache (`dayWarm`) is filled by the first re-solve of
    /// each day; the worker schedules phase starts its own and drops it at its end, as before, and the phases after it
    /// fill a new one. The kicks' perturbed solves (`kickDay`) stay cold. Session gap20 (issue 14): on the 20 generated
    /// multi-day gap instances the sum of gaps to the proven optima over seeds 0-4 went from 4593 to 4061; warm only
    /// in the first starts' descents 4631, in every phase but those 4450 (`docs/solver.md`).
    static func warmsEveryDescent(_ budget: SolveBudget) -> Bool { budget.runs(.pairSearch) }

    /// The warm start of a re-solve of day `d` on `net` (`resolveDay(warm:)`): the day's last solution in `dayWarm`,
    /// when its network had the same shape, with the current assignments as its flow; nil (cold) otherwise.
    func dayWarmStart(_ d: Int, _ net: FlowNetwork) -> FlowSolution? {
        guard let warm = dayWarm, var s = warm.sol[d], !s.prices.isEmpty, warm.arcs[d] == net.arcReq.count,
            warm.rows[d] == net.rowWorker
        else { return nil }
        s.rowArc = [Int32](repeating: -1, count: net.nRows)
        for row in 0..<net.nRows {
            let held = assignCand[Int(net.rowWorker[row]) * nD + d]
            guard held >= 0 else { continue }
            for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) where net.arcCand[a] == held {
                s.rowArc[row] = Int32(a)
            }
        }
        return s
    }

    /// Keeps `sol` of day `d`'s network `net` as the day's next warm start.
    mutating func recordDayWarm(_ d: Int, _ net: FlowNetwork, _ sol: FlowSolution) {
        if dayWarm == nil { dayWarm = DayWarmStarts(nD: nD) }
        dayWarm!.rows[d] = net.rowWorker
        dayWarm!.arcs[d] = net.arcReq.count
        dayWarm!.sol[d] = sol
    }

    /// The day descent of the multi-day searches: warm-started while `dayWarm` is set (the worker schedules phase).
    mutating func descend(after first: Int = -1) {
        dayDescent(after: first, warm: dayWarm != nil)
    }
}
