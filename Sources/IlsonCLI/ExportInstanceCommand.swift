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
            "wrote \(out): \(e.instance.workers.count) workers, \(e.instance.farms.count) farms, "
                + "\(e.instance.requests.count) requests, \(e.instance.pinned.count) pins, "
                + "\(e.instance.history.count) history rows, \(e.instance.excludedPairs.count) exclusions")
        for line in e.droppedPins { print("warning: \(line)") }
    }
}
