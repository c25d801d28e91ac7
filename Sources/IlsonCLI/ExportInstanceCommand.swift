import ArgumentParser
import Foundation
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson export-instance`: a center's day as a problem instance file, to replay with `ilson solve`.
struct ExportInstanceCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-instance",
        abstract: T(.aboutExportInstance))

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpWhereWriteInstance))) var out: String

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let e = try ExportInstance.export(center: center, date: date, on: context.db)
        try OutputFile.write(e.json, to: out)
        print(
            T(
                .exportWrote,
                [
                    "path": out, "workers": e.instance.workers.count, "farms": e.instance.farms.count,
                    "requests": e.instance.requests.count, "pins": e.instance.pinned.count,
                    "history": e.instance.history.count, "exclusions": e.instance.excludedPairs.count,
                ]))
        for line in e.droppedPins { print(T(.warningLine, ["text": line])) }
    }
}
