import Foundation

/// The end of the multi-day search after the headcount moves and chains (session gap22, issue 14): rounds of the exact
/// day-by-day descent on slots of the worker schedules phase's share.
///
/// A headcount move or chain changes a few workers' schedules; the days around them were last re-solved before, so a
/// day's exact re-solve (every other day fixed) may now gain. It only keeps a plan of a higher objective, so the final
/// plan never ranks lower than the chains' plan. Running the chains again after the descent found nothing more on the
/// 100 measured solves (the same plans, up to 1.5M more units). Deterministic (the day order); charged to the worker
/// schedules phase.
extension Engine {
    /// At most this many rounds of the day descent (`endDescentOnSlot`).
    static let endDescentRounds = 3

    /// The exact day-by-day descent in whole passes: `resolveDay` for each plan day in order, passes while one
    /// improves (at most `maxPasses`), while the current phase's share lasts and before the time limit; with
    /// `countPasses` each pass counts in `stats.passes`. Returns true when the objective rose. (`dayDescent` in
    /// `DayILS.swift` cycles instead, from a given day, and stops after a re-solve of every day in a row without a
    /// gain: the kicks' descent.)
    @discardableResult
    mutating func dayPasses(maxPasses: Int, countPasses: Bool = false) -> Bool {
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
            if countPasses { stats.passes += 1 }
        }
        return any
    }

    /// `dayPasses` on 1/`headcountMoveShare` of the worker schedules phase's share, granted even when the share is
    /// spent; charged to that phase. Returns true when the objective rose.
    @discardableResult
    mutating func dayPassesOnSlot(maxPasses: Int = 3) -> Bool {
        var any = false
        onSchedulesSlot(share: Engine.headcountMoveShare) { any = $0.dayPasses(maxPasses: maxPasses) }
        return any
    }

    /// Rounds of `dayPassesOnSlot`, each on a slot of its own, while a round raises the objective (at most
    /// `endDescentRounds`).
    mutating func endDescentOnSlot() {
        guard budget.runs(.schedules), nD > 1, p.continuity > 0 else { return }
        for _ in 0..<Engine.endDescentRounds where !outOfTime() {
            guard dayPassesOnSlot() else { break }
            report(.workerSchedules, currentScore())
        }
    }
}
