import Foundation

/// What a branch-and-bound node changes in the relaxation.
struct GeneralMods: Sendable {
    /// Candidate pairs taken out.
    var forbidden = Set<Int32>()
    /// Worker-day rows (`w * nD + d`) closed: no job on that date.
    var closedRows = Set<Int32>()
    /// Requests closed (0 workers) or forced to their minimum.
    var closed = Set<Int32>()
    var forced = Set<Int32>()
}

/// The part of the plan a branch and bound decides: some days, and on them every row or only some; what lies outside
/// (other days, fixed rows) is given by the dates it uses and the workers it holds per request.
struct GeneralScope: Sendable {
    var days: [Int]
    /// Dates used per `w * nK + k` outside the scope.
    var used: [Int32]?
    /// When set, the only rows (`w * nD + d`) the scope decides.
    var rows: Set<Int32>?
    /// Workers per request held by fixed rows (beyond the pins).
    var fixedCount: [Int32]?
    /// Riders per request held by fixed rows.
    var fixedRiders: [Int32]?
    /// When true, every row the scope decides takes one job at most: the relaxation is then exact but for minimums
    /// and weekly caps (no two jobs of a row to conflict), and no time cliques are priced.
    var single = false

    init(days: [Int], used: [Int32]? = nil) {
        self.days = days
        self.used = used
    }

    @inline(__always) func fixed(_ r: Int) -> Int32 { fixedCount?[r] ?? 0 }
    @inline(__always) func riders(_ r: Int) -> Int32 { fixedRiders?[r] ?? 0 }
}

/// One flow's answer: the jobs per row, the network value (forced bonuses removed) and whether it was complete.
struct GeneralFlow {
    /// Candidates taken, per row key (`w * nD + d`), only rows with jobs.
    var rows: [Int32: [Int32]]
    var value: Int64
    var feasible: Bool
    /// Σ priority of the pairs taken.
    var medium: Int = 0
    /// False when the flow stopped at the deadline (then it is no bound).
    var complete = true
}

/// The worker side of a general network: week groups (where a weekly cap binds) and worker-day rows, rows of one
/// group contiguous.
struct WeekRows {
    /// `w * nK + k` of each group, and its capacity (dates left × jobs a day).
    var groupKey: [Int32] = []
    var groupCap: [Int32] = []
    /// `w * nD + d` of each row, its capacity, and its group (-1: fed by the source directly).
    var rowKey: [Int32] = []
    var rowCap: [Int32] = []
    var rowGroup: [Int32] = []
}

extension GeneralEngine {
    /// The week groups and rows over `days` (sorted): a row for each worker-day with candidates that `include`
    /// admits and room beside its pins; a week whose open dates exceed the dates left (less `used`, dates taken
    /// outside) becomes a group feeding its unpinned rows, and when no date is left those rows are dropped.
    ///
    /// - Parameters:
    ///   - capacity: a row's capacity (the largest fitting set of its candidates, or fewer).
    ///   - jobsPerDate: when set, the jobs a date can hold in a week group (else the worker's jobs a day).
    func weekRows(
        days: [Int], used: [Int32]?, capacity: (Int) -> Int32, include: (Int) -> Bool, jobsPerDate: Int32? = nil
    ) -> WeekRows {
        var out = WeekRows()
        for w in 0..<p.nW {
            let J = min(jobsMax[w], jobsPerDate ?? jobsMax[w])
            var k = -1
            var open: [Int] = []
            func flush() {
                guard k >= 0, !open.isEmpty else { return }
                let unpinned = open.filter { pinsOn[w * nD + $0].isEmpty }
                let leftHere = datesLeft[w * nK + k] - (used?[w * nK + k] ?? 0)
                let binding = Int32(unpinned.count) > leftHere
                var g: Int32 = -1
                if binding && leftHere > 0 {
                    g = Int32(out.groupKey.count)
                    out.groupKey.append(Int32(w * nK + k))
                    out.groupCap.append(leftHere * J)
                }
                for d in open {
                    let pinned = pinsOn[w * nD + d].count
                    if pinned == 0 && binding && leftHere <= 0 { continue }
                    let key = w * nD + d
                    out.rowKey.append(Int32(key))
                    out.rowCap.append(capacity(key))
                    out.rowGroup.append(pinned == 0 && binding ? g : -1)
                }
            }
            for d in days {
                let key = w * nD + d
                guard !rowCands[key].isEmpty, include(key) else { continue }
                guard Int32(pinsOn[key].count) < J, rowCap[key] > 0 else { continue }
                let kk = Int(p.dayWeek[d])
                if kk != k {
                    flush()
                    k = kk
                    open = []
                }
                open.append(d)
            }
            flush()
        }
        return out
    }

