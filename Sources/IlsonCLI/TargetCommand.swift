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
                "\(t.year)년 목표: \(TargetRender.category(t.category)) · \(PoolLabels.korean(t.pool)) "
                    + "연인원 \(formatNumber(Double(t.days)))일")
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(abstract: T(.aboutTargetList))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpOnlyYear))) var year: Int?

        func run(_ context: CommandContext) throws {
            let targets = try Targets.list(year: year, center: options.center, on: context.db)
            var t = TextTable(headers: ["연도", "대상", "인력 구분", "목표 연인원"], alignments: [.right, .left, .left, .right])
            for x in targets {
                t.append([String(x.year), TargetRender.category(x.category), PoolLabels.korean(x.pool), String(x.days)])
            }
            print(t.render(), terminator: "")
            print("목표 \(targets.count)건")
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
        let label = { (l: TargetReport.Line) in "\(l.categoryLabel) · \(l.poolLabel)" }
        return ChartReport(
            title: "\(r.center) \(r.year)년 목표 대비 실적",
            notes: [
                "오늘 \(r.today), 한 해의 \(PolicyText.percent(r.yearElapsed)) 지남",
                "실적은 출근이 기록된 날만 (한 사람 하루 한 번, 연인원), 예정은 오늘부터 배치된 날",
            ],
            charts: [
                BarChart(
                    title: "대상별 실적과 목표", unit: "연인원",
                    bars: r.lines.map { BarChart.Bar(label: label($0), value: $0.done, target: $0.target) }),
                BarChart(
                    title: "대상별 예정", unit: "연인원",
                    bars: r.lines.map { BarChart.Bar(label: label($0), value: $0.scheduled) }),
            ]
        ).html()
    }

    static func category(_ code: String) -> String {
        code == "all"
            ? "전체" : code == "midlife" ? "신중년" : Workers.categoryLabel(WorkerCategory(rawValue: code) ?? .general)
    }

    static func table(_ r: TargetReport) -> String {
        var out = "\(r.center) \(r.year)년 목표 대비 실적 (오늘 \(r.today), 한 해의 \(PolicyText.percent(r.yearElapsed)) 지남)\n"
        var t = TextTable(
            headers: ["대상", "인력 구분", "목표", "실적(출근)", "달성률", "시간", "예정", "미기록"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for l in r.lines {
            t.append([
                l.categoryLabel, l.poolLabel, String(l.target), String(l.done), PolicyText.percent(l.progress),
                formatHours(l.doneHours), String(l.scheduled), String(l.unrecorded),
            ])
        }
        out += t.render()
        if r.lines.isEmpty {
            out += "목표가 없습니다: `ilson target set --year \(r.year) --category 고령 --days 1200`으로 정하세요.\n"
        }
        out += "실적은 출근이 기록된 날만 셉니다 (한 사람 하루 한 번). 예정은 오늘부터의 배정, 미기록은 출근 기록이 없는 지난 날입니다.\n"
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
