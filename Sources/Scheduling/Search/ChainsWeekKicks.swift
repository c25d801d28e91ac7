import Foundation

/// Iterated local search over the flow of every plan day at once (week kicks), for small multi-day instances.
///
/// A kick solves the first flow over every day (`buildFullNetwork`: weekly caps exact, minimum headcounts by the
/// same branch and bound) with the continuity bonus linearized around the current plan: a pair gets the whole bonus for
/// each neighbouring calendar day on which the plan has the worker on the same job (so the current plan is valued with
/// each link on both of its days), less a small random noise, and the current assignments of a random share of the
/// workers lose up to two bonuses. The exact day-by-day descent then repairs the links the flow broke. The walk accepts
/// a plan at most a third of a bonus below the current one and keeps the best.
///
/// What the day kicks (`DayILS.swift`) cannot do: move a capped worker's day from one end of the week to the other and
/// hand its old day to another worker in one step. A day re-solve sees a worker whose weekly cap is used by its other
/// days as unavailable, so no single-day move lets it trade one of its days for another; the flow over every day
/// trades them exactly. Deterministic (a seeded `SplitMix64`, counted work), charged to the current phase.
extension Engine {
    /// The week kicks (see the extension comment) for at most `iterations` kicks from the current plan, while the
    /// current phase's share lasts; ends on the best plan found (never worse by the engine's objective).
    mutating func weekKicks(iterations: Int, seed: UInt64) {
        guard nD > 1, p.continuity > 0 else { return }
        var g = SplitMix64(seed: seed ^ 0x3EE4_C1C5_0000_0011)
        var net = buildFullNetwork()
        charge(net.arcReq.count + p.nW)
        guard net.nRows > 0 else { return }
        let base = net.arcValue
        let full = p.continuity
        let exp = ProcessInfo.processInfo.environment["ILSON_EXP"] ?? ""
        let noise = exp.contains("q") ? 2 : UInt64(max(1, full / 3))
        let mixEvery = exp.hasPrefix("mix") ? Int(exp.dropFirst(3).prefix(1)) ?? 2 : 1
        let log = ProcessInfo.processInfo.environment["ILSON_EXPLOG"] != nil
        var kicks = 0
        let slack = max(1, full / 3)
        dayDescent()
        var current = trueValue()
        var best = current
        var bestPlan = (assign, assignCand)
        var currentPlan = bestPlan
        let pins = pinnedAssignments()
        var kicked = [Int64](repeating: 0, count: p.nW)
        for it in 0..<iterations {
            if workLeft <= 0 || outOfTime() { break }
            kicks += 1
            let w0 = budget.spent[phase, default: 0]
            if it % mixEvery != mixEvery - 1 {
                // A day kick, as `dayILS` draws it.
                let d = Int(g.next() % UInt64(nD))
                let share = 10 + g.next() % 30
                var open = -1
                if g.next() % 2 == 0 {
                    var closed: [Int] = []
                    for r in 0..<p.nR where Int(p.reqDay[r]) == d && p.reqCap[r] > 0 && p.candStart[r + 1] > p.candStart[r]
                    {
                        var n = 0
                        for w in 0..<p.nW where assign[w * nD + d] == Int32(r) { n += 1 }
                        if n == 0 || n < p.reqMin[r] { closed.append(r) }
                    }
                    if !closed.isEmpty { open = closed[Int(g.next() % UInt64(closed.count))] }
                }
                kickDay(d, rng: &g, share: open >= 0 ? share / 2 : share, open: open)
                dayDescent(after: d)
                let v = trueValue()
                if log { FileHandle.standardError.write("day kick \(it): \(v - current) work \(budget.spent[phase, default: 0] - w0)\n".data(using: .utf8)!) }
                if v >= current - slack {
                    current = v
                    currentPlan = (assign, assignCand)
                    if v > best {
                        best = v
                        bestPlan = currentPlan
                        stats.moves += 1
                    }
                } else {
                    (assign, assignCand) = currentPlan
                }
                continue
            }
            let share = 5 + g.next() % 25
            for w in 0..<p.nW {
                kicked[w] = g.next() % 100 < share ? 1 + Int64(g.next() % UInt64(2 * full)) : 0
            }
            for row in 0..<net.nRows {
                let w = Int(net.rowWorker[row])
                let d = Int(net.rowDay[row])
                let day = p.days[d].ordinal
                let prev = d > 0 && p.days[d - 1].ordinal == day - 1 ? assign[w * nD + d - 1] : -1
                let next = d + 1 < nD && p.days[d + 1].ordinal == day + 1 ? assign[w * nD + d + 1] : -1
                let mine = assign[w * nD + d]
                for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) {
                    let r = net.arcReq[a]
                    let job = p.reqJob[Int(r)]
                    var v = base[a]
                    // History's bonus is in `base`; a link to the previous day counts only without it.
                    if prev >= 0 && p.reqJob[Int(prev)] == job && p.candHistory[Int(net.arcCand[a])] == 0 { v += full }
                    if next >= 0 && p.reqJob[Int(next)] == job { v += full }
                    v -= Int64(g.next() % noise)
                    if mine == r { v -= kicked[w] }
                    net.arcValue[a] = v
                }
            }
            charge(net.arcReq.count)
            let sol = branchAndBound(net, order: releaseOrder(net), isFull: false)
            (assign, assignCand) = pins
            for row in 0..<net.nRows where sol.rowArc[row] >= 0 {
                let a = Int(sol.rowArc[row])
                let slot = Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])
                assign[slot] = net.arcReq[a]
                assignCand[slot] = net.arcCand[a]
            }
            let w1 = budget.spent[phase, default: 0]
            dayDescent()
            let v = trueValue()
            if log { FileHandle.standardError.write("week kick \(it): \(v - current) flow \(w1 - w0) descent \(budget.spent[phase, default: 0] - w1)\n".data(using: .utf8)!) }
            if v >= current - slack {
                current = v
                currentPlan = (assign, assignCand)
                if v > best {
                    best = v
                    bestPlan = currentPlan
                    stats.moves += 1
                }
            } else {
                (assign, assignCand) = currentPlan
            }
        }
        (assign, assignCand) = bestPlan
        if log { FileHandle.standardError.write("kicks \(kicks) gain \(best)\n".data(using: .utf8)!) }
    }
}
