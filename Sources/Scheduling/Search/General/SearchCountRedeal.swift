import Foundation

/// Several days: each plan day's free seats dealt again with the counts per request free, every other day fixed (a
/// min-cost flow valued by priority, cost, continuity both ways and share units), so a seat can move from one request
/// to another of the same priority (issue 14, v2soft13 session).
///
/// The seat re-deals (`SearchSeatRedeal.swift`) and rotations keep every request's count; the day re-solves decide the
/// whole day but stop on their work limit, and the completions keep the two-job rows. On `scarce-w150-r38-d2-s2` the
/// one gain of a single date (SCIP, 07-08 fixed: +22 of the 34 to the optimum) is a chain of three rows on 07-09 that
/// moves a seat between two requests of priority 1: w45 r62 → r47, w101 r47 + r64 → r64 + r74, w31 r45 + r74 → r45 +
/// r46 (r62 3 → 2, r46 3 → 4), where both two-job rows keep their later job.
///
/// A worker is free on d as in the seat re-deals (no pins, at most two jobs, working d or with a date of its week
/// left). Each two-job row keeps its earlier (`anchor` 1) or its later (2) job and may take one seat beside it, or
/// none; every other free worker takes one seat or none. The flow: source → worker → (van node: the seats the fixed
/// rows leave) → request → sink by one arc per unit, valued priority × M plus the unit's share bonus (counted after the
/// fixed rows' and the pins' units); a worker's arc is its `dayValue` without the priority. A request with a minimum
/// above one and no pins keeps its state: closed stays closed (no units), open keeps at least its minimum (those units
/// carry `forceBonus`). So the flow's deal is the day's best among these, exactly, and the medium cannot fall (the
/// current deal is one of them). Kept when the day is valid and the scorer ranks the plan higher. Deterministic
/// (arcs in worker and request order).
extension GeneralEngine {
    /// The deals of a day: each two-job row's earlier job kept, then its later one.
    static let countRedealModes = 2

