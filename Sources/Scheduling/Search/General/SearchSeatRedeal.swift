import Foundation

/// Several days: each plan day's seats dealt again among all its free workers at once, the counts per request kept and
/// every other day fixed (a min-cost flow over workers × seats, continuity to both neighbouring days in the values).
///
/// Version 1's day re-solves for the general engine, with counts fixed. A worker is free on d when it has no pins, its
/// row holds at most two jobs, and it works d now or has a date of its week left. Three deals a day (`anchor`): 0, a
/// single row's seat is a unit and a two-job row's two seats are one unit (the pair may go to another worker who can
/// take both; a pair that rides a van with a seat limit stays fixed); 1 and 2, each two-job row keeps its earlier
/// (1) or its later (2) job and its other seat is dealt like a single one (to a worker without jobs, a single row's
/// worker, or a two-job row's worker beside the job it keeps, so pairs are split and re-formed). Each free worker
/// takes at most one unit; every unit is dealt (a large bonus per seat); riders of a van go through one node per
/// request whose capacity is the seats its fixed rows leave. Each candidate's value is its cost and its continuity
/// with d − 1 and d + 1 (`dayValue` without the priority), so the flow's deal is the best such deal, exactly;
/// counts per request stay, so the medium, the minimums and the share bonus stay. Kept when the changed workers' own
/// values (`ownValue`) rise. Deterministic (arcs in worker and unit order).
extension GeneralEngine {
    /// The deals of a day: pairs as units, then each pair's earlier, then its later job kept.
    static let redealModes = 3

