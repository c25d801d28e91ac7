import Foundation

/// How to solve: seed, work budget, optional wall-clock cap, progress callback.
public struct SolveOptions: Sendable {
    /// Seeds the order in which workers release their supply (ties between equal plans).
    public var seed: UInt64
    /// The work budget of the whole solve, split among its phases (`SolveBudget`); the search stops on it, never on
    /// the clock, so the same budget and seed give the same plan.
    public var workBudget: Int
    /// An explicit wall-clock cap in seconds: the best plan found so far is returned when it runs out.
    public var timeLimit: Double?
    /// Called between phases and after improvements.
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(
        seed: UInt64 = 0, workBudget: Int = 70_000_000, timeLimit: Double? = nil,
        progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
        self.seed = seed
        self.workBudget = workBudget
        self.timeLimit = timeLimit
        self.progress = progress
    }
}

/// A step of the solve a progress report names (the interface words it in the user's language).
public enum SolveStep: Sendable, Hashable {
    /// Building the candidate pairs.
    case candidates
    /// The n-th greedy start (1-based).
    case start(Int)
    /// Continuity moves on a start or the flow's plan.
    case continuityMoves
    /// The min-cost flow.
    case flow
    /// The local search.
    case localSearch
    /// Day kicks of the local search.
    case dayKicks
    /// Continuity chains over all days.
    case continuityChains
    /// The worker schedules phase found a better plan.
    case workerSchedules
    /// The worker schedules phase ended: its bound on soft at the plan's headcounts, its plan's soft, its rounds.
    case workerScheduleBound(bound: Int64, plan: Int64, rounds: Int)
}

/// A progress report: phase, best score so far, elapsed time.
public struct SolveProgress: Sendable {
    public var phase: SolveStep
    public var best: Score?
    public var elapsedSeconds: Double

    public init(phase: SolveStep, best: Score? = nil, elapsedSeconds: Double) {
        self.phase = phase
        self.best = best
        self.elapsedSeconds = elapsedSeconds
    }
}
