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
        subcommands: [ReportPlacements.self, ReportTargets.self])
}

/// `ilson report placements --from D1 --to D2 [--by category|town|task|farm] [--format table|csv]`.
struct ReportPlacements: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "placements",
        abstract: T(.aboutReportPlacements),
        discussion: T(.helpReport0))

    @Option(name: .long, help: ArgumentHelp(T(.helpFirstDayYyyyMm2)))
    var from: DateArgument

    @Option(name: .long, help: ArgumentHelp(T(.helpLastDayYyyyMm)))
    var to: DateArgument

    @Option(name: .long, help: ArgumentHelp(T(.helpCategoryTownTaskFarm)))
    var by: String = ReportGrouping.category.rawValue

    /// `table`, `csv`, or `html` (bar charts by target group, month and town; see PlacementCharts.swift).
    enum PlacementsFormat: String, ExpressibleByArgument, CaseIterable {
        case table, csv, html
    }

    @Option(name: .customLong("format"), help: ArgumentHelp(T(.helpTableCsvHtml)))
    var output: PlacementsFormat = .table
    @OptionGroup var csv: CSVEncodingOption

    @OptionGroup var options: CenterOptions

    func run(_ context: CommandContext) throws {
        guard let grouping = ReportGrouping(rawValue: by) else {
            let names = ReportGrouping.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure(T(.reportUnknownGrouping, ["value": by, "names": names]), exitCode: .badInput)
        }
        let (first, last) = try (context.day(from, field: "--from"), context.day(to, field: "--to"))
        let centerRecord = try context.center
        let report = try PlacementReport.load(
            center: centerRecord, from: first, to: last, by: grouping, today: context.clock.today, on: context.db)
        switch output {
        case .table: print(ReportRender.table(report, centerName: centerRecord.name), terminator: "")
        case .csv: try csv.encoding.write(ReportRender.csv(report))
        case .html:
            print(
                try PlacementCharts.html(
                    center: centerRecord, from: first, to: last, today: context.clock.today, context: context),
                terminator: "")
        }
    }
}

/// How `report placements` prints: a table aligned by display width, or CSV.
enum ReportRender {
    static let headers = [
        "group", "worker_days", "attended", "unrecorded", "no_show", "scheduled", "people", "farms", "wanted",
        "filled", "unfilled", "avg_km", "hours",
    ]

    static func cells(_ g: PlacementReport.Group) -> [String] {
        [
            "\(g.workerDays)", "\(g.attended)", "\(g.unrecorded)", "\(g.noShows)",
            "\(g.scheduled)", "\(g.people)",
            "\(g.farms)", g.wanted.map(String.init) ?? "-", g.filled.map(String.init) ?? "-",
            g.unfilled.map(String.init) ?? "-", g.averageKm.map { String(format: "%.1f", $0) } ?? "-",
            formatHours(g.hours),
        ]
    }

    static func table(_ r: PlacementReport, centerName: String) -> String {
        let grouping: [ReportGrouping: TextKey] = [
            .category: .groupingCategory, .town: .groupingTown, .task: .groupingTask, .farm: .groupingFarm,
            .pool: .groupingPool,
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
                T(.colHoursSum),
            ],
            alignments: [.left] + Array(repeating: .right, count: 12))
        for g in r.groups { t.append([g.label] + cells(g)) }
        t.append([r.total.label] + cells(r.total))
        out += t.render()
        out += T(.reportLegend) + "\n"
        out += T(.reportHoursLegend) + "\n"
        if r.total.unrecorded > 0 { out += T(.reportUnrecorded, ["count": r.total.unrecorded]) + "\n" }
        if r.grouping == .category || r.grouping == .town || r.grouping == .pool {
            out += T(.reportDemandTotal) + "\n"
        }
        return out
    }

    static func csv(_ r: PlacementReport) -> String {
        let rows = (r.groups + [r.total]).map { g in
            [g.key == "total" ? "total" : g.key] + cells(g).map { $0 == "-" ? "" : $0 }
        }
        return CSVOutput.render(headers: headers, rows: rows)
    }
}

/// Hours as a report shows them: `8`, `4.5`.
func formatHours(_ hours: Double) -> String {
    let rounded = (hours * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
}
