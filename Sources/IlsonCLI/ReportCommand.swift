import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson report`: figures a center reports to the county.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: T(.aboutReport),
        subcommands: [ReportPlacements.self])
}

/// `ilson report placements --from D1 --to D2 [--by category|town|task|farm] [--format table|csv]`.
struct ReportPlacements: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "placements",
        abstract: T(.aboutReportPlacements),
        discussion: """
            Counts assignments on approved (or sent) rosters. A past day counts when attendance says \
            completed, or when no attendance is recorded yet (shown as unrecorded); a no-show never \
            counts; days from today on are shown as scheduled and not counted. Slots wanted, filled and \
            unfilled are given per task and per farm, and as a total for categories and towns.
            """)

    @Option(name: .long, help: "First day, YYYY-MM-DD, today or tomorrow.")
    var from: DateArgument

    @Option(name: .long, help: "Last day (inclusive), YYYY-MM-DD, today or tomorrow.")
    var to: DateArgument

    @Option(name: .long, help: "category, town, task or farm.")
    var by: String = ReportGrouping.category.rawValue

    @Option(name: .long, help: ArgumentHelp(T(.optFormatTable)))
    var format: OutputFormat = .table

    @OptionGroup var options: CenterOptions

    func validate() throws {
        guard format != .json else { throw ValidationError("report placements writes table or csv") }
    }

    func run(_ context: CommandContext) throws {
        guard let grouping = ReportGrouping(rawValue: by) else {
            let names = ReportGrouping.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure(T(.reportUnknownGrouping, ["value": by, "names": names]), exitCode: .badInput)
        }
        let (first, last) = try (context.day(from, field: "--from"), context.day(to, field: "--to"))
        let centerRecord = try context.center
        let report = try PlacementReport.load(
            center: centerRecord, from: first, to: last, by: grouping, today: context.clock.today, on: context.db)
        switch context.format {
        case .table: print(ReportRender.table(report, centerName: centerRecord.name), terminator: "")
        case .csv, .json: print(ReportRender.csv(report), terminator: "")
        }
    }
}

/// How `report placements` prints: a table aligned by display width, or CSV.
enum ReportRender {
    static let headers = [
        "group", "worker_days", "attended", "unrecorded", "no_show", "scheduled", "people", "farms", "wanted",
        "filled", "unfilled", "avg_km",
    ]

    static func cells(_ g: PlacementReport.Group) -> [String] {
        [
            "\(g.workerDays)", "\(g.attended)", "\(g.unrecorded)", "\(g.noShows)", "\(g.scheduled)", "\(g.people)",
            "\(g.farms)", g.wanted.map(String.init) ?? "-", g.filled.map(String.init) ?? "-",
            g.unfilled.map(String.init) ?? "-", g.averageKm.map { String(format: "%.1f", $0) } ?? "-",
        ]
    }

    static func table(_ r: PlacementReport, centerName: String) -> String {
        let grouping: [ReportGrouping: TextKey] = [
            .category: .groupingCategory, .town: .groupingTown, .task: .groupingTask, .farm: .groupingFarm,
        ]
        var out =
            T(
                .reportTitle,
                [
                    "center": r.center, "centerName": centerName, "from": r.from, "to": r.to,
                    "grouping": grouping[r.grouping].map { T($0) } ?? r.grouping.rawValue, "today": r.today,
                    "requests": r.requests,
                ]) + "\n"
        var t = TextTable(
            headers: [
                T(.colGroup), T(.colWorkerDays), T(.colAttended), T(.colUnrecorded), T(.colNoShow), T(.colScheduled),
                T(.colPeople), T(.colFarms), T(.colWanted), T(.colFilled), T(.colUnfilled), T(.colAvgKm),
            ],
            alignments: [.left] + Array(repeating: .right, count: 11))
        for g in r.groups { t.append([g.label] + cells(g)) }
        t.append([r.total.label] + cells(r.total))
        out += t.render()
        out += T(.reportLegend) + "\n"
        if r.total.unrecorded > 0 { out += T(.reportUnrecorded, ["count": r.total.unrecorded]) + "\n" }
        if r.grouping == .category || r.grouping == .town { out += T(.reportDemandTotal) + "\n" }
        return out
    }

    static func csv(_ r: PlacementReport) -> String {
        let rows = (r.groups + [r.total]).map { g in
            [g.key == "total" ? "total" : g.key] + cells(g).map { $0 == "-" ? "" : $0 }
        }
        return CSVOutput.render(headers: headers, rows: rows)
    }
}
