/// Several days: the date deals with counts free (`SearchPairCountDeals.swift`), then, when they improved the plan,
/// the seat re-deals (`SearchSeatRedeal.swift`) again on a share of their own (issue 14, s6multi19 session).
///
/// The date deals run last among the multi-day moves, so the counts-kept re-deals their new rows open are left: on
/// `scarce-w300-r70-d3-s6` SCIP with 07-10 alone free (counts free) from main's plan gains +14, three rows with the
/// counts kept (w5's pair r141 + r175 re-formed as r175 + r210, w200 r199 → r141, w289 r210 → r199), which the seat
/// re-deal keeping each pair's later job finds; with 07-09's +5 the plan rises from 185604 to 185623.
extension GeneralEngine {
    /// The date deals with counts free within `maxWork` work units, then, when they improved the plan, the seat
    /// re-deals within `redealWork`. Returns whether the plan improved.
    @discardableResult
    mutating func pairCountDealsThenRedeals(maxWork: Int, redealWork: Int) -> Bool {
        seatRedealRounds(maxRounds: 1, redealWork: redealWork) { $0.pairCountDeals(maxWork: maxWork) }
    }
}
