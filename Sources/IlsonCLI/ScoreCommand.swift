import ArgumentParser
import Foundation
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson score`: Recompute a plan's score and list broken hard constraints.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: T(.aboutScore))

    @OptionGroup var instance: InstanceFileOption

    @Option(name: .long, help: ArgumentHelp(T(.helpPlanFile)))
    var plan: String

    func run() throws {
        let inst = try instance.read()
        guard let data = FileManager.default.contents(atPath: plan) else {
            throw CommandFailure(T(.errCannotReadPlan, ["file": plan]), exitCode: .badInput)
        }
        let rows: (pairs: [Pair], malformed: Int)
        do {
            rows = try PlanJSON.decodeAssignments([UInt8](data))
        } catch {
            throw CommandFailure("\(plan): " + error.errors.joined(separator: "; "), exitCode: .badInput)
        }
        let report = score(inst, assignments: rows.pairs, malformedRows: rows.malformed)
        print("score: \(report.score)")
        print(
            "assignments \(report.assignments); distance cost \(report.distanceCost), fairness cost \(report.fairnessCost), continuity bonus \(report.continuityBonus)"
        )
        for v in report.violations { print("broken: \(v)") }
        for w in report.warnings {
            print(
                "warning: pinned pair request \"\(w.request)\", worker \"\(w.worker)\" breaks rule \(w.rule): \(w.message)"
            )
        }
        if report.score.hard < 0 { throw ExitCode(IlsonExitCode.partial.rawValue) }
    }
}
