import Foundation

/// Where the next polish completion of a day's structure search starts (`polishDayMove`): the request prices of the
/// day's completion before it, and the requests that completion forced to their minimum or closed.
struct DayCompletionStart {
    /// Request prices of the first flow of the completion before (nil: cold).
    var prices: LargeRequestPrices?
    /// Requests forced to their minimum from the first flow on.
    var forced = Set<Int32>()
    /// Requests closed from the first flow on.
    var closed = Set<Int32>()
}

extension GeneralEngine {
    /// A structure move of plan day `d` completed by the polish flow (`polishDaySingles`), started where the day's
    /// completion before it ended: its first flow forces and closes the requests that completion forced and closed,
    /// from that completion's first flow's request prices. A move changes a row or two of a day, and the requests a
    /// flow leaves below their minimum are mostly the same from one structure to the next (on the generated
    /// 300 × 70 × 3 instance the same five requests at every completion of a day); `polishDaySingles` finds them again
    /// each time by a first flow that leaves them short and a second that forces them, two flows where one is
    /// enough. A request the sets hold is not let go again within the completion (as in `completePolish`), but the
    /// sets passed on are those of the flow whose repair was kept: when the flow without a forced request repairs
    /// to a better day, the next completion starts without it.
    ///
    /// On return `start` holds this completion's first flow's request prices and those sets. The day's rows are
    /// installed from the best valid repaired flow (the plan is left as it was when none is valid).
    mutating func polishDayMove(_ d: Int, flows: Int = 3, start: inout DayCompletionStart) {
        _ = polishDay(d, floor: Int64.min, flows: flows, start: &start)
    }
}