    /// Passes over the days while one improves (at most `maxPasses`), within `maxWork` work units. Returns whether
    /// the plan improved.
    @discardableResult
    mutating func seatRedeals(maxWork: Int, maxPasses: Int = 4) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let workAtStart = budget.spent[.general, default: 0]
        let candOf = candidateIndex()
        let pinned = pinnedWorkers()
        var any = false
        var improved = true
        var pass = 0
        var lastImproved = -1
        while improved && pass < maxPasses {
            improved = false
            pass += 1
            for d in 0..<nD {
                for mode in 0..<GeneralEngine.redealModes {
                    if budget.outOfTime() || budget.spent[.general, default: 0] - workAtStart >= maxWork { return any }
                    // A full pass without a gain since this deal last improved: the fixed point.
                    if d * GeneralEngine.redealModes + mode == lastImproved && pass > 1 { return any }
                    let ok = redealDay(d, pinned, candOf, anchor: mode)
                    if ok {
                        improved = true
                        any = true
                        lastImproved = d * GeneralEngine.redealModes + mode
                        stats.moves += 1
                    }
                }
            }
        }
        return any
    }

    /// Deals day d's seats of free rows again (see the extension comment); applies the deal and returns true when
    /// the changed workers' value rises.
    mutating func redealDay(_ d: Int, _ pinned: [Bool], _ candOf: [Int: Int32], anchor: Int = 0) -> Bool {
        // Free workers and the units they hold now.
        var free: [Int] = []
        var singles = [Int32](repeating: 0, count: p.nR)
        var pairUnits: [[Int32]: Int32] = [:]
        var fixedRiders = [Int32](repeating: 0, count: p.nR)
        /// With `anchor` 1 or 2, each two-job row keeps its earlier or its later job (its anchor); the other is a seat.
        var anchorOf = [Int32](repeating: -1, count: p.nW)
        for w in 0..<p.nW {
            let key = w * nD + d
            let row = jobs[key]
            guard isDealFree(w, d, pinned, keepPairRiders: anchor == 0) else {
                for c in row where p.candRide[Int(c)] != 0 { fixedRiders[Int(candReq[Int(c)])] += 1 }
                continue
            }
            free.append(w)
            if row.count == 1 {
                singles[Int(candReq[Int(row[0])])] += 1
            } else if row.count == 2 && anchor > 0 {
                let byStart = row.sorted {
                    (inst.requests[Int(candReq[Int($0)])].startMinute, $0)
                        < (inst.requests[Int(candReq[Int($1)])].startMinute, $1)
                }
                let (kept, dealt) = anchor == 1 ? (byStart[0], byStart[1]) : (byStart[1], byStart[0])
                anchorOf[w] = kept
                if p.candRide[Int(kept)] != 0 { fixedRiders[Int(candReq[Int(kept)])] += 1 }
                singles[Int(candReq[Int(dealt)])] += 1
            } else if row.count == 2 {
                let unit = row.map { candReq[Int($0)] }.sorted()
                pairUnits[unit, default: 0] += 1
            }
        }
        let units = pairUnits.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var reqs: [Int] = []
        for r in 0..<p.nR where singles[r] > 0 { reqs.append(r) }
        guard !free.isEmpty, !reqs.isEmpty || !units.isEmpty else { return false }
        // Nodes: source, workers, vans (requests with a seat limit), requests, pair units, sink.
        let nWk = free.count
        let nodes = DayDealNodes(workers: nWk, reqs: reqs, requestCount: p.nR, seatsLeft: seatsLeft, extra: units.count)
        let (vanNode, reqNode, unitBase, sink) = (nodes.vanNode, nodes.reqNode, nodes.extraBase, nodes.sink)
        var g = ResidualFlow(nodes: sink + 1)
        // Every seat dealt: a bonus per seat above any deal's values.
        var maxAbs: Int64 = 1
        for c in 0..<p.candidateCount where candOK[c] && Int(p.reqDay[Int(candReq[c])]) == d {
            maxAbs = max(maxAbs, abs(p.candCost[c]) + 2 * p.continuity)
        }
        let bonus = maxAbs * 4 * Int64(nWk + 1)
        var arcs: [(worker: Int, arc: Int, cands: [Int32])] = []
        var built = 0
        for (i, w) in free.enumerated() {
            let key = w * nD + d
            let kept: [Int32] = anchorOf[w] >= 0 ? [anchorOf[w]] : []
            built += addSeatArcs(&g, nodes, worker: i, w, d, kept: kept) { arc, c, _ in
                arcs.append((w, arc, (kept + [c]).sorted()))
            }
            for (u, unit) in units.enumerated() where kept.isEmpty {
                built += 1
                guard let c1 = candOf[Int(unit[0]) * p.nW + w], let c2 = candOf[Int(unit[1]) * p.nW + w],
                    fits(c1, row: key, []), fits(c2, row: key, [c1])
                else { continue }
                // A pair that rides a van with a seat limit stays with rows that are fixed (see above).
                if (p.candRide[Int(c1)] != 0 && seatsLeft[Int(unit[0])] != Int32.max)
                    || (p.candRide[Int(c2)] != 0 && seatsLeft[Int(unit[1])] != Int32.max)
                {
                    continue
                }
                let v =
                    dayValue(Int(c1)) - p.reqPriority[Int(unit[0])] * bigM + dayValue(Int(c2))
                    - p.reqPriority[Int(unit[1])] * bigM
                arcs.append((w, g.add(1 + i, unitBase + u, cap: 1, cost: -v), [c1, c2].sorted()))
            }
        }
        for r in reqs {
            if vanNode[r] >= 0 {
                g.add(vanNode[r], reqNode[r], cap: max(0, seatsLeft[r] - fixedRiders[r]), cost: 0)
            }
            g.add(reqNode[r], sink, cap: singles[r], cost: -bonus)
        }
        for (u, unit) in units.enumerated() { g.add(unitBase + u, sink, cap: pairUnits[unit]!, cost: -2 * bonus) }
        _ = g.minimize(source: 0, sink: sink)
        budget.charge(.general, g.work + built)
        // Every seat dealt, else the plan stays.
        var dealt = 0
        var newRows = [Int: [Int32]]()
        for w in free where anchorOf[w] >= 0 { newRows[w] = [anchorOf[w]] }
        for a in arcs where g.flow(a.arc) > 0 {
            newRows[a.worker] = a.cands
            dealt += 1
        }
        let seats = reqs.reduce(0) { $0 + Int(singles[$1]) } + units.reduce(0) { $0 + Int(pairUnits[$1]!) }
        guard dealt == seats else { return false }
        return replaceRowsIfBetter(newRows, among: free, date: d)
    }
}
