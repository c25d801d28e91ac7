import Foundation

extension GeneralEngine {
    /// Several days: the single jobs of plan day `d` re-decided by the large path's polish flow (`largeRelaxation`
    /// with `fixed`), every other day, the day's rows holding two jobs and the pinned rows fixed, each candidate
    /// valued exactly with the other days fixed (`dayValue`: continuity both ways). One cost-scaling flow is exact for
    /// the single jobs but for minimum headcounts; a request a flow leaves below its minimum is forced in the next
    /// flow, and closed in the one after (`completePolish`), at most `flows` flows. The day's rows are installed from
    /// the best repaired flow when the day is valid with it (`dayValid`) and its value (`dayPlanValue`) is above
    /// `floor`.
    ///
    /// A cheaper completion than `resolveSingles` (a branch and bound of successive shortest paths over the day,
    /// which branches on every minimum): on the generated 300 × 70 × 3 instance one `resolveSingles` of a day took its
    /// whole 1/16 of the budget, so the structure search completed only a handful of moves.
    ///
    /// - Returns: the day's value after the call (the plan is left as it was when no flow beat `floor`).
    @discardableResult
    mutating func polishDaySingles(_ d: Int, floor: Int64 = Int64.min, flows: Int = 3) -> Int64 {
        var cold: LargeRequestPrices?
        return polishDaySingles(d, floor: floor, flows: flows, warm: &cold)
    }

    /// `polishDaySingles(_:floor:flows:)` started warm: its first flow from `warm`'s request prices when given (the
    /// first flow of an earlier completion of the same day, another structure of that day: the requests are the same
    /// nodes and only the rows the move changed differ), each later flow from the flow before it, at
    /// `largePolishWarmEpsilon` (`LargeFlowWarm.swift`); on return `warm` holds this call's first flow's request
    /// prices. Any start gives the same optimal flow value (cost scaling); in `mediumFirst` on the generated
    /// 300 × 70 × 3 instance a flow took 176K work units on average against 513K cold (a completion 0.40M against
    /// 1.12M: 99 completions in the searches' budget against 37).
    @discardableResult
    mutating func polishDaySingles(
        _ d: Int, floor: Int64 = Int64.min, flows: Int = 3, warm: inout LargeRequestPrices?
    ) -> Int64 {
        var start = DayCompletionStart(prices: warm)
        let found = polishDay(d, floor: floor, flows: flows, start: &start)
        warm = start.prices
        return found ?? dayPlanValue(d)
    }

    /// The polish completion of plan day `d` from `start` (`polishDaySingles`, `polishDayMove`): its first flow from
    /// `start`'s request prices (cold when nil) with `start`'s requests forced and closed, each later flow from the
    /// flow before it with what `completePolish` forced or closed since. The day's rows are installed from the best
    /// repaired flow when the day is valid with it and its value is above `floor`. On return `start` holds the first
    /// flow's request prices and the forced and closed sets of the flow whose repair was kept (those it came with
    /// when none was).
    ///
    /// - Returns: the day's value when a repaired flow beat `floor`, else nil (the plan left as it was).
    mutating func polishDay(_ d: Int, floor: Int64, flows: Int, start: inout DayCompletionStart) -> Int64? {
        let (fixed, plan) = polishFixedRows(day: d)
        // The values as a table: a closure over a copy of the engine copies the engine at each call (`baseValues()`),
        // and the repair and the valuations call it thousands of times a completion.
        let table = (0..<p.candidateCount).map { dayValue($0) }
        let value: (Int) -> Int64 = { c in table[c] }
        var order: [Int32] = []
        for c in 0..<p.candidateCount where candOK[c] && Int(p.reqDay[Int(candReq[c])]) == d { order.append(Int32(c)) }
        let values = order.map { value(Int($0)) }
        order = order.indices.sorted { (values[$0], order[$1]) > (values[$1], order[$0]) }.map { order[$0] }
        let scope = GeneralScope(days: Array(0..<nD))
        let saved = jobs
        var bestJobs = jobs
        var bestValue = floor
        var forced = start.forced
        var closed = start.closed
        var prices = start.prices
        var bestSets = (forced, closed)
        for step in 0..<flows {
            guard !budget.outOfTime() else { break }
            let used = (forced, closed)
            let (flow, f) = largePolishFlow(fixing: fixed, value: value, forced: forced, closed: closed, warm: prices)
            if let next = LargeRequestPrices(flow) {
                prices = next
                if step == 0 { start.prices = next }
            }
            guard
                case (let repaired, _, let changed)? = completePolish(
                    flow, fixed: f, best: plan, forced: &forced, closed: &closed, scope: scope, order: order,
                    value: value)
            else { break }
            if let repaired {
                for w in 0..<p.nW { jobs[w * nD + d] = (repaired[Int32(w * nD + d)] ?? []).sorted() }
                if dayValid(d) {
                    let v = dayPlanValue(d)
                    if v > bestValue {
                        bestValue = v
                        bestJobs = jobs
                        bestSets = used
                    }
                }
                jobs = saved
            }
            if !changed { break }
        }
        jobs = bestJobs
        (start.forced, start.closed) = bestSets
        return bestValue > floor ? bestValue : nil
    }

    /// What a polish completion of plan day `d` keeps (`polishDaySingles`): every row of the other days, the day's
    /// rows holding two jobs and its pinned rows, with what they hold; and the plan's rows (`w * nD + e` → its jobs).
    func polishFixedRows(day d: Int) -> (fixed: LargeFixedRows, plan: [Int32: [Int32]]) {
        var fixed = LargeFixedRows(
            count: [Int32](repeating: 0, count: p.nR), riders: [Int32](repeating: 0, count: p.nR),
            used: [Int32](repeating: 0, count: p.nW * max(1, nK)))
        var plan: [Int32: [Int32]] = [:]
        for w in 0..<p.nW {
            for e in 0..<nD {
                let key = w * nD + e
                let cs = jobs[key]
                if !cs.isEmpty { plan[Int32(key)] = cs }
                guard e != d || cs.count >= 2 || !pinsOn[key].isEmpty else { continue }
                fixed.rows.insert(Int32(key))
                for c in cs {
                    let r = Int(candReq[Int(c)])
                    fixed.count[r] += 1
                    if p.candRide[Int(c)] != 0 { fixed.riders[r] += 1 }
                }
                if !cs.isEmpty && pinsOn[key].isEmpty { fixed.used[w * nK + Int(p.dayWeek[e])] += 1 }
            }
        }
        return (fixed, plan)
    }
}
