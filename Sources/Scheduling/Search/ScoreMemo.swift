/// The last plan the exact scorer scored and its report, so that scoring the same plan again costs one comparison.
///
/// The engine scores its plan at every phase boundary, often unchanged since the last time: on the county week the
/// start's score, then `Engine.Best` at the local search's start, then the plan after the search and `makePlan`
/// (four calls of ≈ 72M instructions each, two of them on a plan already scored). The score depends only on
/// `assign` (`Engine.assignments()` adds the instance's pins), so a plan equal to the last one gets its report.
/// Single-threaded: the engine never scores from several threads.
final class ScoreMemo {
    private var assign: [Int32] = []
    private var last: ScoreReport?

    /// The report of the plan `assign`: the memo's when it holds the same plan, else `compute()`, remembered.
    func report(_ assign: [Int32], _ compute: () -> ScoreReport) -> ScoreReport {
        if let last, self.assign == assign { return last }
        let r = compute()
        self.assign = assign
        last = r
        return r
    }
}
