import Foundation
import Operations
import Postgres
import Storage
import Testing
import Vocabulary

@testable import IlsonCLI

/// The registry commands in-process through `IlsonCommand.runMain`, against a throwaway migrated database.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RegistryCommandTests {
    @Test func addEditListCancelAndBadInput() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            func run(_ arguments: [String]) -> Int32 { IlsonCommand.runMain(arguments + ["--database-url", url]) }
            func count(_ table: String) throws -> Int {
                try db.query("SELECT count(*) AS n FROM \(identifier: table)")[0].decode("n")
            }
            let today = try IlsonClock.current().today
            // `request submit`: a harvest of 4 people at `farm`, 07:00-16:00 on `date`, with `more` options.
            func submit(_ farm: String, _ date: Day, _ more: [String] = []) -> Int32 {
                run(
                    [
                        "request", "submit", "--farm", farm, "--date", "\(date)", "--start", "07:00", "--end", "16:00",
                        "--task", "harvest", "--headcount", "4",
                    ] + more)
            }
            #expect(
                run([
                    "center", "add", "--code", "JC", "--name", "진천군 농촌인력중개센터", "--sms-sender", "0435391234",
                    "--county", "진천군",
                ]) == 0)
            #expect(run(["center", "edit", "JC", "--sms-sender", "043-539-1235"]) == 0)
            #expect(try CenterStore.find(code: "JC", on: db)?.smsSender == "0435391235")
            #expect(run(["farmer", "add", "--name", "이월순", "--phone", "010-9876-5432"]) == 0)
            #expect(
                run([
                    "farm", "add", "--code", "F012", "--name", "이월 딸기농장", "--farmer", "01098765432",
                    "--village", "이월면 중산리", "--meeting-point", "마을회관 앞", "--meeting-time", "06:30",
                ]) == 0)
            #expect(
                run([
                    "worker", "add", "--name", "김영숙", "--phone", "010-1234-5678", "--village", "진천읍 읍내리",
                    "--skills", "harvest,packing", "--category", "고령", "--sms-consent", "y",
                ]) == 0)
            #expect(run(["worker", "list"]) == 0)
            #expect(run(["worker", "list", "--format", "json"]) == 0)

            // Bad input: exit 2, nothing written, no audit row.
            let audits = try count("audit_log")
            #expect(run(["worker", "add", "--name", "박민수", "--phone", "010-2222-3333"]) == 2)
            #expect(run(["worker", "add", "--name", "박민수", "--phone", "010-2222", "--village", "읍내리"]) == 2)
            #expect(
                run([
                    "worker", "add", "--name", "박민수", "--phone", "010-2222-3333", "--village", "읍내리",
                    "--category", "robot",
                ]) == 2)
            #expect(submit("F012", today.next, ["--min", "5"]) == 2)
            #expect(submit("F012", today.previous) == 2)
            #expect(submit("F099", today.next) == 2)
            #expect(run(["worker", "edit", "999", "--max-travel-km", "10"]) == 2)
            #expect(try count("workers") == 1)
            #expect(try count("labor_requests") == 0)
            #expect(try count("audit_log") == audits)

            // Edit only what is given.
            #expect(run(["worker", "edit", "010-1234-5678", "--max-days-per-week", "4"]) == 0)
            let kim = try WorkerStore.find(.phone("01012345678"), center: 1, on: db)!
            #expect(
                kim.values.maxDaysPerWeek == 4 && kim.values.smsConsent && kim.values.skills == ["harvest", "packing"])
            let audit = try db.query(
                """
                SELECT via, action, (before->>'maxDaysPerWeek')::int AS before, (after->>'maxDaysPerWeek')::int AS after
                FROM audit_log WHERE entity = 'worker' ORDER BY id DESC LIMIT 1
                """)[0]
            #expect(try audit.decode("via", as: String.self) == "worker edit")
            #expect(try audit.decode("before", as: Int.self) == 6 && audit.decode("after", as: Int.self) == 4)

            // A three-day job; cancel the whole job.
            #expect(
                submit("F012", today.next, ["--days", "3", "--skills", "harvest", "--min", "2", "--wage", "130000"])
                    == 0)
            #expect(try count("labor_requests") == 3)
            #expect(try count("labor_jobs") == 1)
            let first: Int64 = try db.query("SELECT min(id) AS id FROM labor_requests")[0].decode("id")
            #expect(run(["request", "edit", String(first), "--priority", "8", "--reason", "농가 사정"]) == 0)
            #expect(run(["request", "edit", String(first), "--priority", "11", "--reason", "농가 사정"]) == 2)
            #expect(run(["request", "list"]) == 0)
            #expect(run(["request", "show", String(first)]) == 0)
            #expect(run(["request", "cancel", String(first + 1), "--whole-job", "--reason", "우천"]) == 0)
            #expect(
                try db.query("SELECT count(*) AS n FROM labor_requests WHERE status = 'cancelled'")[0]
                    .decode("n", as: Int.self) == 3)
            #expect(run(["request", "cancel", String(first)]) == 2)
            #expect(run(["worker", "deactivate", "010-1234-5678"]) == 0)
            #expect(run(["worker", "deactivate", "010-1234-5678"]) == 2)
        }
    }

    @Test func importsReportBadRowsWithExit2AndApprovedRostersWithExit1() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            func run(_ arguments: [String]) -> Int32 { IlsonCommand.runMain(arguments + ["--database-url", url]) }
            let today = try IlsonClock.current().today
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "ilson-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func file(_ name: String, _ text: String) throws -> String {
                let url = directory.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                return url.path
            }
            #expect(run(["center", "add", "--code", "JC", "--name", "진천", "--county", "진천군"]) == 0)
            let farms = try file("farms.csv", "농가코드,농가명,농업인,농업인전화,마을\nF001,딸기,이월순,010-9876-5432,이월면 중산리\n")
            #expect(run(["farm", "import", farms]) == 0)
            #expect(run(["farm", "import", farms]) == 0)
            let bad = try file("bad.csv", "name,phone,village\n김,010-1,읍내리\n박,010-2222-3333,없는리\n")
            #expect(run(["worker", "import", bad]) == 2)
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == 0)
            let requests = try file(
                "requests.csv", "farm,date,start,end,task,headcount\nF001,\(today.next),07:00,16:00,harvest,3\n")
            #expect(run(["request", "import", requests]) == 0)
            try db.query(
                "INSERT INTO rosters (center_id, work_date, state, approved_at) VALUES (1, \(today.next), 'approved', now())"
            )
            let changed = try file(
                "requests2.csv", "farm,date,start,end,task,headcount\nF001,\(today.next),07:00,16:00,harvest,5\n")
            #expect(run(["request", "import", changed]) == 1)
            #expect(try db.query("SELECT headcount FROM labor_requests")[0].decode("headcount", as: Int.self) == 3)
            #expect(run(["request", "import", directory.appendingPathComponent("missing.csv").path]) == 2)
        }
    }
}
