import ArgumentParser

/// `ilson score`: Recompute a plan's score and list broken hard constraints.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "Recompute a plan's score and list broken hard constraints.")

    func run() throws {
        throw CommandFailure("ilson score is not built yet", exitCode: .badInput)
    }
}
