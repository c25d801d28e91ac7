import ArgumentParser

/// `ilson solve`: Solve a problem instance file and write a plan.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "Solve a problem instance file and write a plan.")

    func run() throws {
        throw CommandFailure("ilson solve is not built yet", exitCode: .badInput)
    }
}
