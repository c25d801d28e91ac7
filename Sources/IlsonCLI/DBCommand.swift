import ArgumentParser

/// `ilson db`: Database migrations and status.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: "Database migrations and status.")

    func run() throws {
        throw CommandFailure("ilson db is not built yet", exitCode: .badInput)
    }
}