    /// Solves the relaxation over `days` with candidate values `value(c)`.
    ///
    /// - Parameters:
    ///   - days: the plan days in the network (all, or one for a day re-solve).
    ///   - used: dates already used per `w * nK + k` by days outside the network (a day re-solve), else nil.
    mutating func relax(scope: GeneralScope, mods: GeneralMods, value: (Int) -> Int64) -> GeneralFlow {
        let days = scope.days
        let used = scope.used
        var inDays = [Bool](repeating: false, count: max(1, nD))
        for d in days { inDays[d] = true }
        // Node numbering (every arc goes forward): source, week groups, rows, van nodes, requests, sink.
        let layer = weekRows(
            days: days.sorted(), used: used, capacity: { scope.single ? min(1, self.rowCap[$0]) : self.rowCap[$0] },
            include: { !mods.closedRows.contains(Int32($0)) && (scope.rows?.contains(Int32($0)) ?? true) },
            jobsPerDate: scope.single ? 1 : nil)
        let (groupKey, groupCap, rowKey, rowCap, rowGroup) =
            (layer.groupKey, layer.groupCap, layer.rowKey, layer.rowCap, layer.rowGroup)
        // Requests: every one of the days, or with some rows only, those those rows can reach.
        var reachable: [Bool]?
        if scope.rows != nil {
            var seen = [Bool](repeating: false, count: p.nR)
            for key in rowKey { for c in rowCands[Int(key)] { seen[Int(candReq[Int(c)])] = true } }
            reachable = seen
        }
        var reqs: [Int] = []
        for r in 0..<p.nR
        where inDays[Int(p.reqDay[r])] && !mods.closed.contains(Int32(r)) && p.reqCap[r] - scope.fixed(r) > 0
            && (reachable?[r] ?? true)
        {
            reqs.append(r)
        }
        var reqNode = [Int32](repeating: -1, count: p.nR)
        var vanNode = [Int32](repeating: -1, count: p.nR)
        let nG = groupKey.count
        let nRow = rowKey.count
        var next = 1 + nG + nRow
        for r in reqs where inst.requests[r].pickup != nil {
            vanNode[r] = Int32(next)
            next += 1
        }
        for r in reqs {
            reqNode[r] = Int32(next)
            next += 1
        }
        let sink = next
        var g = ResidualFlow(nodes: sink + 1)
        for i in 0..<nG { g.add(0, 1 + i, cap: groupCap[i], cost: 0) }
        var pairArcs: [(arc: Int, row: Int32, cand: Int32)] = []
        for i in 0..<nRow {
            let node = 1 + nG + i
            if rowGroup[i] >= 0 {
                g.add(1 + Int(rowGroup[i]), node, cap: rowCap[i], cost: 0)
            } else {
                g.add(0, node, cap: rowCap[i], cost: 0)
            }
            for c32 in rowCands[Int(rowKey[i])] {
                let c = Int(c32)
                guard !mods.forbidden.contains(c32) else { continue }
                let r = Int(candReq[c])
                guard reqNode[r] >= 0 else { continue }
                let target = p.candRide[c] != 0 && vanNode[r] >= 0 ? vanNode[r] : reqNode[r]
                let a = g.add(node, Int(target), cap: 1, cost: -value(c))
                pairArcs.append((a, rowKey[i], c32))
            }
        }
        let share = Int64(inst.weights.share)
        var forcedUnits: Int64 = 0
        for r in reqs {
            if vanNode[r] >= 0 {
                g.add(Int(vanNode[r]), Int(reqNode[r]), cap: max(0, seatsLeft[r] - scope.riders(r)), cost: 0)
            }
            let capR = Int(p.reqCap[r] - scope.fixed(r))
            let held = Int(pinnedCount[r] + scope.fixed(r))
            let forcedN = mods.forced.contains(Int32(r)) ? max(0, Int(p.reqMin[r]) - held) : 0
            forcedUnits += Int64(forcedN)
            let h = inst.requests[r].headcount
            if share == 0 {
                if forcedN > 0 { g.add(Int(reqNode[r]), sink, cap: Int32(forcedN), cost: -forceBonus) }
                if capR - forcedN > 0 { g.add(Int(reqNode[r]), sink, cap: Int32(capR - forcedN), cost: 0) }
            } else {
                for j in 0..<capR {
                    let k = held + j + 1
                    let bonus = share * Int64(shareUnits(k: k, headcount: h))
                    g.add(Int(reqNode[r]), sink, cap: 1, cost: -bonus - (j < forcedN ? forceBonus : 0))
                }
            }
        }
        let before = g.work
        let (cost, complete) = g.minimize(source: 0, sink: sink, deadline: budget.deadline)
        if !complete { budget.markDeadlineHit() }
        budget.charge(.general, g.work - before + g.to.count)
        stats.flowWork += g.work - before
        var rows: [Int32: [Int32]] = [:]
        var medium = 0
        for (a, row, c) in pairArcs where g.flow(a) > 0 {
            rows[row, default: []].append(c)
            medium += Int(p.reqPriority[Int(candReq[Int(c)])])
        }
        var total = -cost
        var feasible = true
        if forcedUnits > 0 {
            // Every forced unit must be filled, else the node is infeasible.
            var count = [Int32](repeating: 0, count: p.nR)
            for (_, cs) in rows { for c in cs { count[Int(candReq[Int(c)])] += 1 } }
            for r32 in mods.forced {
                let r = Int(r32)
                if count[r] + pinnedCount[r] + scope.fixed(r) < p.reqMin[r] { feasible = false }
            }
            total -= forcedUnits * forceBonus
        }
        return GeneralFlow(rows: rows, value: total, feasible: feasible, medium: medium, complete: complete)
    }
}
