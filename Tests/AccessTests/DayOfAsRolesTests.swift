import Foundation
import Postgres
import Storage
import Testing
import Vocabulary

/// The day-of commands as the login that runs them in real life, through the real binary: coordinator A declines
/// a worker and delivers the notices at once (`--send`, file gateway), records attendance, replaces a worker by the
/// top suggestion (`roster replace --best`) and cancels a day it planned and approved itself; coordinator B and the
/// batch login are refused.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct DayOfAsRolesTests {
    @Test func coordinatorDeclinesRecordsAttendanceAndCancelsOthersAreRefused() throws {
        try AccessWorld.with { w in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "ilson-dayof-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let sms = directory.appendingPathComponent("sms").path
            func run(_ person: Person, _ arguments: [String], today: String? = nil) throws -> IlsonRun.Outcome {
                var environment = [
                    "ILSON_DATABASE_URL": try w.url(as: person), "ILSON_SMS_GATEWAY": "file", "ILSON_SMS_DIR": sms,
                    "TZ": "Asia/Seoul",
                ]
                if let today { environment["ILSON_TODAY"] = today }
                return try IlsonRun.run(arguments, environment: environment)
            }
            func count(_ sql: String) throws -> Int {
                try w.db.query(PostgresQuery(unescaped: sql))[0].decode("n", as: Int.self)
            }
            let wA1 = String(w["wA1"])
            let wA2 = String(w["wA2"])

            // Decline on roster roA (approved, day D) as coordinator A, delivering at once: a send run of center A,
            // written by the coordinator (sql/009).
            let decline = try run(
                .coordinatorA, ["roster", "decline", "--date", w.day, "--worker", wA1, "--reason", "병가", "--send"])
            #expect(decline.status == 0, "\(decline)")
            #expect(
                try count("SELECT count(*) AS n FROM assignments WHERE id = \(w["aA"]) AND status = 'approved'") == 0,
                "the declined assignment is no longer approved")
            #expect(
                try count("SELECT count(*) AS n FROM batch_runs WHERE center_id = \(w["cA"]) AND job = 'send'") >= 1)
            // Coordinator B sees nothing of center A: its decline there fails and changes nothing.
            let foreign = try run(
                .coordinatorB, ["roster", "decline", "--center", "JA", "--date", w.day, "--worker", wA2])
            #expect(foreign.status != 0, "\(foreign)")
            #expect(
                try count("SELECT count(*) AS n FROM assignments WHERE id = \(w["aAb"]) AND status = 'approved'") == 1)

            // Attendance on day D, as coordinator A on that day; the batch login may not record it.
            let present = try run(
                .coordinatorA, ["attendance", "record", "--date", w.day, "--present", wA2], today: w.day)
            #expect(present.status == 0, "\(present)")
            #expect(try count("SELECT count(*) AS n FROM attendance WHERE center_id = \(w["cA"])") == 1)
            let byBatch = try run(
                .batch, ["attendance", "record", "--center", "JA", "--date", w.day, "--no-show", wA2], today: w.day)
            #expect(byBatch.status == 5, "\(byBatch)")
            #expect(try count("SELECT count(*) AS n FROM attendance WHERE center_id = \(w["cA"])") == 1)

            // Day D+1: coordinator A submits, plans and approves, then cancels it (rain) with the notices sent at once.
            let submit = try run(
                .coordinatorA,
                [
                    "request", "submit", "--farm", "FA1", "--date", w.day1, "--start", "07:00", "--end", "16:00",
                    "--task", "harvest",
                    "--headcount", "1",
                ])
            #expect(submit.status == 0, "\(submit)")
            #expect(try run(.coordinatorA, ["roster", "plan", "--date", w.day1]).status == 0)
            #expect(try run(.coordinatorA, ["roster", "approve", "--date", w.day1]).status == 0)

            // The worker placed on D+1 cannot come: coordinator A takes the top suggestion (`--best`) among center A's
            // free workers. A new worker wA3, available and eligible at FA1, is one of the two candidates (wA2 is
            // blocked there), so the replacement is whichever of wA1 / wA3 was not placed.
            let wA3: Int64 = try w.db.query(
                """
                INSERT INTO workers (center_id, name, phone, home_lat, home_lon, sms_consent)
                VALUES (\(w["cA"]), '대체인력', '01080000009', 36.85, 127.43, true) RETURNING id
                """)[0].decode("id")
            try w.db.query(
                "INSERT INTO worker_availability (center_id, worker_id, available_from) VALUES (\(w["cA"]), \(wA3), current_date)"
            )
            let placed: [Int64] = try w.db.query(
                """
                SELECT worker_id FROM assignments
                WHERE center_id = \(w["cA"]) AND work_date = \(w.day1)::date AND status <> 'declined'
                """
            ).map { try $0.decode("worker_id") }
            #expect(placed.count == 1)
            if let first = placed.first {
                let other = first == w["wA1"] ? wA3 : w["wA1"]
                let replaceB = try run(
                    .coordinatorB,
                    ["roster", "replace", "--center", "JA", "--date", w.day1, "--worker", String(first), "--best"])
                #expect(replaceB.status != 0, "\(replaceB)")
                let replace = try run(
                    .coordinatorA,
                    ["roster", "replace", "--date", w.day1, "--worker", String(first), "--best", "--reason", "병원"])
                #expect(replace.status == 0, "\(replace)")
                let now: [Int64] = try w.db.query(
                    """
                    SELECT worker_id FROM assignments
                    WHERE center_id = \(w["cA"]) AND work_date = \(w.day1)::date AND status <> 'declined'
                    """
                ).map { try $0.decode("worker_id") }
                #expect(now == [other], "the suggestion replaced \(first) by \(now), expected \(other)")
            }
            let cancelB = try run(
                .coordinatorB, ["roster", "cancel", "--center", "JA", "--date", w.day1, "--reason", "우천"])
            #expect(cancelB.status != 0, "\(cancelB)")
            let cancel = try run(.coordinatorA, ["roster", "cancel", "--date", w.day1, "--reason", "우천", "--send"])
            #expect(cancel.status == 0, "\(cancel)")
            let state: String = try w.db.query(
                "SELECT state FROM rosters WHERE center_id = \(w["cA"]) AND work_date = \(w.day1)::date")[0].decode(
                    "state")
            #expect(state == "cancelled")

            // Every change above is in the audit log under the coordinator's own login.
            let actors = Set(
                try w.db.query("SELECT DISTINCT actor FROM audit_log WHERE center_id = \(w["cA"]) AND via <> 'test'")
                    .map {
                        try $0.decode("actor", as: String.self)
                    })
            #expect(actors.contains(w.login(.coordinatorA)))
            #expect(!actors.contains(w.login(.coordinatorB)) && !actors.contains(w.login(.batch)))
        }
    }
}
