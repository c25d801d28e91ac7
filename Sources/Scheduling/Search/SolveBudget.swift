import Foundation

/// The phases of a solve that draw on the work budget, in the order they first run.
public enum SolvePhase: String, CaseIterable, Sendable, Hashable {
    /// The first flow over every plan day, its branch and bound over minimum headcounts, the look-ahead starts, the
    /// exact day-by-day descents and the two-day chain moves.
    case flows
    /// The annealing rounds (`LocalSearch`) and the exact day re-solves between them.
    case localSearch
    /// The iterated local search over exact day re-solves (`DayILS.swift`).
    case dayKicks
    /// The exact exchange of multi-day schedules (`ScheduleExchange.swift`).
    case scheduleExchange
    /// The Lagrangian two-day search (`PairSearch.swift`).
    case pairSearch
    /// The schedule relaxation over every plan day at the best plan's headcounts (`ChainsSchedules.swift`).
    case schedules
    /// Version 2's general engine (`General/`): its branch and bound and day re-solves.
    case general
    /// The Lagrangian over the continuity links of every plan day (`ContinuityChains.swift`).
    case chains
}

/// The one budget of a solve, like Timefold's termination: `SolveOptions.workBudget` split into a share per phase,
/// and the `SolveOptions.timeLimit` deadline. Every phase charges its work to its own share and asks this object
/// whether it may go on, so the work budget bounds the whole solve and the same budget always gives the same plan;
/// the deadline is the one cap on the clock, checked through the same object.
///
/// The total is split by fixed `weights` among the phases that run on the instance (`phases(...)`), so a phase gets
/// the same share whatever the earlier phases spent, and no share goes to a phase that cannot run. A phase that stops
/// gaining may hand what it has left to later phases (`handOver`: the day kicks, session chains17); the moves depend on
/// work units only, so the same budget still gives the same plan. A phase stops when
/// its share is spent or earlier by its own measure (convergence, a count of kicks or moves). Work in progress is
/// finished first (a flow is never cut by work, only by the deadline), so a phase can overrun its share by one flow.
/// What a work unit is in each phase: `docs/solver.md`.
struct SolveBudget {
    /// The weight of each phase in the split.
    static let weights: [SolvePhase: Int] = [
        .flows: 6, .localSearch: 1, .dayKicks: 6, .scheduleExchange: 1, .pairSearch: 6, .general: 1, .chains: 0,
        .schedules: 4,
    ]

    /// The phases that run on an instance: the flows always; the local search when there is a candidate pair; the
    /// day kicks, and with a continuity weight the schedule exchange, the pair search, the worker schedules and the
    /// continuity chains, on multi-day instances of at most 20,000 candidate pairs (each of their steps costs several
    /// exact day flows).
    static func phases(candidates: Int, days: Int, continuity: Int64) -> Set<SolvePhase> {
        var phases: Set<SolvePhase> = [.flows]
        guard candidates > 0 else { return phases }
        phases.insert(.localSearch)
        guard days > 1 && candidates <= 20_000 else { return phases }
        phases.insert(.dayKicks)
        if continuity > 0 { phases.formUnion([.scheduleExchange, .pairSearch, .schedules, .chains]) }
        return phases
    }

    let total: Int
    let phases: Set<SolvePhase>
    /// `start + timeLimit`, when there is a time limit.
    let deadline: Date?
    private(set) var spent: [SolvePhase: Int] = [:]
    /// Units a phase gave up (negative) or was given (positive) by `handOver`, added to its weight's share.
    private(set) var moved: [SolvePhase: Int] = [:]
    /// Set once the deadline has been seen passed (it stays set).
    private(set) var deadlineHit = false

    init(total: Int, phases: Set<SolvePhase>, start: Date, timeLimit: Double?) {
        self.total = max(0, total)
        self.phases = phases
        deadline = timeLimit.map { start.addingTimeInterval($0) }
    }

    /// Whether `phase` runs on this instance (it has a share).
    func runs(_ phase: SolvePhase) -> Bool { phases.contains(phase) }

    /// The work units `phase` may spend in all: its weight's part of the total among the phases that run, plus what
    /// `handOver` moved to it (less what it gave up); for
    /// `chains` (weight 0; it runs last), what the other phases left of the total, so that adding it changed no other
    /// phase's share and no plan it finds is worse than theirs.
    func allowance(_ phase: SolvePhase) -> Int {
        guard runs(phase) else { return 0 }
        if phase == .chains {
            return max(0, total - spent.reduce(0) { $0 + ($1.key == .chains ? 0 : $1.value) })
        }
        let weight = SolveBudget.weights[phase] ?? 0
        let sum = phases.reduce(0) { $0 + (SolveBudget.weights[$1] ?? 0) }
        guard sum > 0 else { return 0 }
        let (units, overflow) = total.multipliedReportingOverflow(by: weight)
        return (overflow ? total / sum * weight : units / sum) + moved[phase, default: 0]
    }

    /// Ends `phase` early: what it has left of its allowance (nothing once it overran) leaves its allowance and goes
    /// to those of `targets` that run, in proportion to their weights, the last one taking the rounding rest; when none
    /// of them runs it stays in the total, for the continuity chains (what the others leave).
    mutating func handOver(_ phase: SolvePhase, to targets: [SolvePhase]) {
        let rest = left(phase)
        guard rest > 0 else { return }
        moved[phase, default: 0] -= rest
        let takers = targets.filter { runs($0) && $0 != .chains }
        let sum = takers.reduce(0) { $0 + (SolveBudget.weights[$1] ?? 0) }
        guard sum > 0 else { return }
        var given = 0
        for (i, t) in takers.enumerated() {
            let part = i + 1 == takers.count ? rest - given : rest / sum * (SolveBudget.weights[t] ?? 0)
            moved[t, default: 0] += part
            given += part
        }
    }

    /// The work units `phase` may still spend (negative once it overran its share).
    func left(_ phase: SolvePhase) -> Int { allowance(phase) - spent[phase, default: 0] }

    mutating func charge(_ phase: SolvePhase, _ units: Int) { spent[phase, default: 0] += units }

    /// True once the deadline has passed (checked against the clock, then remembered).
    mutating func outOfTime() -> Bool {
        if !deadlineHit, let deadline, Date() >= deadline { deadlineHit = true }
        return deadlineHit
    }

    /// Records that the deadline passed (a flow that stopped at it).
    mutating func markDeadlineHit() { deadlineHit = true }
}
