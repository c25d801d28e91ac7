import ArgumentParser
import Operations
import Records
import Texts
import Vocabulary

/// The root of the `ilson` command line.
public struct IlsonCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ilson",
        abstract: T(.aboutIlson),
        subcommands: [
            DBCommand.self,
            SolveCommand.self,
            ScoreCommand.self,
            GenerateCommand.self,
            CenterCommand.self,
            FarmerCommand.self,
            TaskCommand.self,
            SkillCommand.self,
            FarmCommand.self,
            WorkerCommand.self,
            PickupCommand.self,
            RequestCommand.self,
            RosterCommand.self,
            ExportInstanceCommand.self,
            BatchCommand.self,
            ReplyCommand.self,
            AttendanceCommand.self,
            ReportCommand.self,
            UserCommand.self,
            TargetCommand.self,
            AuditCommand.self,
        ]
    )

    public init() {}
}
