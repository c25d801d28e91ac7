import Foundation

/// What the multi-day moves over sets of workers share (chain exchanges, ejections, seat re-deals and rotations, the
/// closing of held requests): which workers they leave alone, how they find a worker's candidate for a request, and
/// how they pass over their items while one improves.
extension GeneralEngine {
    /// Whether each worker has a pin on some plan day: the multi-day moves leave those workers as they are.
    func pinnedWorkers() -> [Bool] {
        var pinned = [Bool](repeating: false, count: p.nW)
        for w in 0..<p.nW { for d in 0..<nD where !pinsOn[w * nD + d].isEmpty { pinned[w] = true } }
        return pinned
    }

    /// The usable candidate of each (request, worker) pair, keyed `request × nW + worker`.
    func candidateIndex() -> [Int: Int32] {
        var candOf: [Int: Int32] = [:]
        for c in 0..<p.candidateCount where candOK[c] {
            candOf[Int(candReq[c]) * p.nW + Int(p.candWorker[c])] = Int32(c)
        }
        return candOf
    }

    /// Passes over `items` (listed again at each pass, from the current plan) while one improves, at most
    /// `maxPasses`; stops when `maxWork` work units beyond the start are spent, at the time limit, or (unless
    /// `ignoreLeft`) when the general budget is spent. `step` tries one item and returns whether it improved the plan;
    /// each improvement counts as a move. Returns whether any improved.
    mutating func improvingPasses<Item>(
        maxWork: Int, maxPasses: Int, ignoreLeft: Bool, items: (Self) -> [Item], step: (inout Self, Item) -> Bool
    ) -> Bool {
        let workAtStart = budget.spent[.general, default: 0]
        var any = false
        var pass = 0
        var improved = true
        while improved && pass < maxPasses {
            improved = false
            pass += 1
            for item in items(self) {
                if (!ignoreLeft && budget.left(.general) <= 0) || budget.outOfTime()
                    || budget.spent[.general, default: 0] - workAtStart >= maxWork
                {
                    return any
                }
                if step(&self, item) {
                    improved = true
                    any = true
                    stats.moves += 1
                }
            }
        }
        return any
    }
}
