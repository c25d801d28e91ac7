import Foundation

/// Exact exchange of multi-day schedules between workers, for multi-day instances.
///
/// For a window of consecutive calendar days `a ... b` (every other day fixed), each worker without a pin in the window
/// holds a *schedule*: its requests on those days (or nothing). The move reassigns these schedules among the same
/// workers, optimally: an assignment problem (workers × distinct schedules, each schedule as many times as it is held)
/// valued by the engine's objective for that worker on those days (pair costs, continuity inside the window and with
/// the fixed days `a − 1` and `b + 1` or `history`), solved exactly by the same min-cost flow. A worker may take a
/// schedule only when it is a candidate for all its requests and its ISO-week caps still hold; pins stay put.
///
/// Every request keeps its headcount, so `medium` and rule 7 are untouched. This reaches what the exact day re-solves
/// cannot: two workers trading whole multi-day chains (worker A takes B's two days of job J and B takes A's two
/// days), where each single day of the trade alone loses a continuity bonus. The day-by-day descent then adapts the
/// rest of each day. Deterministic (array orders only) and kept only when the plan's objective strictly improves.
extension Engine {
    /// The windows of the exchange: every run of at least two consecutive calendar plan days, as (first, last).
    func exchangeWindows() -> [(Int, Int)] {
        var windows: [(Int, Int)] = []
        for a in 0..<nD {
            var b = a
            while p.followed(b) {
                b += 1
                windows.append((a, b))
            }
        }
        return windows
    }

    /// The exact day-by-day descent (`dayDescent(after:)`), then one exchange per window, repeated while an exchange
    /// improves (at most `maxRounds` times) and the `scheduleExchange` share of the work budget lasts (to which all
    /// of it is charged).
    mutating func exchangeDescent(
        after first: Int = -1, _ windows: [(Int, Int)], _ lookup: SlotCandidates, maxRounds: Int = 4
    ) {
        let outer = phase
        phase = .scheduleExchange
        defer { phase = outer }
        dayDescent(after: first)
        guard p.continuity > 0 else { return }
        var round = 0
        var improved = true
        while improved && round < maxRounds && workLeft > 0 && !outOfTime() {
            improved = false
            round += 1
            for (a, b) in windows where workLeft > 0 && exchangeSchedules(from: a, to: b, lookup) {
                improved = true
                stats.moves += 1
            }
            if improved { dayDescent() }
        }
    }

