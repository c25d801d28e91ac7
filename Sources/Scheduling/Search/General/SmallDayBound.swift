import Foundation

/// Subgradient steps of the one-day bound's priced root (`provenMediumBound`); it stops early once it proves the
/// plan's medium.
let smallDayBoundIterations = 60

extension GeneralEngine {
    /// One-day instances whose branch and bound did not finish: the medium bound of the root priced with the
    /// conflict cliques (`cliques(of:conflicts:)`: jobs that overlap, a break shorter than the transfer, hours over the
    /// minutes cap), which the search's time cliques do not see. On `gen-v2-halfday-w150-r40-d1` the LP with every
    /// time clique bounds the medium at 180 and the search's root reached 182; with every conflict clique the LP is
    /// 176, the optimum, and this root reaches it: the plan's medium is then proven optimal. It runs on a copy of the
    /// engine, so the plan and the budget of the search are left as they were (its flows are counted in
    /// `stats.flowWork` and `stats.branchNodes`); the deadline of `--time-limit` holds for it too.
    mutating func provenMediumBound() {
        guard nD == 1, !budget.outOfTime() else { return }
        var copy = self
        copy.stats.mediumUpperBound = Int.max
        // A budget of its own (the search's is spent by now); its steps are at most `smallDayBoundIterations` flows.
        copy.budget = SolveBudget(
            total: budget.total, phases: budget.phases, start: Date(),
            timeLimit: budget.deadline.map { $0.timeIntervalSinceNow })
        let engine = self
        var rows: [Int32: [Int32]] = [:]
        for key in jobs.indices where !jobs[key].isEmpty { rows[Int32(key)] = jobs[key] }
        let planMedium = mediumBound(
            networkValue(rows, scope: GeneralScope(days: [0]), value: { engine.baseValue($0) }))
        _ = copy.branchAndBound(
            scope: GeneralScope(days: [0]), incumbent: nil, maxNodes: 1, conflictCliques: true,
            rootIterations: smallDayBoundIterations, stopAtMedium: planMedium, value: { c in engine.baseValue(c) })
        stats.flowWork = copy.stats.flowWork
        stats.branchNodes = copy.stats.branchNodes
        if copy.budget.deadlineHit { budget.markDeadlineHit() }
        stats.mediumUpperBound = min(stats.mediumUpperBound, copy.stats.mediumUpperBound)
    }
}
