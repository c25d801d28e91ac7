import Foundation
import Postgres
import Testing

/// `ilson attendance record` through the real binary: each worker's row holds the hours and note written right after
/// their own group, not those of another group of the same command (issue 13, item 11).
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct AttendanceRecordCommandTests {
    @Test func hoursAndNoteBelongToTheWorkersNamedRightBeforeThem() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2, state: "sent")
            let p = roster.workerPhones
            let env = IlsonProcess.environment(
                url: url, provider: nil, extra: ["ILSON_TODAY": Fixtures.day.next.description, "TZ": "Asia/Seoul"])
            let out = try IlsonProcess.run(
                [
                    "attendance", "record", "--center", "JC", "--date", Fixtures.day.description,
                    "--present", "\(p[0]),\(p[1])", "--late", p[2], "--hours", "6.5", "--note", "버스 놓침",
                    "--no-show", p[3],
                ], environment: env)
            #expect(out.status == 0, "\(out)")
            let rows = try db.query(
                """
                SELECT w.phone, t.outcome, t.hours::double precision AS hours, t.note
                FROM attendance t JOIN assignments a ON a.id = t.assignment_id JOIN workers w ON w.id = a.worker_id
                ORDER BY w.phone
                """)
            var byPhone: [String: (outcome: String, hours: Double?, note: String?)] = [:]
            for row in rows {
                byPhone[try row.decode("phone")] = (
                    try row.decode("outcome"), try row.decode("hours"), try row.decode("note")
                )
            }
            #expect(byPhone.count == 4)
            for present in [p[0], p[1]] {
                #expect(byPhone[present]?.outcome == "present")
                #expect(byPhone[present]?.hours == 9, "present: the scheduled 07:00-16:00, not the late worker's 6.5")
                #expect(byPhone[present]?.note == nil, "the note is the late worker's only")
            }
            #expect(byPhone[p[2]]?.outcome == "late")
            #expect(byPhone[p[2]]?.hours == 6.5)
            #expect(byPhone[p[2]]?.note == "버스 놓침")
            #expect(byPhone[p[3]]?.outcome == "no_show")
            #expect(byPhone[p[3]]?.hours == 0 || byPhone[p[3]]?.hours == nil)
            #expect(byPhone[p[3]]?.note != "버스 놓침")
        }
    }
}
