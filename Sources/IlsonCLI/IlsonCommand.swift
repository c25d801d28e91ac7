import ArgumentParser

/// The root of the `ilson` command line.
public struct IlsonCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ilson",
        abstract: "ilson (일손): rural labor dispatch scheduler.",
        subcommands: [
            DBCommand.self,
            SolveCommand.self,
            ScoreCommand.self,
            GenerateCommand.self,
            RosterCommand.self,
            ExportInstanceCommand.self,
            BatchCommand.self,
            // Temporary: `roster cancel` and `roster calls` until they are wired under `roster`.
            RosterCancelCommand.self,
            RosterCallsCommand.self,
        ]
    )

    public init() {}
}
