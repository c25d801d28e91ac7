import Foundation

/// Several days: the link passes (`SearchLinkPasses.swift`) and the seat re-deals (`SearchSeatRedeal.swift`) in rounds,
/// so that passes the seat re-deals open are tried (issue 14, s4multi19 session).
///
/// The link passes are listed from the plan they start on; when they improve, the seat re-deals run after them and
/// change other rows, and passes that were not there before can gain. On `balanced-w200-r50-d3-s4` (main: 1123 /
/// 105123) SCIP's best change of at most eight workers' whole schedules is such a pass (+5): on 07-08 w87 gives r21
/// (job j21, which has r57 on 07-09) to w56 for r42 (neutral alone), and 07-09 dealt again by the count re-deals' flow
/// is a cycle of seven single-job rows (w56 takes r57, a new link). A second round of passes, listed from the plan the
/// seat re-deals leave, takes it and another of the same kind (+6 on 07-08): 105134.
extension GeneralEngine {
    /// Rounds of the link passes (each round on `passWork` work units) and, after a round that improves, the seat
    /// re-deals (on `redealWork`); a new round starts only when the seat re-deals changed the plan, at most
    /// `maxRounds` rounds. Returns whether the plan improved.
    @discardableResult
    mutating func linkPassRounds(passWork: Int, redealWork: Int, maxRounds: Int = 2) -> Bool {
        seatRedealRounds(maxRounds: maxRounds, redealWork: redealWork) { $0.linkPassKicks(maxWork: passWork) }
    }

    /// A move that leaves rows the earlier seat re-deals have not seen, in rounds: `move`, and when it improved the
    /// plan, the seat re-deals on `redealWork`; a new round only when the re-deals changed the plan too, at most
    /// `maxRounds`. Shared by the link passes (two rounds) and the date deals with counts free (one,
    /// `SearchPairCountFollowUp.swift`). Returns whether the plan improved.
    mutating func seatRedealRounds(
        maxRounds: Int, redealWork: Int, after move: (inout GeneralEngine) -> Bool
    ) -> Bool {
        var any = false
        for _ in 0..<maxRounds {
            guard move(&self) else { break }
            any = true
            guard seatRedeals(maxWork: redealWork) else { break }
        }
        return any
    }
}
