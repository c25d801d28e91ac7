import Foundation

/// A single-job worker-date moved across days: the worker's one job on `from` given up, so that its weekly cap lets
/// it work `day` (a date of the same week it does not work).
struct SingleAcrossMove {
    let row: Int32
    let day: Int
    let from: Int
    var estimate: Int64
}

extension GeneralEngine {
    /// Several days: single jobs across days. A worker at its weekly cap that works one job on date `from` cannot
    /// work a date `day` of the same week, so no completion of `day` (the other days fixed) takes it there; yet on
    /// `day` its one job may be worth more than on `from`, where another worker refills its slot. A move empties the
    /// worker's row on `from`, completes `day` (`polishDaySingles`: the worker is now free to work it) and then `from`
    /// (the worker, now at its cap through `day` or not, and its slot refilled); the plan is kept when the scorer
    /// ranks it higher.
    ///
    /// Moves are tried in the order of their estimated gain (each day's residual prices, `priceEstimate`: the slot
    /// given up on `from`, the best single job taken on `day`), at most `perRound` a round; rounds repeat while one
    /// improves and `maxWork` lasts.
    ///
    /// - Returns: whether the plan improved.
    mutating func singlesAcrossDays(maxWork: Int, perRound: Int = 16) -> Bool {
        var warm = [LargeRequestPrices?](repeating: nil, count: nD)
        return roundsAcrossDays(
            maxWork: maxWork, perRound: perRound, moves: { $0.singleAcrossMoves() },
            key: { e, move in [move.row, Int32(move.from)] + e.jobs[Int(move.row) / e.nD * e.nD + move.from] },
            apply: { e, move, _, _ in
                e.jobs[Int(move.row) / e.nD * e.nD + move.from] = []
                for d in [move.day, move.from] {
                    e.polishDaySingles(d, warm: &warm[d])
                }
                guard e.dayValid(move.day) && e.dayValid(move.from) else { return nil }
                return score(e.inst, assignments: e.assignments()).score
            })
    }

    /// The moves of `singlesAcrossDays` from the plan, best estimate first (ties in a fixed order): for every row
    /// without jobs whose week is closed and that has candidates, every other date of that week the worker works
    /// one job on (no pins). The job taken on `day` is the row's best at the day's prices.
    func singleAcrossMoves() -> [SingleAcrossMove] {
        var prices: [Int: StructurePrices] = [:]
        var moves: [SingleAcrossMove] = []
        for d in 0..<nD {
            for w in 0..<p.nW {
                let key = w * nD + d
                guard jobs[key].isEmpty, pinsOn[key].isEmpty, !rowCands[key].isEmpty, !dayWeekOpen(Int32(key))
                else { continue }
                for e in 0..<nD where e != d && p.dayWeek[e] == p.dayWeek[d] {
                    let from = w * nD + e
                    guard jobs[from].count == 1, pinsOn[from].isEmpty else { continue }
                    if prices[d] == nil { prices[d] = structurePrices(day: d) }
                    if prices[e] == nil { prices[e] = structurePrices(day: e) }
                    guard let loss = priceEstimate(prices[e]!, removed: jobs[from], added: [], freed: nil) else {
                        continue
                    }
                    var gain: Int64?
                    for c in rowCands[key] {
                        if let g = priceEstimate(prices[d]!, removed: [], added: [c], freed: nil) {
                            gain = max(gain ?? g, g)
                        }
                    }
                    guard let gain else { continue }
                    moves.append(SingleAcrossMove(row: Int32(key), day: d, from: e, estimate: gain + loss))
                }
            }
        }
        return moves.sorted { x, y in
            x.estimate != y.estimate
                ? x.estimate > y.estimate
                : (x.row, x.from) < (y.row, y.from)
        }
    }
}
