import Foundation
import Operations
import PrintSheets
import Records
import Vocabulary

/// `report placements --format html`: worker-days (연인원) as bar charts by target group, by month and by town, in
/// the day sheets' self-contained style. (`report targets --format html` can add its targets as `Bar.target`.)
enum PlacementCharts {
    /// The chart page of a center's period, read with the same rules as the table.
    static func html(center: CenterRecord, from: Day, to: Day, today: Day, context: CommandContext) throws -> String {
        let byCategory = try PlacementReport.load(
            center: center, from: from, to: to, by: .category, today: today, on: context.db)
        let byTown = try PlacementReport.load(
            center: center, from: from, to: to, by: .town, today: today, on: context.db)
        var months: [BarChart.Bar] = []
        var start = from
        while start <= to {
            let c = start.components
            let monthEnd = Day(year: c.year, month: c.month, day: Day.daysIn(month: c.month, year: c.year)) ?? to
            let end = min(monthEnd, to)
            let month = try PlacementReport.load(
                center: center, from: start, to: end, by: .category, today: today, on: context.db)
            months.append(BarChart.Bar(label: "\(c.year)년 \(c.month)월", value: month.total.workerDays))
            start = end.next
        }
        let report = ChartReport(
            title: "\(center.name) 배치 실적",
            notes: [
                "기간: \(from) – \(to) · 연인원 \(byCategory.total.workerDays)명 · 실인원 \(byCategory.total.people)명 · "
                    + "농가 \(byCategory.total.farms)곳",
                "연인원: 승인된 배치 중 출근했거나 아직 출근 기록이 없는 날 (결근 제외, 오늘부터는 예정으로 세지 않음)"
                    + (byCategory.total.scheduled > 0 ? " · 예정 \(byCategory.total.scheduled)명" : ""),
            ],
            charts: [
                BarChart(
                    title: "대상자 유형별", unit: "연인원",
                    bars: byCategory.groups.map { BarChart.Bar(label: $0.label, value: $0.workerDays) }),
                BarChart(title: "월별", unit: "연인원", bars: months),
                BarChart(
                    title: "읍면별 (사는 곳)", unit: "연인원",
                    bars: byTown.groups.map { BarChart.Bar(label: $0.label, value: $0.workerDays) }),
            ])
        return report.html()
    }
}
