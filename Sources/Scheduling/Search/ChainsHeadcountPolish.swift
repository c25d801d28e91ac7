import Foundation

/// The end of the multi-day search after the headcount moves and chains (session gap22, issue 14): rounds of the exact
/// day-by-day descent, then the chains of displaced seats again, on slots of the worker schedules phase's share.
///
/// A headcount move or chain changes a few workers' schedules; the days around them were last re-solved before, so a
/// day's exact re-solve (every other day fixed) may now gain, and a plan moved by the descent may seed new chains.
/// Both only keep a plan of a higher objective, so the final plan never ranks lower than the chains' plan.
/// Deterministic (the day order, the chains' own order); charged to the worker schedules phase.
extension Engine {
    /// At most this many rounds of day descent then chains (`chainPolishOnSlot`).
    static let chainPolishRounds = 3

    /// The exact day-by-day descent (`resolveDay` for each plan day in order, passes while one improves, at most
    /// `maxPasses`) on 1/`headcountMoveShare` of the worker schedules phase's share, granted even when the share is
    /// spent; charged to that phase. Returns true when the objective rose.
    @discardableResult
    mutating func dayDescentOnSlot(maxPasses: Int = 3) -> Bool {
        let outer = phase
        phase = .schedules
        defer { phase = outer }
        let held = workLeft - budget.allowance(.schedules) / Engine.headcountMoveShare
        charge(held)
        defer { charge(-held) }
        var any = false
        var pass = 0
        var improved = true
        while improved && pass < maxPasses && workLeft > 0 && !outOfTime() {
            improved = false
            pass += 1
            for d in 0..<nD where workLeft > 0 && !outOfTime() {
                if resolveDay(d) {
                    improved = true
                    any = true
                }
            }
        }
        return any
    }

    /// Rounds of `dayDescentOnSlot` then `headcountChainsOnSlot`, while a round raises the objective (at most
    /// `chainPolishRounds`).
    mutating func chainPolishOnSlot(_ lookup: SlotCandidates) {
        guard budget.runs(.schedules), nD > 1, p.continuity > 0 else { return }
        for _ in 0..<Engine.chainPolishRounds where !outOfTime() {
            let before = trueValue()
            if dayDescentOnSlot() { report(.workerSchedules, currentScore()) }
            if !outOfTime() { headcountChainsOnSlot(lookup) }
            if trueValue() <= before { break }
        }
    }
}
