import ArgumentParser
import Foundation
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson solve`: Solve a problem instance file and write a plan.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve", abstract: T(.aboutSolve))

    @OptionGroup var instance: InstanceFileOption

    @Option(name: .long, help: ArgumentHelp(T(.helpWhereWritePlan)))
    var out: String

    @Option(name: .long, help: ArgumentHelp(T(.helpStopAfterManySeconds)))
    var timeLimit: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(T(.helpWorkBudgetWholeSolve)))
    var workBudget: Int = SolveOptions().workBudget

    @Option(name: .long, help: ArgumentHelp(T(.helpSeedTieBreakingSame)))
    var seed: UInt64 = 0

    func run() throws {
        let started = Date()
        let inst = try instance.read()
        let tty = isatty(2) != 0
        var progress: (@Sendable (SolveProgress) -> Void)?
        if tty { progress = showProgress }
        let plan = solve(
            inst, options: SolveOptions(seed: seed, workBudget: workBudget, timeLimit: timeLimit, progress: progress))
        if tty { writeStderr("\r\u{1B}[K") }
        try OutputFile.write(PlanJSON.encode(plan), to: out)
        // Slots wanted, counted without overflow (a headcount may be any integer; above 2^63 it would read as such).
        let wanted = inst.requests.reduce(0) {
            $0.addingReportingOverflow($1.headcount).overflow ? Int.max : $0 + $1.headcount
        }
        let seconds = Date().timeIntervalSince(started)
        print(solveSummary(plan, wanted: wanted, seconds: seconds))
    }
}

/// `--instance FILE`, the problem instance `solve` and `score` read.
struct InstanceFileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(T(.helpInstanceFile)))
    var instance: String

    /// Reads and validates the instance file; input errors become exit code 2 with every message.
    func read() throws -> Instance {
        guard let data = FileManager.default.contents(atPath: instance) else {
            throw CommandFailure(T(.errCannotReadInstance, ["file": instance]), exitCode: .badInput)
        }
        do {
            return try InstanceDecoder.decode([UInt8](data))
        } catch {
            throw CommandFailure(
                T(.errInstanceErrors, ["file": instance, "count": error.errors.count]) + "\n"
                    + error.errors.map { "  " + $0 }.joined(separator: "\n"),
                exitCode: .badInput)
        }
    }
}

/// Writes text to standard error as is (progress lines on a terminal).
func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// One progress line on a terminal: phase, best score, elapsed.
@Sendable func showProgress(_ p: SolveProgress) {
    writeStderr("\r\u{1B}[K" + progressLine(p))
}

/// The words of a progress report: the step, the best score so far, the seconds.
func progressLine(_ p: SolveProgress) -> String {
    let best = p.best.map { T(.progressBest, ["score": RequestText.score($0)]) } ?? ""
    return stepName(p.phase) + best + T(.progressSeconds, ["seconds": String(format: "%.2f", p.elapsedSeconds)])
}

/// A solve step in the user's language.
func stepName(_ step: SolveStep) -> String {
    switch step {
    case .candidates: T(.stepCandidates)
    case .start(let n): T(.stepStart, ["number": n])
    case .continuityMoves: T(.stepContinuityMoves)
    case .flow: T(.stepFlow)
    case .localSearch: T(.stepLocalSearch)
    case .dayKicks: T(.stepDayKicks)
    case .continuityChains: T(.stepContinuityChains)
    case .workerSchedules: T(.stepWorkerSchedules)
    case .workerScheduleBound(let bound, let plan, let rounds):
        T(.stepWorkerScheduleBound, ["bound": bound, "plan": plan, "rounds": rounds])
    }
}

/// The line `solve` prints: slots filled of wanted, requests short, the score, the bound, the seconds.
func solveSummary(_ plan: Plan, wanted: Int, seconds: Double) -> String {
    // The bound comes from the first flow; a time limit that stopped that flow leaves no bound.
    let noBound = plan.stats.timeLimitHit && plan.stats.mediumUpperBound == 0
    let bound = noBound ? T(.solveNoBound) : T(.solveBound, ["bound": plan.stats.mediumUpperBound])
    return T(
        .solveSummary,
        [
            "filled": plan.assignments.count, "wanted": wanted, "short": plan.unfilled.count,
            "score": RequestText.score(plan.score), "bound": bound,
            "limit": plan.stats.timeLimitHit ? T(.solveTimeLimitHit) : "", "seconds": String(format: "%.2f", seconds),
        ])
}
