import Foundation

/// How the slot polish lets one worker-day row take jobs: one job of any of its candidates, or one job of each of two
/// slots (an earlier and a later one) whose every pair fits together.
struct LargeSlotRow {
    /// `w * nD + d`.
    var key: Int32
    /// Per candidate of the row (`rowCands` order): its slot (0 or 1), or −1 when the row leaves it out. Nil: single
    /// mode, every candidate, one job at most.
    var slot: [Int8]?
    /// Whether the row draws its dates from its week's group (a binding week), else from its own supply.
    var grouped: Bool
}

extension GeneralEngine {
    /// Splits a row's candidates into two slots at a moment T (slot 0: jobs ending by T, slot 1: jobs starting at T or
    /// later), dropping jobs until every job of slot 0 fits beside every job of slot 1 (transfer, minutes), so that any
    /// choice of at most one job a slot is a valid day. `anchors` must stay in their slots (`anchors[0]` in slot 0,
    /// `anchors[1]` in slot 1; one anchor may take either). Among the moments that keep the anchors, the one that keeps
    /// the most pairs across it. Returns nil when no split keeps a job in both slots.
    func slotSplit(row key: Int, anchors: [Int32]) -> [Int8]? {
        let cands = rowCands[key]
        guard cands.count >= 2 else { return nil }
        let req = cands.map { inst.requests[Int(candReq[Int($0)])] }
        let at = anchors.map { a in cands.firstIndex(of: a) ?? -1 }
        guard !at.contains(-1) else { return nil }
        // The moment: the end of a job, keeping the anchors, with the most pairs across it (by counts alone).
        var bestT = Int.min
        var bestPairs = 0
        for t in Set(req.map(\.endMinute)).sorted() {
            if at.count == 2 {
                guard req[at[0]].endMinute <= t, req[at[1]].startMinute >= t else { continue }
            } else if at.count == 1 {
                guard req[at[0]].endMinute <= t || req[at[0]].startMinute >= t else { continue }
            }
            let n0 = req.reduce(0) { $0 + ($1.endMinute <= t ? 1 : 0) }
            let n1 = req.reduce(0) { $0 + ($1.startMinute >= t ? 1 : 0) }
            if n0 * n1 > bestPairs {
                bestPairs = n0 * n1
                bestT = t
            }
        }
        guard bestPairs > 0 else { return nil }
        var slot = req.map { R -> Int8 in R.endMinute <= bestT ? 0 : (R.startMinute >= bestT ? 1 : -1) }
        // Pairs across the moment that do not fit (a transfer too short, minutes): a gap of at least the transfer
        // across the row's whole reach (twice its farthest farm from home, one minute spare) always fits in time.
        let W = inst.workers[key / max(1, nD)]
        var reach = 0.0
        for r in req.indices where slot[r] >= 0 {
            reach = max(reach, Distance.km(W.home, reqLoc[Int(candReq[Int(cands[r])])]))
        }
        let surely = transferMinutes(distanceKm: 2 * reach, speedKmh: inst.speedKmh) + 1
        var misfit = [[Int]](repeating: [], count: cands.count)
        for i in cands.indices where slot[i] == 0 {
            for j in cands.indices where slot[j] == 1 {
                let timeSure = req[j].startMinute - req[i].endMinute >= surely
                let minutesSure = W.maxMinutesPerDay.map { req[i].lengthMinutes + req[j].lengthMinutes <= $0 } ?? true
                if timeSure && minutesSure { continue }
                if !fits(cands[j], row: key, [cands[i]]) {
                    misfit[i].append(j)
                    misfit[j].append(i)
                }
            }
        }
        // Drop the job with the most misfits left until none is left; an anchor never goes (the plan's jobs fit).
        var degree = misfit.map(\.count)
        while true {
            var worst = -1
            for i in cands.indices where degree[i] > 0 && !at.contains(i) {
                if worst < 0 || degree[i] > degree[worst] { worst = i }
            }
            guard worst >= 0 else { break }
            slot[worst] = -1
            degree[worst] = 0
            for j in misfit[worst] where degree[j] > 0 { degree[j] -= 1 }
        }
        guard slot.contains(0), slot.contains(1), degree.allSatisfy({ $0 == 0 }) else { return nil }
        return slot
    }

