import Foundation

/// Where the phases of small multi-day instances stop when they stop gaining, and who takes what they leave (session
/// gap19, issue 14; the day kicks' own rule is `dayKickStall` in `DayILS.swift`, session chains17). Each rule counts
/// work units only, so the same budget still gives the same plan, and each applies only where the pair search runs
/// (several plan days, at most 20,000 candidate pairs, a continuity weight): single days and large instances keep
/// their plans.
extension Engine {
    /// The first start's branch and bound over minimum headcounts ends once it has spent 1/this of the flows share
    /// since its last better leaf (with a leaf known), so the start's day descent is not cut short: on
    /// `gen-scarce-w250-r62-d5-s16` its only leaf came at 2.8M units and the search went on to 10.0M of the 17.5M.
    static let firstFlowStall = 8

    /// The two-day chain moves (`continuityMoves`) end once they have spent 1/this of the flows share since their last
    /// gain (or their start); they spent 6-15M units of the 17.5M share and gained 0-100 points of the objective on
    /// the generated instances of issue 14.
    static let chainMoveStall = 8

    /// The phases that take what the flows leave when the chain moves stall, by weight (those of the day kicks).
    static let chainMoveHeirs: [SolvePhase] = dayKickHeirs

    /// The phases that take what the pair search leaves of its share once its sweeps and ejections end (before, it
    /// stayed in the total for the relaxed exchange and the continuity chains).
    static let pairSearchHeirs: [SolvePhase] = [.schedules]
}
