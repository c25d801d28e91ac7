import Foundation

/// A two-job row moved across days: the worker's row on `day` set to two jobs, its jobs on `from` (another date of
/// the same week) given up, so that its weekly cap lets it work `day`.
struct AcrossDaysMove {
    let row: TwoJobRow
    let day: Int
    let from: Int
    var estimate: Int64
}

extension GeneralEngine {
    /// Several days: two-job rows across days. A worker at its weekly cap cannot take a two-job row on a date it does
    /// not work, so the structure search by day (`searchDayStructures`, the other days fixed) never proposes one;
    /// yet working a morning and an afternoon there may be worth more than the single job it works on another date
    /// of the week. A move gives up the worker's jobs on date `from` and sets its row on `day` to two jobs that fit;
    /// both days are then completed exactly (`resolveSingles` from empty single rows, the continuity both ways and
    /// the weekly caps exact) and, unless that already gains, their two-job structures searched
    /// (`searchDayStructures`, the date given up may now want another worker's two-job row); the plan is kept when
    /// the scorer ranks it higher.
    ///
    /// Moves are tried in the order of their estimated gain (each day's residual prices, `priceEstimate`: the
    /// units the two-job row takes on, the slots the other date gives up), at most `perRound` a round; rounds repeat
    /// while one improves and `maxWork` lasts.
    ///
    /// - Returns: whether the plan improved.
    mutating func structuresAcrossDays(maxWork: Int, perRound: Int = 8) -> Bool {
        roundsAcrossDays(
            maxWork: maxWork, perRound: perRound, moves: { $0.acrossDaysMoves() },
            key: { e, move in
                [move.row.row, move.row.a, move.row.b, Int32(move.from)]
                    + e.jobs[Int(move.row.row) / e.nD * e.nD + move.from]
            },
            apply: { e, move, best, spent in
                let t = move.row
                e.jobs[Int(t.row) / e.nD * e.nD + move.from] = []
                e.jobs[Int(t.row)] = [t.a, t.b]
                for d in [move.day, move.from] {
                    for v in 0..<e.p.nW where e.jobs[v * e.nD + d].count <= 1 { e.jobs[v * e.nD + d] = [] }
                    _ = e.resolveSingles(d, maxWork: maxWork)
                }
                guard e.dayValid(move.day) && e.dayValid(move.from) else { return nil }
                var s = score(e.inst, assignments: e.assignments()).score
                // The date given up may want another structure now (another worker's two-job row), and the date
                // taken too: both days' structure searches, the other days fixed, before the move is judged.
                if s.hard != 0 || s <= best {
                    for d in [move.from, move.day] where !spent(&e) {
                        _ = e.searchDayStructures(d, maxWork: maxWork)
                    }
                    s = score(e.inst, assignments: e.assignments()).score
                }
                return s
            })
    }

    /// The rounds of a move across days (`structuresAcrossDays`, `singlesAcrossDays`): the plan's moves, best
    /// estimate first, at most `perRound` tried a round (a move tried before, by `key`, is skipped); each changes the
    /// plan by `apply` and is kept when the scorer ranks the plan higher, else the plan is put back; a round ends at
    /// its first gain, and rounds repeat while one gains and `maxWork` of the general budget lasts.
    ///
    /// - Parameters:
    ///   - moves: the moves of the current plan, best first.
    ///   - key: what makes a move the same move again (read before it is applied).
    ///   - apply: changes the plan by the move and returns its score, or nil when a day it touched is not valid;
    ///     given the best score so far and whether the allowance is spent.
    /// - Returns: whether the plan improved.
    mutating func roundsAcrossDays<Move>(
        maxWork: Int, perRound: Int, moves: (GeneralEngine) -> [Move], key: (GeneralEngine, Move) -> [Int32],
        apply: (inout GeneralEngine, Move, Score, (inout GeneralEngine) -> Bool) -> Score?
    ) -> Bool {
        guard nD >= 2 else { return false }
        let workAtStart = budget.spent[.general, default: 0]
        let spent: (inout GeneralEngine) -> Bool = { e in
            e.budget.left(.general) <= 0 || e.budget.outOfTime()
                || e.budget.spent[.general, default: 0] - workAtStart > maxWork
        }
        var best = score(inst, assignments: assignments()).score
        guard best.hard == 0 else { return false }
        var tried = Set<[Int32]>()
        var improved = false
        while !spent(&self) {
            var roundImproved = false
            var evaluated = 0
            for move in moves(self) {
                if evaluated >= perRound || spent(&self) { break }
                guard tried.insert(key(self, move)).inserted else { continue }
                evaluated += 1
                let saved = jobs
                if let s = apply(&self, move, best, spent), s.hard == 0, s > best {
                    best = s
                    roundImproved = true
                    improved = true
                    stats.moves += 1
                    break
                }
                jobs = saved
            }
            if !roundImproved { break }
        }
        return improved
    }

    /// The moves of `structuresAcrossDays` from the plan, best estimate first (ties in a fixed order): for every row
    /// without jobs whose week is closed, every two jobs of it that fit, and every other date of that week the worker
    /// works (no pins).
    func acrossDaysMoves() -> [AcrossDaysMove] {
        var prices: [Int: StructurePrices] = [:]
        var moves: [AcrossDaysMove] = []
        for d in 0..<nD {
            for t in twoJobRows(day: d) where jobs[Int(t.row)].isEmpty && !dayWeekOpen(t.row) {
                let w = Int(t.row) / nD
                for e in 0..<nD where e != d && p.dayWeek[e] == p.dayWeek[d] {
                    let key = w * nD + e
                    guard !jobs[key].isEmpty, pinsOn[key].isEmpty else { continue }
                    if prices[d] == nil { prices[d] = structurePrices(day: d) }
                    if prices[e] == nil { prices[e] = structurePrices(day: e) }
                    guard let gain = priceEstimate(prices[d]!, removed: [], added: [t.a, t.b], freed: nil),
                        let loss = priceEstimate(prices[e]!, removed: jobs[key], added: [], freed: nil)
                    else { continue }
                    moves.append(AcrossDaysMove(row: t, day: d, from: e, estimate: gain + loss))
                }
            }
        }
        return moves.sorted { x, y in
            x.estimate != y.estimate
                ? x.estimate > y.estimate
                : [x.row.row, x.row.a, x.row.b, Int32(x.from)].lexicographicallyPrecedes(
                    [y.row.row, y.row.a, y.row.b, Int32(y.from)])
        }
    }
}
