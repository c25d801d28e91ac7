import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Testing
import Texts
import Vocabulary

@testable import Operations

/// Yearly targets and the worker-days they are compared with; placements count a person once per day.
struct TargetReportTests {
    static func row(
        _ worker: Int64, _ day: String, _ status: AssignmentStatus, hours: Double = 4, pool: String = "day",
        category: WorkerCategory = .senior, farm: String = "F1"
    ) -> PlacementRow {
        PlacementRow(
            assignmentID: Int64.random(in: 1...1_000_000), date: Day(day)!, status: status, workerID: worker,
            category: category, village: nil, homeLat: 36.9, homeLon: 127.4, requestID: 1, farmCode: farm,
            farmName: "농장", task: "수확", distanceKm: 1, hours: hours, pool: pool)
    }

    @Test func aPersonWithTwoJobsADayCountsOnceWithBothJobsHours() {
        // Worker 1: two half-day jobs on the 2nd (attended); worker 2: one job on the 2nd, a volunteer.
        let rows = [
            Self.row(1, "2027-07-02", .completed, hours: 4), Self.row(1, "2027-07-02", .completed, hours: 3.5),
            Self.row(2, "2027-07-02", .completed, hours: 4, pool: "volunteer", category: .youth),
            Self.row(1, "2027-07-09", .approved), Self.row(1, "2027-07-09", .approved),
        ]
        let today = Day("2027-07-05")!
        for grouping in ReportGrouping.allCases {
            let r = PlacementReport.build(
                center: "JC", from: Day("2027-07-01")!, to: Day("2027-07-31")!, by: grouping, today: today,
                placements: rows, demand: [], county: nil)
            #expect(r.total.workerDays == 2, "\(grouping)")
            #expect(r.total.attended == 2, "\(grouping)")
            #expect(r.total.scheduled == 1, "\(grouping)")
            #expect(r.total.hours == 11.5, "\(grouping)")
        }
        let byPool = PlacementReport.build(
            center: "JC", from: Day("2027-07-01")!, to: Day("2027-07-31")!, by: .pool, today: today, placements: rows,
            demand: [], county: nil)
        #expect(byPool.groups.map(\.key) == ["day", "volunteer", "seasonal"])
        #expect(byPool.groups.map(\.workerDays) == [1, 1, 0])
        #expect(byPool.groups.map(\.hours) == [7.5, 4, 0])
        #expect(byPool.groups[1].label.hasPrefix("봉사"))
    }

    @Test func targetsCountOnlyAttendedDays() {
        func day(_ w: Int64, _ d: String, attended: Bool, noShow: Bool = false, pool: String = "day") -> PersonDayRow {
            PersonDayRow(
                date: Day(d)!, workerID: w, category: .senior, pool: pool, attended: attended, noShow: noShow,
                hours: attended ? 8 : 0)
        }
        let targets = [
            YearlyTarget(year: 2027, category: "senior", pool: "all", days: 10, updatedBy: "x"),
            YearlyTarget(year: 2027, category: "all", pool: "volunteer", days: 4, updatedBy: "x"),
            YearlyTarget(year: 2027, category: "youth", pool: "all", days: 5, updatedBy: "x"),
        ]
        let days = [
            day(1, "2027-03-02", attended: true), day(2, "2027-03-02", attended: true, pool: "volunteer"),
            day(1, "2027-03-03", attended: false),  // past, not recorded: not done
            day(1, "2027-03-04", attended: false, noShow: true),  // a no-show never counts
            day(1, "2027-08-01", attended: false),  // scheduled
        ]
        let r = TargetReport.build(
            center: "JC", year: 2027, today: Day("2027-07-02")!, targets: targets, days: days)
        #expect(r.lines.map(\.done) == [2, 1, 0])
        #expect(r.lines.map(\.unrecorded) == [1, 0, 0])
        #expect(r.lines.map(\.scheduled) == [1, 0, 0])
        #expect(r.lines[0].doneHours == 16)
        #expect(r.lines[0].progress == 0.2)
        #expect(abs(r.yearElapsed - 182.0 / 365.0) < 1e-9)
        #expect(TargetReport.elapsed(year: 2027, today: Day("2026-05-01")!) == 0)
        #expect(TargetReport.elapsed(year: 2027, today: Day("2028-05-01")!) == 1)
    }
}

/// `target set|list` and `report targets` on a real database.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct TargetStoreTests {
    @Test func targetsAreSetCheckedAndComparedWithAttendedDays() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try ReportPlacementsTests.setUp(on: db)
            let year = ReportPlacementsTests.days[0].components.year
            let t = try Targets.set(year: year, category: "고령", pool: nil, days: 1200, center: nil, on: db)
            #expect(t.category == "senior" && t.pool == "all" && t.days == 1200)
            _ = try Targets.set(year: year, category: "전체", pool: "일용", days: 3000, center: nil, on: db)
            _ = try Targets.set(year: year, category: "senior", pool: "all", days: 1300, center: nil, on: db)
            #expect(try Targets.list(year: year, center: nil, on: db).map(\.days) == [3000, 1300])
            // Bad input: a clear error, nothing written.
            for (category, pool, days, y, words) in [
                ("외계인", nil as String?, 5, year, "대상 구분"), ("고령", "택배", 5, year, "인력 구분"),
                ("고령", nil, -1, year, "목표 연인원"), ("고령", nil, 5, 1800, "연도"),
            ] {
                do {
                    _ = try Language.$current.withValue(.ko) {
                        try Targets.set(year: y, category: category, pool: pool, days: days, center: nil, on: db)
                    }
                    Issue.record("\(category) \(String(describing: pool)) \(days) \(y) was accepted")
                } catch let OperationError.badInput(message) {
                    #expect(message.contains(words), "\(message)")
                }
            }
            #expect(try Fixtures.count(db, "yearly_targets") == 2)

            let today = ReportPlacementsTests.days[1]
            let report = try Targets.report(year: year, center: center.code, today: today, on: db)
            let attended =
                try db.fetchValue(
                    """
                    SELECT count(DISTINCT (a.worker_id, a.work_date)) FROM assignments a JOIN rosters r ON r.id = a.roster_id
                    WHERE a.center_id = \(center.id) AND a.status = 'completed' AND r.state IN ('approved', 'sending', 'sent')
                      AND extract(year FROM a.work_date) = \(year)
                    """, as: Int64.self) ?? 0
            let all = try #require(report.lines.first { $0.category == "all" })
            #expect(all.done == Int(attended))
            #expect(all.done == 1)
            #expect(all.target == 3000)
            #expect(all.scheduled > 0)
            #expect(report.lines.allSatisfy { $0.done <= all.done })
        }
    }
}
