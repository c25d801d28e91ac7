import Foundation

/// Costly-seat kicks (sessions "chains9", "chains10"): the dearest seats of the plan priced out and every day
/// re-decided around them.
///
/// The flow over every day with the plan's own schedules as a bonus (`scheduleBonus`: each link's whole continuity on
/// both of its days) returns the plan itself or a better one (`ChainsPlanRecoveryTests`). A kick gives the dearest
/// unpinned seats not tried yet a penalty instead of their bonus, so the flow moves those workers off them (where
/// someone else can take the seat at less than the penalty) and re-decides every day with the weekly caps exact; the
/// day descent and the schedule exchanges (`chainDescent`) then polish the result, which is kept when the plan's
/// objective rose, else undone. The flow of each kick starts from the previous flow's node prices (`warm`): one
/// refinement instead of the whole scaling.
extension Engine {
    /// Seats priced out by one kick.
    static let kickSeats = 3

    /// Kicks while the current phase has units left (at most `maxKicks`); `warm` is a solve of the flow over every day
    /// (any values) to start the first kick's flow from. Charged to the current phase. Returns true when the plan rose.
    @discardableResult
    mutating func seatKicks(
        _ dp: ScheduleDP, _ windows: [(Int, Int)], _ lookup: SlotCandidates, warm: FlowSolution?, maxKicks: Int = 1000,
        seats: Int = Engine.kickSeats
    ) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        var tried = Set<Int32>()
        var flowWarm = warm
        var any = false
        var kicks = 0
        let trace = ProcessInfo.processInfo.environment["ILSON_T10"] != nil
        while kicks < maxKicks && workLeft > 0 && !outOfTime() {
            // The dearest unpinned seats not tried yet (ties: the lower slot).
            var picks: [Int] = []
            for _ in 0..<seats {
                var pick = -1
                var pickKey = Int64.min
                for s in 0..<assign.count
                where assign[s] >= 0 && assignCand[s] >= 0 && p.pinnedOn[s] < 0 && !picks.contains(s)
                    && !tried.contains(assignCand[s]) && p.candCost[Int(assignCand[s])] > pickKey
                {
                    pickKey = p.candCost[Int(assignCand[s])]
                    pick = s
                }
                if pick >= 0 { picks.append(pick) }
            }
            guard !picks.isEmpty else { break }
            for q in picks { tried.insert(assignCand[q]) }
            kicks += 1
            let start = trueValue()
            let spent0 = budget.spent[phase, default: 0]
            let saved = (assign, assignCand)
            let mine = planOptions(dp)
            let own = scheduleBonus(dp, mine)
            var perOption = [Double](repeating: 0, count: dp.optionCount)
            for s in 0..<mine.count where mine[s] >= 0 { perOption[Int(mine[s])] = own[s] }
            let ownOption = perOption
            for q in picks where mine[q] >= 0 {
                perOption[Int(mine[q])] = -Double(2 * p.continuity + p.candCost[Int(saved.1[q])])
            }
            let k11 = ProcessInfo.processInfo.environment["ILSON_K11"] ?? ""
            let priced = k11 == "all" || (k11 == "first" && kicks == 1)
            flowWarm = flowWithBonus(dp, perOption, warm: flowWarm, pricedBy: priced ? ownOption : nil)
            let flowUnits = budget.spent[phase, default: 0] - spent0
            let k11polish = ProcessInfo.processInfo.environment["ILSON_K11POLISH"] ?? ""
            if k11polish == "none" {
            } else if k11polish == "pass" {
                dayDescent(maxPasses: 1, warm: dayWarm != nil)
            } else if ProcessInfo.processInfo.environment["ILSON_K10POLISH"] != nil {
                descend()
            } else {
                chainDescent(after: -1, windows, lookup)
            }
            if trace {
                FileHandle.standardError.write(
                    "T10 kick \(kicks) gain \(trueValue() - start) flow \(flowUnits) units \(budget.spent[phase, default: 0] - spent0)\n"
                        .data(using: .utf8)!)
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

    /// The kicks on the continuity chains' allowance (at most `ILSON_K10ENDFRAC` of it), warm day descents.
    mutating func endKicks() {
        guard nD > 1, p.continuity > 0 else { return }
        let outer = phase
        phase = .chains
        defer { phase = outer }
        guard workLeft > 0 else { return }
        let frac = ProcessInfo.processInfo.environment["ILSON_K10ENDFRAC"].flatMap(Double.init) ?? 1
        let held = max(0, workLeft - Int(frac * Double(workLeft)))
        charge(held)
        defer { charge(-held) }
        dayWarm = DayWarmStarts(nD: nD)
        defer { dayWarm = nil }
        let lookup = SlotCandidates(p, nD: nD)
        let dp = ScheduleDP(p, nD: nD, lookup, allowed: [Bool](repeating: true, count: p.nR))
        charge(dp.optionCount)
        seatKicks(dp, exchangeWindows(), lookup, warm: nil)
    }
}
