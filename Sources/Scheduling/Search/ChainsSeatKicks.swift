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
            flowWithBonus(dp, kickBonus, pricedBy: ownBonus)
            chainDescent(after: -1, windows, lookup)
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
