import Foundation
import KoreanText
import Operations
import Postgres
import Scheduling
import Storage
import Testing

/// The day after: attendance recorded, corrected and imported, on a roster that was sent.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct DayOfAttendanceTests {
    /// The day after the fixture day: the fixture day has happened.
    static var dayAfter: IlsonClock { IlsonClock(today: Fixtures.day.next) }

    static func count(_ db: Connection, _ sql: PostgresQuery) throws -> Int {
        try db.query(sql).first!.decode("n")
    }

    @Test func recordThenCorrectWithAuditBeforeAndAfter() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2, state: "sent")
            let center = try Centers.resolve("JC", on: db)
            let p = roster.workerPhones
            // Not before the day has happened.
            #expect(throws: OperationError.self) {
                try Attendance.record(
                    center: center, date: Fixtures.day, entries: [AttendanceEntry(worker: p[0], outcome: .present)],
                    on: db, clock: IlsonClock(today: Fixtures.day.previous))
            }
            let s = try Attendance.record(
                center: center, date: Fixtures.day,
                entries: [
                    AttendanceEntry(worker: p[0], outcome: .present), AttendanceEntry(worker: p[1], outcome: .noShow),
                    AttendanceEntry(worker: p[2], outcome: .late, hours: 6.5),
                ], on: db, clock: Self.dayAfter)
            #expect(s.recorded == 3 && s.corrected == 0)
            #expect(s.stillUnrecorded.map(\.workerPhone) == [p[3]])
            let statuses = try db.query(
                "SELECT w.phone, a.status FROM assignments a JOIN workers w ON w.id = a.worker_id ORDER BY w.phone"
            ).map { (try $0.decode("phone", as: String.self), try $0.decode("status", as: String.self)) }
            #expect(statuses.map(\.1) == ["completed", "no_show", "completed", "approved"])
            let hours: Double = try db.query(
                """
                SELECT t.hours::double precision AS h FROM attendance t JOIN assignments a ON a.id = t.assignment_id
                JOIN workers w ON w.id = a.worker_id WHERE w.phone = \(p[0])
                """
            ).first!.decode("h")
            #expect(hours == 9, "present: the scheduled 07:00-16:00")

            // The no-show came after all: a correction, with before and after in the audit log.
            let c = try Attendance.record(
                center: center, date: Fixtures.day,
                entries: [AttendanceEntry(worker: p[1], outcome: .late, hours: 5, note: "버스 놓침")], on: db,
                clock: Self.dayAfter)
            #expect(c.corrected == 1 && c.recorded == 0)
            let audit = try #require(
                try db.query(
                    """
                    SELECT before->>'outcome' AS b, after->>'outcome' AS a, before->>'status' AS bs, after->>'status' AS as_
                    FROM audit_log WHERE entity = 'attendance' AND action = 'update'
                    """
                ).first)
            #expect(try audit.decode("b", as: String.self) == "no_show")
            #expect(try audit.decode("a", as: String.self) == "late")
            #expect(try audit.decode("bs", as: String.self) == "no_show")
            #expect(try audit.decode("as_", as: String.self) == "completed")
            // The same again changes nothing and writes no audit row.
            let again = try Attendance.record(
                center: center, date: Fixtures.day,
                entries: [AttendanceEntry(worker: p[1], outcome: .late, hours: 5, note: "버스 놓침")], on: db,
                clock: Self.dayAfter)
            #expect(again.unchanged == 1)
            #expect(try Self.count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'attendance'") == 4)
            // A worker not on the day's roster is refused, and nothing of the command is written.
            let stranger = "01055550000"
            try db.query(
                """
                INSERT INTO workers (center_id, name, phone, home_lat, home_lon) VALUES (\(roster.centerId), '박뷁',
                \(stranger), 36.8, 127.4)
                """)
            #expect(throws: OperationError.self) {
                try Attendance.record(
                    center: center, date: Fixtures.day,
                    entries: [
                        AttendanceEntry(worker: p[3], outcome: .present),
                        AttendanceEntry(worker: stranger, outcome: .present),
                    ],
                    on: db, clock: Self.dayAfter)
            }
            #expect(try Self.count(db, "SELECT count(*) AS n FROM attendance") == 3)
            // worker show's record.
            let w: Int64 = try db.query("SELECT id FROM workers WHERE phone = \(p[1])").first!.decode("id")
            let record = try WorkerDays.load(worker: w, on: db, clock: Self.dayAfter)
            #expect(record.days.first?.outcome == .late && record.completed == 1 && record.noShows == 0)
        }
    }

    @Test func importWithABadRowWritesNothingAndNamesTheLine() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2, state: "sent")
            let center = try Centers.resolve("JC", on: db)
            let p = roster.workerPhones.map { Phone.format($0) }
            let bad = """
                전화번호,농가코드,출근상태,근무시간
                \(p[0]),F0,출근,9
                \(p[1]),F0,결근,
                \(p[2]),F0,지각,6
                \(p[3]),F1,가끔,3

                """
            do {
                _ = try Attendance.importCSV(
                    bytes: Array(bad.utf8), file: "attendance.csv", center: center, date: Fixtures.day, on: db,
                    clock: Self.dayAfter)
                Issue.record("a bad file was imported")
            } catch let error as OperationError {
                let text = error.description
                #expect(text.contains("line 5") && text.contains("가끔"), "\(text)")
            }
            #expect(try Self.count(db, "SELECT count(*) AS n FROM attendance") == 0)
            // Now a row checked against the roster: p[2] was placed at F1, not F0.
            let wrongFarm = bad.replacingOccurrences(of: "가끔", with: "조퇴")
            #expect(throws: OperationError.self) {
                try Attendance.importCSV(
                    bytes: Array(wrongFarm.utf8), file: "attendance.csv", center: center, date: Fixtures.day, on: db,
                    clock: Self.dayAfter)
            }
            #expect(try Self.count(db, "SELECT count(*) AS n FROM attendance") == 0)
            // Fixed, in CP949 with English headers: everything recorded.
            let good = """
                phone,farm,status,hours,note
                \(p[0]),F0,present,9,
                \(p[1]),F0,no_show,,연락 안 됨
                \(p[2]),F1,late,6,
                \(p[3]),F1,left_early,4,

                """
            let (summary, encoding) = try Attendance.importCSV(
                bytes: try #require(CP949.encode(good)), file: "attendance.csv", center: center, date: Fixtures.day,
                on: db, clock: Self.dayAfter)
            #expect(encoding.lowercased().contains("cp949"))
            #expect(summary.recorded == 4 && summary.stillUnrecorded.isEmpty)
            let attended = try Self.count(
                db, "SELECT count(*) AS n FROM assignments WHERE status = 'completed'")
            #expect(attended == 3)
            // The county's figures count exactly the attended rows, whatever the grouping.
            for grouping in ReportGrouping.allCases {
                let report = try PlacementReport.load(
                    center: center, from: Fixtures.day, to: Fixtures.day, by: grouping,
                    today: Self.dayAfter.today, on: db)
                #expect(report.total.attended == attended, "\(grouping)")
                #expect(report.total.noShows == 1, "\(grouping)")
                #expect(report.total.workerDays == attended + report.total.unrecorded, "\(grouping)")
            }
        }
    }
}
