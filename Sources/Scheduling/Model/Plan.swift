/// The lexicographic score of `spec/problem-format.md`: `hard`, then `medium`, then `soft`; higher is better.
public struct Score: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minus the number of broken hard constraints.
    public var hard: Int
    /// Sum over requests of priority × assigned workers.
    public var medium: Int
    /// Minus travel and fairness costs, plus continuity bonuses.
    public var soft: Int
    public init(hard: Int = 0, medium: Int = 0, soft: Int = 0) {
        self.hard = hard
        self.medium = medium
        self.soft = soft
    }
    public static func < (a: Score, b: Score) -> Bool { (a.hard, a.medium, a.soft) < (b.hard, b.medium, b.soft) }
    public var description: String { "hard \(hard) / medium \(medium) / soft \(soft)" }
}

/// A request with fewer workers than it asked for, and why, in words a coordinator can act on.
public struct UnfilledRequest: Sendable, Hashable {
    public var request: String
    /// Headcount minus assigned workers.
    public var missing: Int
    public var reasons: [String]
    /// The same reasons as kinds with numbers, for translation.
    public var details: [UnfilledReason]
    public init(request: String, missing: Int, reasons: [String], details: [UnfilledReason] = []) {
        self.request = request
        self.missing = missing
        self.reasons = reasons
        self.details = details
    }
}

/// A pinned pair kept although it breaks one of rules 1-4.
public struct PinWarning: Sendable, Hashable {
    public var request: String
    public var worker: String
    /// 1 to 4.
    public var rule: Int
    public var message: String
    public init(request: String, worker: String, rule: Int, message: String) {
        self.request = request
        self.worker = worker
        self.rule = rule
        self.message = message
    }
}

/// Numbers about one solve.
public struct SolveStats: Sendable, Hashable {
    public var solveMillis: Int
    public var candidatePairs: Int
    /// An upper bound on `medium`: the flow relaxation without minimum headcounts (rule 7).
    public var mediumUpperBound: Int
    /// Relaxation steps of all flow solves (the deterministic work measure).
    public var flowWork: Int
    /// Branch-and-bound nodes (flow solves) for minimum headcounts.
    public var branchNodes: Int
    /// Passes of the day-by-day continuity re-optimization.
    public var passes: Int
    /// True when `--time-limit` cut the search short.
    public var timeLimitHit: Bool
    /// Improving two-day continuity moves applied.
    public var moves: Int = 0
    /// Work units spent per phase (see `SolveBudget`); phases that did not run are absent.
    public var work: [SolvePhase: Int] = [:]
    public init(
        solveMillis: Int = 0, candidatePairs: Int = 0, mediumUpperBound: Int = 0, flowWork: Int = 0,
        branchNodes: Int = 0, passes: Int = 0, timeLimitHit: Bool = false
    ) {
        self.solveMillis = solveMillis
        self.candidatePairs = candidatePairs
        self.mediumUpperBound = mediumUpperBound
        self.flowWork = flowWork
        self.branchNodes = branchNodes
        self.passes = passes
        self.timeLimitHit = timeLimitHit
    }
}

/// A solver's answer: the plan of `spec/problem-format.md`.
public struct Plan: Sendable, Hashable {
    /// The instance's name.
    public var instance: String?
    public var assignments: [Pair]
    public var unfilled: [UnfilledRequest]
    public var warnings: [PinWarning]
    public var score: Score
    public var stats: SolveStats
    /// Version 2: the workers who ride a request's van, with their pickup point.
    public var rides: [Ride] = []
    /// Whether the plan is written as version 2 (its instance uses version 2).
    public var version2 = false
    public init(
        instance: String?, assignments: [Pair], unfilled: [UnfilledRequest] = [], warnings: [PinWarning] = [],
        score: Score = Score(), stats: SolveStats = SolveStats()
    ) {
        self.instance = instance
        self.assignments = assignments
        self.unfilled = unfilled
        self.warnings = warnings
        self.score = score
        self.stats = stats
    }
}
