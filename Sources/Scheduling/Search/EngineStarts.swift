extension Engine {
    /// The look-ahead bonuses of the starts, in half continuity weights: several on multi-day instances with a
    /// continuity weight (the first flow with an optimistic bonus for workers who could continue the same job on an
    /// adjacent day), one elsewhere.
    var lookaheads: [Int64] { nD > 1 && p.continuity > 0 ? [0, 2, 1, 4] : [0] }

    /// Runs the starts (`startFrom` with each of `lookaheads` from the pins, each followed by the exact day-by-day
    /// descent; a start after the first only while the flows share and the time last) and leaves the best in the
    /// engine: the first start unless a later one scores strictly higher.
    ///
    /// A start's score is computed only when a later start is compared with it, or for a progress report: with a
    /// single start nothing is compared (the county week's one start was scored for nothing, 71.5M instructions;
    /// session week22). The same plans as scoring every start.
    /// - Returns: the best start's score when it was computed (nil after a single start without progress reports).
    mutating func bestStart() -> Score? {
        let pins = assign
        var best: (score: Score?, assign: [Int32], cand: [Int32])?
        for (i, half) in lookaheads.enumerated() {
            if i > 0 && (workLeft <= 0 || outOfTime()) { break }
            assign = pins
            assignCand = [Int32](repeating: -1, count: assign.count)
            startFrom(lookaheadHalves: half, first: i == 0)
            if var kept = best {
                let keptScore = kept.score ?? scoreOf(kept.assign)
                let s = currentScore()
                kept.score = keptScore
                best = s > keptScore ? (s, assign, assignCand) : kept
            } else {
                best = (nil, assign, assignCand)
            }
            if options.progress != nil, var kept = best {
                let keptScore = kept.score ?? scoreOf(kept.assign)
                kept.score = keptScore
                best = kept
                report(.start(i + 1), keptScore)
            }
        }
        guard let best else { return nil }
        assign = best.assign
        assignCand = best.cand
        return best.score
    }

    /// The exact score of `plan` (an `assign` array), through `scoreMemo`; the engine's plan is left as it was.
    mutating func scoreOf(_ plan: [Int32]) -> Score {
        let current = assign
        assign = plan
        defer { assign = current }
        return currentScore()
    }
}
