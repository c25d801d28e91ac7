import Foundation

/// Schedule exchanges with the window's edges relaxed, then repaired: a two-step move for multi-day instances.
extension Engine {
    /// For every window with a fixed calendar day beside it: the exact exchange of the window's schedules
    /// (`exchangeSchedules`) with each link to the fixed days worth `edge` instead of a whole bonus, applied when it
    /// rises by those values, then the exact day descent; kept when the plan's objective rose, else undone. Rounds
    /// while one improves (at most `maxRounds`) and the current phase's share lasts. Returns true when the plan rose.
    @discardableResult
    mutating func relaxedExchangeDescent(
        _ windows: [(Int, Int)], _ lookup: SlotCandidates, edge: Int64, maxRounds: Int = 2
    ) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        var any = false
        var round = 0
        var improved = true
        while improved && round < maxRounds && workLeft > 0 && !outOfTime() {
            improved = false
            round += 1
            for (a, b) in windows where a > 0 || b + 1 < nD {
                if workLeft <= 0 || outOfTime() { break }
                let before = trueValue()
                let saved = (assign, assignCand)
                guard exchangeSchedules(from: a, to: b, lookup, edge: edge) else { continue }
                dayDescent()
                if trueValue() > before {
                    improved = true
                    any = true
                    stats.moves += 1
                } else {
                    (assign, assignCand) = saved
                }
            }
        }
        return any
    }
}