    /// One exact exchange of the schedules of days `a ... b` (see the extension comment). Applies it and returns true
    /// when the plan's objective strictly improves. With `edge`, each link to a fixed day beside the window is worth
    /// `edge` instead of a whole bonus, and the exchange is applied (returning true) whenever it rises by those values,
    /// whatever the plan's objective does (`ChainsRelaxedExchange.swift` repairs the days beside it).
    mutating func exchangeSchedules(from a: Int, to b: Int, _ lookup: SlotCandidates, edge: Int64? = nil) -> Bool {
        let len = b - a + 1
        let nK = p.weeks.count
        // Workers that take part: no pin in the window.
        var movable = [Bool](repeating: true, count: p.nW)
        for w in 0..<p.nW {
            for x in a...b where p.pinnedOn[w * nD + x] >= 0 { movable[w] = false }
        }
        // Distinct non-empty schedules, in order of first holder; `held[s]` counts their holders.
        var scheduleIndex: [[Int32]: Int] = [:]
        var schedules: [[Int32]] = []
        var held: [Int32] = []
        for w in 0..<p.nW where movable[w] {
            let s = Array(assign[(w * nD + a)...(w * nD + b)])
            guard s.contains(where: { $0 >= 0 }) else { continue }
            if let i = scheduleIndex[s] {
                held[i] += 1
            } else {
                scheduleIndex[s] = schedules.count
                schedules.append(s)
                held.append(1)
            }
        }
        guard !schedules.isEmpty else { return false }
        // Days each schedule uses per ISO week (only weeks the window touches).
        var scheduleWeekDays = [[Int32]](repeating: [Int32](repeating: 0, count: nK), count: schedules.count)
        for (i, s) in schedules.enumerated() {
            for x in 0..<len where s[x] >= 0 { scheduleWeekDays[i][Int(p.dayWeek[a + x])] += 1 }
        }
        var weeksInWindow: [Int] = []
        for x in a...b where !weeksInWindow.contains(Int(p.dayWeek[x])) { weeksInWindow.append(Int(p.dayWeek[x])) }

        // The network: one group and one row per movable worker, one arc per schedule it may take.
        var net = FlowNetwork()
        net.nReq = schedules.count
        var current: Int64 = 0
        var arcCands: [[Int32]] = []
        for w in 0..<p.nW where movable[w] {
            // Days w works outside the window, per week (pins excluded: `capLeft` already counts them).
            var outside = [Int32](repeating: 0, count: nK)
            for e in 0..<nD where (e < a || e > b) && assign[w * nD + e] >= 0 && p.pinnedOn[w * nD + e] < 0 {
                outside[Int(p.dayWeek[e])] += 1
            }
            let own = Array(assign[(w * nD + a)...(w * nD + b)])
            let rowStart = net.arcReq.count
            for (i, s) in schedules.enumerated() {
                var fits = true
                for k in weeksInWindow where scheduleWeekDays[i][k] + outside[k] > p.capLeft[w * nK + k] {
                    fits = false
                }
                guard fits, let (value, cands) = scheduleValue(w, s, from: a, lookup, edge: edge) else { continue }
                if s == own { current += value }
                net.arcReq.append(Int32(i))
                net.arcValue.append(value)
                net.arcCand.append(Int32(arcCands.count))
                arcCands.append(cands)
            }
            guard net.arcReq.count > rowStart else { continue }
            net.rowWorker.append(Int32(w))
            net.rowDay.append(Int32(a))
            net.rowArcStart.append(Int32(net.arcReq.count))
            net.groupSupply.append(1)
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        charge(net.arcReq.count + p.nW)
        let sol = exactFlow(
            FlowSolver(net), CostScalingSolver(net), cap: held, minUnits: [Int32](repeating: 0, count: schedules.count),
            bonus: 1, order: releaseOrder(net))
        stats.flowWork += sol.work
        charge(sol.work)
        // Every schedule must stay held (it always can: the current plan does), and the value must rise.
        for i in 0..<schedules.count where sol.reqCount[i] != held[i] { return false }
        guard sol.value > current else { return false }
        let before = trueValue()
        let saved = (assign, assignCand)
        for w in 0..<p.nW where movable[w] {
            for x in a...b {
                assign[w * nD + x] = -1
                assignCand[w * nD + x] = -1
            }
        }
        for row in 0..<net.nRows where sol.rowArc[row] >= 0 {
            let arc = Int(sol.rowArc[row])
            let w = Int(net.rowWorker[row])
            let s = schedules[Int(net.arcReq[arc])]
            let cands = arcCands[Int(net.arcCand[arc])]
            for x in 0..<len {
                assign[w * nD + a + x] = s[x]
                assignCand[w * nD + a + x] = cands[x]
            }
        }
        if edge != nil || trueValue() > before { return true }
        (assign, assignCand) = saved
        return false
    }

    /// The engine's value of worker w holding schedule `s` on days `a ..< a + s.count` (every other day as planned),
    /// with the candidate pair of each day (-1 where the schedule is empty); nil when w is not a candidate for one of
    /// its requests. With `edge`, a link to a fixed day beside the window is worth `edge` (history links stay whole).
    func scheduleValue(
        _ w: Int, _ s: [Int32], from a: Int, _ lookup: SlotCandidates, edge: Int64? = nil
    ) -> (Int64, [Int32])? {
        let boundary = edge ?? p.continuity
        var value: Int64 = 0
        var cands = [Int32](repeating: -1, count: s.count)
        for (x, r32) in s.enumerated() where r32 >= 0 {
            let d = a + x
            let r = Int(r32)
            let c = Int(lookup.candidate(w, r, day: d))
            guard c >= 0 else { return nil }
            cands[x] = Int32(c)
            value += p.reqPriority[r] * p.bigM - p.candCost[c]
            if p.candHistory[c] != 0 {
                value += p.continuity
            } else if p.follows[d] {
                let q = x > 0 ? s[x - 1] : assign[w * nD + d - 1]
                if q >= 0 && p.reqJob[Int(q)] == p.reqJob[r] { value += x > 0 ? p.continuity : boundary }
            }
        }
        // Continuity of the fixed day after the window with the schedule's last day (unless `history` gives it).
        let b = a + s.count - 1
        if p.followed(b), let last = s.last, last >= 0 {
            let next = assign[w * nD + b + 1]
            let nextCand = assignCand[w * nD + b + 1]
            let fromHistory = nextCand >= 0 && p.candHistory[Int(nextCand)] != 0
            if next >= 0 && !fromHistory && p.reqJob[Int(next)] == p.reqJob[Int(last)] { value += boundary }
        }
        return (value, cands)
    }
}