    /// The rows of a slot polish from a valid plan: rows with pins are fixed (`LargeFixedRows`), a row that can hold two
    /// jobs takes slot mode (split around the plan's jobs) unless its plan job fits beside none of its candidates, every
    /// other row single mode. In a week whose cap binds, the rows in slot mode that hold plan jobs keep their dates (own
    /// supply) and every other row of the week takes one job at most from a group of the dates left; elsewhere every
    /// row has its own supply. The plan itself is a solution of this flow, and every solution is valid but for
    /// minimum headcounts.
    func slotRows(_ plan: [Int32: [Int32]]) -> (rows: [LargeSlotRow], fixed: LargeFixedRows, groupCap: [Int32]) {
        var fixed = LargeFixedRows(
            count: [Int32](repeating: 0, count: p.nR), riders: [Int32](repeating: 0, count: p.nR),
            used: [Int32](repeating: 0, count: p.nW * max(1, nK)))
        for key in pinsOn.indices where !pinsOn[key].isEmpty {
            fixed.rows.insert(Int32(key))
            for c in plan[Int32(key)] ?? [] {
                let r = Int(candReq[Int(c)])
                fixed.count[r] += 1
                if p.candRide[Int(c)] != 0 { fixed.riders[r] += 1 }
            }
        }
        var rows: [LargeSlotRow] = []
        var groupCap: [Int32] = []
        for w in 0..<p.nW {
            var k = -1
            var open: [Int] = []
            func flush() {
                guard k >= 0, !open.isEmpty else { return }
                let left = datesLeft[w * nK + k]
                let binding = Int32(open.count) > left
                var modes: [(Int, [Int8]?)] = []
                for d in open {
                    let key = w * nD + d
                    let jobs = (plan[Int32(key)] ?? []).sorted {
                        let a = inst.requests[Int(candReq[Int($0)])]
                        let b = inst.requests[Int(candReq[Int($1)])]
                        return (a.endMinute, a.startMinute, $0) < (b.endMinute, b.startMinute, $1)
                    }
                    var slot: [Int8]? = nil
                    if rowCap[key] >= 2 && jobs.count <= 2 {
                        let partnered =
                            jobs.count != 1 || rowCands[key].contains { $0 != jobs[0] && fits($0, row: key, jobs) }
                        if partnered { slot = slotSplit(row: key, anchors: jobs) }
                    }
                    modes.append((key, slot))
                }
                var g: Int32 = -1
                if binding {
                    var own: Int32 = 0
                    for (key, slot) in modes where slot != nil && plan[Int32(key)] != nil { own += 1 }
                    for (key, slot) in modes where slot == nil && (plan[Int32(key)]?.count ?? 0) >= 2 { own += 1 }
                    if left - own > 0 {
                        g = Int32(groupCap.count)
                        groupCap.append(left - own)
                    }
                }
                for (key, slot) in modes {
                    let held = plan[Int32(key)] ?? []
                    if slot == nil && held.count >= 2 {
                        // Two jobs the split cannot keep: the row stays as it is.
                        fixed.rows.insert(Int32(key))
                        for c in held {
                            let r = Int(candReq[Int(c)])
                            fixed.count[r] += 1
                            if p.candRide[Int(c)] != 0 { fixed.riders[r] += 1 }
                        }
                        fixed.used[w * nK + k] += 1
                        continue
                    }
                    if binding && !(slot != nil && !held.isEmpty) {
                        if g >= 0 { rows.append(LargeSlotRow(key: Int32(key), slot: nil, grouped: true)) }
                    } else {
                        rows.append(LargeSlotRow(key: Int32(key), slot: slot, grouped: false))
                    }
                }
            }
            for d in 0..<nD {
                let key = w * nD + d
                guard !rowCands[key].isEmpty, pinsOn[key].isEmpty, rowCap[key] > 0 else { continue }
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
        return (rows, fixed, groupCap)
    }

    /// One slot-polish flow (`slotRows`): the requests, seats and share bonus as in `largeRelaxation`, fixed rows taken
    /// out, forced requests' units up to their minimum carry a bonus, closed requests are left out; from `warm`'s
    /// request prices when given (`polishWarmStart`). The result says its prices and request side (a warm start for
    /// the next flow).
    mutating func largeSlotFlow(
        _ plan: [Int32: [Int32]], value: (Int) -> Int64, forced: Set<Int32>, closed: Set<Int32>,
        warm: LargeRequestPrices? = nil
    ) -> (LargeRelaxation, LargeFixedRows) {
        var (rows, fixed, groupCap) = slotRows(plan)
        fixed.forced = forced
        fixed.closed = closed
        // Group of each grouped row: rows of one group are contiguous in `rows`, groups in order.
        var rowGroup = [Int32](repeating: -1, count: rows.count)
        do {
            var g: Int32 = -1
            var lastWeek = -1
            for (i, row) in rows.enumerated() where row.grouped {
                let w = Int(row.key) / max(1, nD)
                let wk = w * nK + Int(p.dayWeek[Int(row.key) % max(1, nD)])
                if wk != lastWeek {
                    g += 1
                    lastWeek = wk
                }
                rowGroup[i] = g
            }
            precondition(Int(g) + 1 == groupCap.count, "slot polish: groups out of step")
        }
        let nG = groupCap.count
        var next = nG + rows.count
        var slotFirst = [Int32](repeating: -1, count: rows.count)
        for (i, row) in rows.enumerated() where row.slot != nil {
            slotFirst[i] = Int32(next)
            next += 2
        }
        let (reqNode, vanNode) = largeRequestNodes(from: &next, fixed: fixed)
        let sink = next
        var g = GeneralCostScaling(nodes: sink + 1)
        var total: Int64 = 0
        for i in 0..<nG {
            g.supply[i] = Int64(groupCap[i])
            total += Int64(groupCap[i])
            g.add(i, sink, cap: groupCap[i], cost: 0)
        }
        var pairArcs: [(arc: Int, row: Int32, cand: Int32)] = []
        for (i, row) in rows.enumerated() {
            let node = nG + i
            let cap: Int32 = row.slot == nil ? 1 : 2
            if rowGroup[i] >= 0 {
                g.add(Int(rowGroup[i]), node, cap: 1, cost: 0)
            } else {
                g.supply[node] = Int64(cap)
                total += Int64(cap)
            }
            for (j, c32) in rowCands[Int(row.key)].enumerated() {
                let c = Int(c32)
                let r = Int(candReq[c])
                let from: Int
                if let slot = row.slot {
                    guard slot[j] >= 0 else { continue }
                    from = Int(slotFirst[i]) + Int(slot[j])
                } else {
                    from = node
                }
                guard reqNode[r] >= 0 else { continue }
                let target = p.candRide[c] != 0 && vanNode[r] >= 0 ? vanNode[r] : reqNode[r]
                let a = g.add(from, Int(target), cap: 1, cost: -value(c))
                pairArcs.append((a, row.key, c32))
            }
            if rowGroup[i] < 0 { g.add(node, sink, cap: cap, cost: 0) }
            if row.slot != nil {
                g.add(node, Int(slotFirst[i]), cap: 1, cost: 0)
                g.add(node, Int(slotFirst[i]) + 1, cap: 1, cost: 0)
            }
        }
        g.supply[sink] = -total
        addLargeRequestArcs(&g, request: reqNode, van: vanNode, sink: sink, fixed: fixed)
        switch g.solve(
            deadline: budget.deadline, warm: polishWarmStart(g, from: warm, request: reqNode, van: vanNode, sink: sink))
        {
        case .failure(let why):
            if why == .deadline { budget.markDeadlineHit() }
            return (LargeRelaxation(rows: [:], medium: 0, complete: false, work: 0), fixed)
        case .success(let solution):
            var out: [Int32: [Int32]] = [:]
            for (a, row, c) in pairArcs where solution.flow[a] > 0 { out[row, default: []].append(c) }
            return (
                LargeRelaxation(
                    rows: out, medium: 0, complete: true, value: -solution.cost, work: solution.work,
                    prices: solution.prices, requestNodes: reqNode, vanNodes: vanNode, sinkNode: sink),
                fixed
            )
        }
    }
}
