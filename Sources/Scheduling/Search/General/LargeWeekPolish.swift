import Foundation

extension GeneralEngine {
    /// Flows of the multi-day polish, at most this many (the slot flow, the single-job polish flow, the slot flow …).
    static let largeWeekFlows = 3
    /// Flows of the multi-day polish start while the large path's flows have spent at most this many times the general
    /// share of the work budget (the default budget: three flows on a county week).
    static let largeWeekShares = 16

    /// The multi-day large path after its root relaxation: flows that alternate between the slot flow
    /// (`largeSlotFlow`: every row re-decided, a row that can hold two jobs by an earlier and a later slot) and the
    /// polish flow (`largeRelaxation(fixed:)`: the plan's two-job rows fixed, every other row with one job, full days
    /// included). Both are exact but for minimum headcounts beside what they keep, and the plan is a solution of both;
    /// each flow's rows are repaired (requests below their minimum emptied, the greedy fill) and kept when they beat
    /// the plan by network value. A request a flow leaves below its minimum is forced in the next flow (its units up to
    /// the minimum carry a bonus), and closed in the one after if it is still below. At most `largeWeekFlows` flows,
    /// while the flows have spent at most `largeWeekShares` shares of the budget, never past the deadline; it stops
    /// after two flows in a row that neither improve nor force anything new.
    ///
    /// On the county week it replaced the dive and the two polish flows of the same work: the slot flow straight from
    /// the root's repair reached more than the dive and a polish together.
    ///
    /// Each flow starts warm from the request side's prices of the flow before it (the first from `root`'s), at
    /// `largePolishWarmEpsilon` (`LargeFlowWarm.swift`): the requests change little from one flow to the next while
    /// the rows change with the plan. On the county week v2 that halved the three flows' work (927M → 453M) and
    /// reached 18309 against the cold flows' 18306 (another optimum among ties of each flow).
    ///
    /// - Parameter root: the request prices of the root relaxation (nil: the first flow starts cold).
    /// - Returns: the best plan and its network value (`plan` and `planValue` when nothing improves).
    mutating func largeWeekPolish(
        _ plan: [Int32: [Int32]], value planValue: Int64, scope: GeneralScope, order: [Int32],
        value: (Int) -> Int64, warm root: LargeRequestPrices? = nil
    ) -> ([Int32: [Int32]], Int64) {
        var warm = root
        var best = plan
        var bestValue = planValue
        var forced = Set<Int32>()
        var closed = Set<Int32>()
        var idle = 0
        for step in 0..<GeneralEngine.largeWeekFlows {
            guard idle < 2, !budget.outOfTime(),
                budget.spent[.general, default: 0] <= GeneralEngine.largeWeekShares * budget.allowance(.general)
            else { break }
            let (flow, fixed) =
                step % 2 == 0
                ? largeSlotFlow(best, value: value, forced: forced, closed: closed, warm: warm)
                : largePolishFlow(best, value: value, forced: forced, closed: closed, warm: warm)
            if let next = LargeRequestPrices(flow) { warm = next }
            guard
                case (let repaired, let v, let changed)? = completePolish(
                    flow, fixed: fixed, best: best, forced: &forced, closed: &closed, scope: scope, order: order,
                    value: value)
            else { break }
            if let repaired, v > bestValue {
                best = repaired
                bestValue = v
                stats.moves += 1
                idle = 0
            } else {
                idle = changed ? 0 : idle + 1
            }
        }
        return (best, bestValue)
    }
}
