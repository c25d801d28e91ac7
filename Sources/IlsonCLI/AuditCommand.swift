import ArgumentParser
import KoreanText
import Operations
import Records
import Texts

/// `ilson audit show --date D | --worker PHONE | --farm CODE`: who changed what, when and why.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: T(.aboutAudit), subcommands: [Show.self])

    struct Show: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: T(.aboutAuditShow),
            discussion: T(.helpAudit0))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpDayChangesMadeDay))) var date: DateArgument?
        @Option(help: ArgumentHelp(T(.helpWorkerSPhoneNumber))) var worker: String?
        @Option(help: ArgumentHelp(T(.helpFarmCode2))) var farm: String?
        @Option(help: ArgumentHelp(T(.helpMostManyChanges))) var limit: Int = 500

        func run(_ context: CommandContext) throws {
            let day = try date.map { try context.day($0, field: "--date") }
            let (center, lines) = try AuditTrail.show(
                date: day, worker: worker, farm: farm, center: options.center, limit: limit, on: context.db)
            print(T(.auditTitle, ["code": center.code, "name": center.name]))
            var t = TextTable(headers: [
                T(.colAuditTime), T(.colAuditWho), T(.colAuditWhat), T(.colAuditSubject), T(.colAuditChange),
                T(.colReason),
            ])
            for l in lines { t.append([l.at, l.actor, l.action, l.subject, l.change, l.reason]) }
            print(t.render(), terminator: "")
            print(T(.auditCount, ["count": lines.count]))
        }
    }
}
