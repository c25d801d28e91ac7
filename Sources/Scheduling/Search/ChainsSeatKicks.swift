import Foundation

/// Costly-seat kicks (sessions "chains9", "chains10", kept in "chains11"): the dearest seats of the plan priced out and
/// every day re-decided around them, as the worker schedules phase's last plans.
///
/// The flow over every day with the plan's own schedules as a bonus (`scheduleBonus`: each link's whole continuity on
/// both of its days) returns the plan itself or a better one (`ChainsPlanRecoveryTests`). A kick gives the dearest
/// unpinned seats not tried yet a penalty instead of their bonus, so the flow moves those workers off them (where
/// someone else can take the seat at less than the penalty) and re-decides every day with the weekly caps exact; the
/// day descent and the schedule exchanges (`chainDescent`) then polish the result, which is kept when the plan's
/// objective rose, else undone. The flow keeps the plan's open and closed requests and starts from the plan with
/// prices for which it is optimal under its own bonus (`flowWithBonus(pricedBy:)`, `PlanPrices`): 0.17-0.74M units on
/// the generated instances of 150-250 workers instead of 1.0-2.1M for the flow from cold prices.
extension Engine {
    /// Seats priced out by one kick.
    static let kickSeats = 3

    /// Kicks while the current phase has units left (at most `maxKicks`), charged to it. Ends on the best plan seen
    /// (never worse than the start by the engine's objective); returns true when the plan rose.
    @discardableResult
    mutating func seatKicks(
        _ dp: ScheduleDP, _ windows: [(Int, Int)], _ lookup: SlotCandidates, maxKicks: Int = 1000,
        seats: Int = Engine.kickSeats
    ) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        var tried = Set<Int32>()
        var any = false
        var kicks = 0
        let remapWas = dayWarm?.remap ?? false
        if Engine.k13w == "kicks" { dayWarm?.remap = true }
        defer { dayWarm?.remap = remapWas }
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
            let saved = (assign, assignCand)
            let mine = planOptions(dp)
            let own = scheduleBonus(dp, mine)
            var ownBonus = [Double](repeating: 0, count: dp.optionCount)
            for s in 0..<mine.count where mine[s] >= 0 { ownBonus[Int(mine[s])] = own[s] }
            var kickBonus = ownBonus
            for q in picks where mine[q] >= 0 {
                kickBonus[Int(mine[q])] = -Double(2 * p.continuity + p.candCost[Int(saved.1[q])])
            }
            let u0 = budget.spent[phase, default: 0]
            flowWithBonus(dp, kickBonus, pricedBy: ownBonus)
            let u1 = budget.spent[phase, default: 0]
            let v1 = trueValue()
            var v2 = v1
            var u2 = u1
            switch Engine.k13 {
            case "L": localDescent(from: saved.0, beforeCand: saved.1)
            case "LF":
                localDescent(from: saved.0, beforeCand: saved.1)
                v2 = trueValue()
                u2 = budget.spent[phase, default: 0]
                descend()
            case "LC":
                localDescent(from: saved.0, beforeCand: saved.1)
                v2 = trueValue()
                u2 = budget.spent[phase, default: 0]
                chainDescent(after: -1, windows, lookup)
            case "F": descend()
            case "F1": dayDescent(after: -1, maxPasses: 1, warm: dayWarm != nil)
            case "F2": dayDescent(after: -1, maxPasses: 2, warm: dayWarm != nil)
            case "FT":
                var unchanged = 0
                var d = 0
                var passes = 0
                while unchanged < nD && passes < 6 * nD && workLeft > 0 {
                    passes += 1
                    let a0 = budget.spent[phase, default: 0]
                    let b0 = stats.branchNodes
                    let v0 = trueValue()
                    let warmOK = dayWarm != nil
                    if resolveDay(d, warm: warmOK) { unchanged = 0 } else { unchanged += 1 }
                    FileHandle.standardError.write(
                        "  full d\(d) work \(budget.spent[phase, default: 0] - a0) nodes \(stats.branchNodes - b0) gain \(trueValue() - v0)\n"
                            .data(using: .utf8)!)
                    d = (d + 1) % nD
                }
            default: chainDescent(after: -1, windows, lookup)
            }
            if Engine.trace13 {
                let u3 = budget.spent[phase, default: 0]
                FileHandle.standardError.write(
                    "kick \(kicks): start \(start) flow \(v1 - start) (\(u1 - u0)) local \(v2 - start) (\(u2 - u1)) end \(trueValue() - start) (\(u3 - u2)) left \(workLeft)\n"
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
}