    /// Passes over the days and modes while one improves (at most `maxPasses`), within `maxWork` work units. Returns
    /// whether the plan improved.
    @discardableResult
    mutating func countRedeals(maxWork: Int, maxPasses: Int = 3) -> Bool {
        guard nD >= 2 else { return false }
        let pinned = pinnedWorkers()
        let items = (0..<nD).flatMap { d in (1...GeneralEngine.countRedealModes).map { (d, $0) } }
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true, items: { _ in items },
            step: { $0.countRedealDay($1.0, pinned, anchor: $1.1) })
    }

    /// Deals day d's free seats again with the counts free (see the extension comment); applies the deal and returns
    /// true when the day stays valid and the scorer ranks the plan higher.
    mutating func countRedealDay(_ d: Int, _ pinned: [Bool], anchor: Int) -> Bool {
        guard let deal = countDeal(d, pinned, anchor: anchor) else { return false }
        var rows = [Int: [Int32]]()
        for (w, row) in deal { rows[w] = row }
        return replaceRowsIfRankedHigher(rows, among: deal.map(\.worker), date: d)
    }

    /// The flow's best deal of day d's free seats with `anchor` (see the extension comment), as the rows of the
    /// workers it changes (in worker order; nil when it changes none or leaves a forced unit empty). The plan is not
    /// changed; the flow's work is charged.
    mutating func countDeal(_ d: Int, _ pinned: [Bool], anchor: Int) -> [(worker: Int, row: [Int32])]? {
        var free: [Int] = []
        var anchorOf = [Int32](repeating: -1, count: p.nW)
        // Workers and riders per request held by the rows that stay (fixed rows and anchors).
        var fixed = [Int32](repeating: 0, count: p.nR)
        var fixedRiders = [Int32](repeating: 0, count: p.nR)
        let (count, _) = dayCounts(d)
        for w in 0..<p.nW {
            let key = w * nD + d
            let row = jobs[key]
            guard isDealFree(w, d, pinned, keepPairRiders: false) else {
                for c in row {
                    fixed[Int(candReq[Int(c)])] += 1
                    if p.candRide[Int(c)] != 0 { fixedRiders[Int(candReq[Int(c)])] += 1 }
                }
                continue
            }
            free.append(w)
            if row.count == 2 {
                let byStart = row.sorted {
                    (inst.requests[Int(candReq[Int($0)])].startMinute, $0)
                        < (inst.requests[Int(candReq[Int($1)])].startMinute, $1)
                }
                let kept = anchor == 1 ? byStart[0] : byStart[1]
                anchorOf[w] = kept
                fixed[Int(candReq[Int(kept)])] += 1
                if p.candRide[Int(kept)] != 0 { fixedRiders[Int(candReq[Int(kept)])] += 1 }
            }
        }
        // Requests of the day with room for a free seat (a closed request with a minimum above one stays closed).
        var reqs: [Int] = []
        for r in 0..<p.nR where Int(p.reqDay[r]) == d && p.reqCap[r] > fixed[r] {
            if pinnedCount[r] == 0 && p.reqMin[r] > 1 && count[r] == 0 { continue }
            reqs.append(r)
        }
        guard !free.isEmpty, !reqs.isEmpty else { return nil }
        // Nodes: source, workers, vans (requests with a seat limit), requests, sink.
        let nWk = free.count
        let nodes = DayDealNodes(workers: nWk, reqs: reqs, requestCount: p.nR, seatsLeft: seatsLeft, extra: 0)
        let (vanNode, reqNode, sink) = (nodes.vanNode, nodes.reqNode, nodes.sink)
        var g = ResidualFlow(nodes: sink + 1)
        var arcs: [(worker: Int, arc: Int, cand: Int32)] = []
        var built = 0
        for (i, w) in free.enumerated() {
            let kept: [Int32] = anchorOf[w] >= 0 ? [anchorOf[w]] : []
            built += addSeatArcs(&g, nodes, worker: i, w, d, kept: kept) { arc, c, _ in arcs.append((w, arc, c)) }
        }
        let share = Int64(inst.weights.share)
        var forced = [Int32](repeating: 0, count: p.nR)
        for r in reqs {
            if vanNode[r] >= 0 {
                g.add(vanNode[r], reqNode[r], cap: max(0, seatsLeft[r] - fixedRiders[r]), cost: 0)
            }
            let held = Int(pinnedCount[r] + fixed[r])
            if pinnedCount[r] == 0 && p.reqMin[r] > 1 { forced[r] = max(0, p.reqMin[r] - fixed[r]) }
            let h = inst.requests[r].headcount
            for j in 0..<Int(p.reqCap[r] - fixed[r]) {
                let unit = share * Int64(shareUnits(k: held + j + 1, headcount: h))
                let force = j < Int(forced[r]) ? forceBonus : 0
                g.add(reqNode[r], sink, cap: 1, cost: -(p.reqPriority[r] * bigM + unit + force))
            }
        }
        _ = g.minimize(source: 0, sink: sink)
        budget.charge(.general, g.work + built)
        var newRows = [Int: [Int32]]()
        for w in free where anchorOf[w] >= 0 { newRows[w] = [anchorOf[w]] }
        var dealt = [Int32](repeating: 0, count: p.nR)
        for a in arcs where g.flow(a.arc) > 0 {
            newRows[a.worker, default: []].append(a.cand)
            dealt[Int(candReq[Int(a.cand)])] += 1
        }
        // A forced unit left empty: the request would fall below its minimum.
        for r in reqs where dealt[r] < forced[r] { return nil }
        var changed: [(worker: Int, row: [Int32])] = []
        for w in free where (newRows[w] ?? []).sorted() != jobs[w * nD + d].sorted() {
            changed.append((w, (newRows[w] ?? []).sorted()))
        }
        return changed.isEmpty ? nil : changed
    }
}
