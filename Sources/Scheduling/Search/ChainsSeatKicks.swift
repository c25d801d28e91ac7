import Foundation

/// Costly-seat kicks (session "chains9", experimental): the dearest seat of the plan is priced out and every day is
/// re-decided around it.
///
/// The flow over every day with the plan's own schedules as a bonus (`scheduleBonus`: each link's whole continuity on
/// both of its days) returns the plan itself or a better one. Here the dearest unpinned seat not tried yet gets a
/// penalty instead of its bonus, so the flow moves that worker off it (where someone else can take it at less than
/// the penalty) and re-decides every day with the weekly caps exact; the exact day descent and the schedule exchanges
/// then polish the result, which is kept when the plan's objective rose, else undone.
extension Engine {
    /// Up to `maxKicks` kicks on the current phase's share (see the extension comment). Returns true when the plan
    /// rose.
    @discardableResult
    mutating func seatKicks(maxKicks: Int) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        let lookup = SlotCandidates(p, nD: nD)
        let windows = exchangeWindows()
        let dp = ScheduleDP(p, nD: nD, lookup, allowed: [Bool](repeating: true, count: p.nR))
        charge(dp.optionCount)
        let mode = ProcessInfo.processInfo.environment["ILSON_KICKMODE"] ?? "cost"
        var tried = Set<Int32>()
        var fullWarm: FlowSolution?
        let trace = ProcessInfo.processInfo.environment["ILSON_KTRACE"] != nil
        var spentBefore = budget.spent[phase, default: 0]
        let multi = Int(ProcessInfo.processInfo.environment["ILSON_KMULTI"] ?? "1") ?? 1
        let penaltyScale = Double(ProcessInfo.processInfo.environment["ILSON_KPEN"] ?? "1") ?? 1
        let warmBefore = dayWarm
        if ProcessInfo.processInfo.environment["ILSON_KALLWARM"] != nil && dayWarm == nil {
            dayWarm = DayWarmStarts(nD: nD)
        }
        defer { if warmBefore == nil { dayWarm = nil } }
        var any = false
        var kicks = 0
        while kicks < maxKicks && workLeft > 0 && !outOfTime() {
            // The dearest unpinned seats not tried yet.
            var picks: [Int] = []
            for _ in 0..<multi {
                var pick = -1
                var pickKey = Int64.min
                for s in 0..<assign.count
                where assign[s] >= 0 && assignCand[s] >= 0 && p.pinnedOn[s] < 0 && !picks.contains(s) {
                    let c = assignCand[s]
                    if tried.contains(c) { continue }
                    var key = p.candCost[Int(c)]
                    if mode == "regret" {
                        // Cost above the request's cheapest candidate.
                        let r = Int(assign[s])
                        var least = Int64.max
                        for k in Int(p.candStart[r])..<Int(p.candStart[r + 1]) { least = min(least, p.candCost[k]) }
                        key -= least
                    }
                    if key > pickKey {
                        pickKey = key
                        pick = s
                    }
                }
                if pick >= 0 { picks.append(pick) }
            }
            guard let pick = picks.first else { break }
            for q in picks { tried.insert(assignCand[q]) }
            kicks += 1
            let start = trueValue()
            let saved = (assign, assignCand)
            let mine = planOptions(dp)
            let own = scheduleBonus(dp, mine)
            var perOption = [Double](repeating: 0, count: dp.optionCount)
            for s in 0..<mine.count where mine[s] >= 0 { perOption[Int(mine[s])] = own[s] }
            for q in picks where mine[q] >= 0 {
                perOption[Int(mine[q])] = -penaltyScale * Double(2 * p.continuity + p.candCost[Int(assignCand[q])])
            }
            if ProcessInfo.processInfo.environment["ILSON_KFULLWARM"] != nil {
                fullWarm = kickFlow(dp, perOption, warm: fullWarm)
            } else {
                flowWithBonus(dp, perOption)
            }
            if trace {
                let spent = budget.spent[phase, default: 0]
                FileHandle.standardError.write("  flow units \(spent - spentBefore)\n".data(using: .utf8)!)
            }
            if ProcessInfo.processInfo.environment["ILSON_KPOLISH"] == "descent" {
                descend()
            } else {
                chainDescent(after: -1, windows, lookup)
            }
            if trace {
                let spent = budget.spent[phase, default: 0]
                FileHandle.standardError.write(
                    "kick \(kicks) seat cost \(p.candCost[Int(saved.1[pick])]) gain \(trueValue() - start) units \(spent - spentBefore)\n"
                        .data(using: .utf8)!)
                spentBefore = spent
            }
            if trueValue() > start {
                any = true
                stats.moves += 1
            } else {
                (assign, assignCand) = saved
            }
        }
        return any
    }

    /// Experimental: the part (1 / N) of a phase's share given to the kicks, from `ILSON_FUND=name:N`.
    func kickFund(_ name: String) -> Int? {
        guard let f = ProcessInfo.processInfo.environment["ILSON_FUND"] else { return nil }
        let parts = f.split(separator: ":")
        guard parts.count == 2, parts[0] == name, let n = Int(parts[1]), n > 0 else { return nil }
        return n
    }

    /// Experimental: charges the kicks' reserve of the current phase (0 when not funded).
    mutating func reserveKicks(_ name: String) -> Int {
        guard let n = kickFund(name) else { return 0 }
        let r = max(0, budget.allowance(phase) / n)
        charge(r)
        return r
    }

    /// Experimental: gives the reserve back and runs the kicks on it.
    mutating func runReservedKicks(_ reserve: Int) {
        guard reserve > 0 else { return }
        charge(-reserve)
        seatKicks(maxKicks: 1000)
    }

    /// Experimental: the kicks on the chains' allowance.
    mutating func chainKicks() {
        let outer = phase
        phase = .chains
        defer { phase = outer }
        seatKicks(maxKicks: 1000)
    }

    /// `flowWithBonus` with the root warm-started from `warm` (the last kick's solve of the same network) and the
    /// current plan as its flow; returns this solve, the next one's warm start.
    mutating func kickFlow(_ dp: ScheduleDP, _ bonus: [Double], warm: FlowSolution?) -> FlowSolution {
        var net = buildFullNetwork()
        charge(net.arcReq.count + p.nW)
        for row in 0..<net.nRows {
            let s = Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])
            for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) {
                let r = net.arcReq[a]
                for o in Int(dp.optStart[s])..<Int(dp.optStart[s + 1]) where dp.optReq[o] == r && bonus[o] != 0 {
                    net.arcValue[a] += Int64(bonus[o].rounded())
                }
            }
        }
        var start: FlowSolution?
        if var w = warm, !w.prices.isEmpty {
            w.rowArc = [Int32](repeating: -1, count: net.nRows)
            for row in 0..<net.nRows {
                let held = assignCand[Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])]
                guard held >= 0 else { continue }
                for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) where net.arcCand[a] == held {
                    w.rowArc[row] = Int32(a)
                }
            }
            start = w
        }
        let sol = branchAndBound(net, order: releaseOrder(net), isFull: false, warm: start)
        (assign, assignCand) = pinnedAssignments()
        for row in 0..<net.nRows where sol.rowArc[row] >= 0 {
            let a = Int(sol.rowArc[row])
            let slot = Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])
            assign[slot] = net.arcReq[a]
            assignCand[slot] = net.arcCand[a]
        }
        return sol
    }
}
