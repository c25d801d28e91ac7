import ArgumentParser

/// `ilson generate`: Write a realistic generated problem instance.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a realistic generated problem instance.")

    func run() throws {
        throw CommandFailure("ilson generate is not built yet", exitCode: .badInput)
    }
}
