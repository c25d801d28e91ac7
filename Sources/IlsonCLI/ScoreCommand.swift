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
        for line in scoreLines(report) { print(line) }
        if report.score.hard < 0 { throw ExitCode(IlsonExitCode.partial.rawValue) }
    }
}

/// What `ilson score` prints: the score, its terms, every broken rule and every pinned pair that breaks one.
func scoreLines(_ report: ScoreReport) -> [String] {
    var terms = T(
        .scoreTerms,
        [
            "count": report.assignments, "distance": report.distanceCost, "fairness": report.fairnessCost,
            "continuity": report.continuityBonus,
        ])
    if report.shareBonus != 0 { terms += T(.scoreShare, ["share": report.shareBonus]) }
    var lines = [T(.scoreLine, ["score": RequestText.score(report.score)]), terms]
    for v in report.violations {
        let what =
            v.rule.map { T(.scoreBrokenRule, ["number": $0, "kind": v.kind]) }
            ?? T(.scoreBrokenRow, ["kind": v.kind])
        let ids =
            (v.request.map { [T(.scoreRequestID, ["id": $0])] } ?? [])
            + (v.worker.map { [T(.scoreWorkerID, ["id": $0])] } ?? [])
        lines.append(
            T(
                .scoreBroken,
                [
                    "what": what, "ids": ids.isEmpty ? "" : T(.scoreIDs, ["ids": ids.joined(separator: ", ")]),
                    "detail": v.detail,
                ]))
    }
    for w in report.warnings {
        lines.append(
            T(
                .scorePinWarning,
                [
                    "request": w.request, "worker": w.worker, "rule": w.rule,
                    "name": (1...4).contains(w.rule) ? " (" + RequestText.ruleName(w.rule) + ")" : "",
                    "message": w.message,
                ]))
    }
    return lines
}
