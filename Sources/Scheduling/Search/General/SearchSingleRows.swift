import Foundation

extension GeneralEngine {
    /// Re-decides `rows` (worker-day keys of plan day `d`) exactly by branch and bound, with every other row and day
    /// fixed; keeps a strict improvement of the network value.
    ///
    /// - Parameters:
    ///   - single: hold each of `rows` to one job (`GeneralScope.single`): the relaxation is then a flow but for
    ///     minimums and weekly caps, so the branch and bound is short and prices no cliques.
    ///   - maxNodes: branch-and-bound nodes at most.
    ///   - maxWork: work units at most (a flow in progress is finished).
    /// - Returns: whether the plan improved.
    mutating func resolveRows(
        _ rows: Set<Int32>, day d: Int, single: Bool = false, maxNodes: Int = Int.max, maxWork: Int = Int.max
    ) -> Bool {
        guard !rows.isEmpty else { return false }
        var used = [Int32](repeating: 0, count: p.nW * max(1, nK))
        var fixed = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW {
            for e in 0..<nD {
                let key = w * nD + e
                if e != d && !jobs[key].isEmpty && pinsOn[key].isEmpty { used[w * nK + Int(p.dayWeek[e])] += 1 }
                if e == d && !rows.contains(Int32(key)) {
                    for c in jobs[key] {
                        fixed[Int(candReq[Int(c)])] += 1
                        if p.candRide[Int(c)] != 0 { riders[Int(candReq[Int(c)])] += 1 }
                    }
                }
            }
        }
        var scope = GeneralScope(days: [d], used: used)
        scope.rows = rows
        scope.fixedCount = fixed
        scope.fixedRiders = riders
        scope.single = single
        var current: [Int32: [Int32]] = [:]
        for key in rows where !jobs[Int(key)].isEmpty { current[key] = jobs[Int(key)] }
        let engine = self
        let oneDay = nD <= 1
        let value: (Int) -> Int64 = { c in oneDay ? engine.baseValue(c) : engine.dayValue(c) }
        let currentValue = networkValue(current, scope: scope, value: value)
        let (best, _) = branchAndBound(
            scope: scope, incumbent: (current, currentValue), maxNodes: maxNodes, maxWork: maxWork, value: value)
        guard networkValue(best, scope: scope, value: value) > currentValue else { return false }
        for key in rows { jobs[Int(key)] = (best[key] ?? []).sorted() }
        return true
    }

    /// Re-solves plan day `d` with its rows that hold two jobs or more fixed and every other row of the day held to
    /// one job: exact flows (branching only on minimums and weekly caps), so a whole day costs a few flows where the
    /// priced branch and bound affords a handful of neighbourhoods. Most of a version 2 day is single jobs; this
    /// re-decides all of them together (the moves between many requests that the neighbourhoods, a seed and four
    /// competitors each, cannot see).
    ///
    /// - Returns: whether the plan improved.
    mutating func resolveSingles(_ d: Int, maxWork: Int) -> Bool {
        var rows = Set<Int32>()
        for w in 0..<p.nW {
            let key = w * nD + d
            if !rowCands[key].isEmpty && jobs[key].count <= 1 { rows.insert(Int32(key)) }
        }
        let improved = resolveRows(rows, day: d, single: true, maxWork: maxWork)
        if improved { stats.moves += 1 }
        return improved
    }
}
