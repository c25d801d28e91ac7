/// Several days: two neighbouring dates dealt again one after the other with the counts free, kept only as a pair
/// (issue 14, v2multi4 session).
///
/// The count re-deals (`SearchCountRedeal.swift`) deal one date with the other dates fixed, so a continuity link into a
/// neighbouring date's row counts as it is: a change whose half on each date loses alone (on
/// `scarce-w150-r38-d2-s2`: six rows over both dates, −5 and −13 alone, +12 together, as the link of job j8 passes from
/// w87 to w119) is never taken. Here the first date d is dealt by the count re-deal's flow with the links into the
/// free rows of its neighbour e left out (those rows are about to be dealt again: their links are not yet known), the
/// plan takes that deal, e is dealt by the same flow with d's new rows fixed (links exact), then d once more; the
/// pair of deals is kept when both dates stay valid and the scorer ranks the plan higher, else both dates go back.
/// Each step is one min-cost flow, so a pair costs three flows. A worker idle on d whose week has no date left while
/// e's row stands stays out of d's deal (its row on e is only set aside for the values). Deterministic (dates,
/// orders and anchors in a fixed order; each flow's arcs in worker and request order).
extension GeneralEngine {
    /// One pair step: the date dealt first, its neighbour, and the anchors of each (see `countRedealDay`).
    struct TwoDateDeal: Sendable {
        /// The date dealt first, its neighbour's links left out.
        let first: Int
        /// The neighbouring date dealt second, with the first date's new rows fixed.
        let second: Int
        /// The anchors of the first and the second date's deals (1: a two-job row keeps its earlier job, 2: its later).
        let anchors: (Int, Int)
    }

    /// The pair steps of the plan's neighbouring dates (consecutive days): each date first in turn, every two anchors.
    func twoDateDealSteps() -> [TwoDateDeal] {
        var steps: [TwoDateDeal] = []
        for d in 0..<max(0, nD - 1) where p.days[d + 1].ordinal == p.days[d].ordinal + 1 {
            for (first, second) in [(d, d + 1), (d + 1, d)] {
                for a in 1...GeneralEngine.countRedealModes {
                    for b in 1...GeneralEngine.countRedealModes {
                        steps.append(TwoDateDeal(first: first, second: second, anchors: (a, b)))
                    }
                }
            }
        }
        return steps
    }

    /// Passes over the pair steps while one improves (at most `maxPasses`), within `maxWork` work units. Returns
    /// whether the plan improved.
    @discardableResult
    mutating func twoDateDeals(maxWork: Int, maxPasses: Int = 2) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        let steps = twoDateDealSteps()
        guard !steps.isEmpty else { return false }
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true, items: { _ in steps },
            step: { $0.twoDateDeal($1, pinned) })
    }

    /// Deals `step.first` with its links into `step.second`'s free rows left out, then `step.second` and
    /// `step.first` again exactly (see the extension comment); keeps the plan when the scorer ranks it higher.
    mutating func twoDateDeal(_ step: TwoDateDeal, _ pinned: [Bool]) -> Bool {
        let (d, e) = (step.first, step.second)
        let before = score(inst, assignments: assignments()).score
        let savedD = (0..<p.nW).map { jobs[$0 * nD + d] }
        let savedE = (0..<p.nW).map { jobs[$0 * nD + e] }
        func restore(_ engine: inout GeneralEngine) {
            for w in 0..<engine.p.nW {
                engine.jobs[w * engine.nD + d] = savedD[w]
                engine.jobs[w * engine.nD + e] = savedE[w]
            }
        }
        // Workers not free on d while e's rows stand stay out of d's deal.
        var held = pinned
        for w in 0..<p.nW where !pinned[w] && !isDealFree(w, d, pinned, keepPairRiders: false) { held[w] = true }
        for w in 0..<p.nW where !jobs[w * nD + e].isEmpty && isDealFree(w, e, pinned, keepPairRiders: false) {
            jobs[w * nD + e] = []
        }
        let first = countDeal(d, held, anchor: step.anchors.0)
        for w in 0..<p.nW { jobs[w * nD + e] = savedE[w] }
        guard let first else { return false }
        for (w, row) in first { jobs[w * nD + d] = row }
        if let second = countDeal(e, pinned, anchor: step.anchors.1) {
            for (w, row) in second { jobs[w * nD + e] = row }
        }
        if let again = countDeal(d, pinned, anchor: step.anchors.0) {
            for (w, row) in again { jobs[w * nD + d] = row }
        }
        if dayValid(d) && dayValid(e) && score(inst, assignments: assignments()).score > before { return true }
        restore(&self)
        return false
    }
}
