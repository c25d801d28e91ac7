import ArgumentParser
import Foundation
import KoreanText
import Operations
import PrintSheets
import Records
import Texts
import Vocabulary

/// `ilson target set|list`: yearly targets (연간 목표 연인원) per target group and pool.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: T(.aboutTarget),
        subcommands: [Set.self, List.self])

    struct Set: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: T(.aboutTargetSet))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpYear))) var year: Int
        @Option(help: ArgumentHelp(T(.helpTargetGroup))) var category: String
        @Option(help: ArgumentHelp(T(.helpPool))) var pool: String?
        @Option(help: ArgumentHelp(T(.helpWorkerDaysPlannedYear))) var days: Int

        func run(_ context: CommandContext) throws {
            let t = try Targets.set(
                year: year, category: category, pool: pool, days: days, center: options.center, on: context.db)
            print(
                T(
                    .targetSetDone,
                    [
                        "year": t.year, "category": TargetRender.category(t.category),
                        "pool": TargetRender.pool(t.pool), "days": formatNumber(Double(t.days)),
                    ]))
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutTargetList))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpOnlyYear))) var year: Int?

        func run(_ context: CommandContext) throws {
            let targets = try Targets.list(year: year, center: options.center, on: context.db)
            var t = TextTable(
                headers: [T(.colYear), T(.colTargetGroup), T(.colPool), T(.colTargetDays)],
                alignments: [.right, .left, .left, .right])
            for x in targets {
                t.append([String(x.year), TargetRender.category(x.category), TargetRender.pool(x.pool), String(x.days)])
            }
            print(t.render(), terminator: "")
            print(T(.targetCount, ["count": targets.count]))
        }
    }
}

/// `ilson report targets --year 2027 [--format table|csv]`.
struct ReportTargets: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: T(.aboutTargetReport),
        discussion: T(.helpTarget0))
    @OptionGroup var options: CenterOptions
    @Option(help: ArgumentHelp(T(.helpYear))) var year: Int
    /// `table`, `csv`, or `html` (bar charts of done and scheduled against each target).
    enum TargetsFormat: String, ExpressibleByArgument, CaseIterable {
        case table, csv, html
    }
    @Option(name: .customLong("format"), help: ArgumentHelp(T(.helpTableCsvHtml2)))
    var output: TargetsFormat = .table
    @OptionGroup var csv: CSVEncodingOption

    func run(_ context: CommandContext) throws {
        let report = try Targets.report(
            year: year, center: options.center, today: context.clock.today, on: context.db)
        switch output {
        case .table: print(TargetRender.table(report), terminator: "")
        case .csv: try csv.encoding.write(TargetRender.csv(report))
        case .html: print(TargetRender.html(report), terminator: "")
        }
    }
}

/// How the targets report prints.
enum TargetRender {
    /// The targets as a self-contained HTML page of bar charts (the day sheets' style): worker-days done (attended)
    /// with each target marked on its bar, then the days scheduled from today on.
    static func html(_ r: TargetReport) -> String {
        let label = { (l: TargetReport.Line) in "\(category(l.category)) · \(pool(l.pool))" }
        return ChartReport(
            title: T(.targetReportTitle, ["center": r.center, "year": r.year]),
            notes: [
                T(.targetReportToday, ["today": r.today, "share": PolicyText.percent(r.yearElapsed)]),
                T(.targetReportHowCounted),
            ],
            charts: [
                BarChart(
                    title: T(.targetChartDone), unit: T(.targetUnit),
                    bars: r.lines.map { BarChart.Bar(label: label($0), value: $0.done, target: $0.target) }),
                BarChart(
                    title: T(.targetChartScheduled), unit: T(.targetUnit),
                    bars: r.lines.map { BarChart.Bar(label: label($0), value: $0.scheduled) }),
            ]
        ).html()
    }

    /// A target group as people read it: `고령`, `전체` (`all` in English).
    static func category(_ code: String) -> String {
        code == "all"
            ? T(.groupAll)
            : code == "midlife" ? T(.groupMidlife) : Workers.categoryLabel(WorkerCategory(rawValue: code) ?? .general)
    }

    /// A pool as people read it: `일용` (the pools' Korean names are their names), `전체` (`all` in English).
    static func pool(_ code: String) -> String { code == "all" ? T(.groupAll) : PoolLabels.korean(code) }

    static func table(_ r: TargetReport) -> String {
        var out =
            T(.targetReportTitle, ["center": r.center, "year": r.year]) + " ("
            + T(.targetReportToday, ["today": r.today, "share": PolicyText.percent(r.yearElapsed)]) + ")\n"
        var t = TextTable(
            headers: [
                T(.colTargetGroup), T(.colPool), T(.colTarget), T(.colDoneAttended), T(.colProgress),
                T(.colTargetHours), T(.colScheduled), T(.colUnrecorded),
            ],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for l in r.lines {
            t.append([
                category(l.category), pool(l.pool), String(l.target), String(l.done), PolicyText.percent(l.progress),
                formatHours(l.doneHours), String(l.scheduled), String(l.unrecorded),
            ])
        }
        out += t.render()
        if r.lines.isEmpty {
            out += T(.targetNone, ["year": r.year]) + "\n"
        }
        out += T(.targetReportNote) + "\n"
        return out
    }

    static func csv(_ r: TargetReport) -> String {
        CSVOutput.render(
            headers: [
                "year", "category", "pool", "target", "done", "progress", "hours", "scheduled", "unrecorded",
                "year_elapsed",
            ],
            rows: r.lines.map { l in
                [
                    String(r.year), l.category, l.pool, String(l.target), String(l.done),
                    String(format: "%.3f", l.progress), formatHours(l.doneHours), String(l.scheduled),
                    String(l.unrecorded), String(format: "%.3f", r.yearElapsed),
                ]
            })
    }
}
