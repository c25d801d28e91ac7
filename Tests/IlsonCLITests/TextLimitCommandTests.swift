import Foundation
import Postgres
import Testing

/// The reproduction through the real binary: a 5000-character task, farm name or meeting point is bad
/// input (exit 2) naming the field and its limit, the value cut in the message, and nothing is written; in a CSV
/// import the file is refused naming the line.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct TextLimitCommandTests {
    static let huge = String(repeating: "가", count: 5000)

    @Test func longTextIsRefusedOnTheCommandLineAndInImports() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            func count(_ table: String) throws -> Int {
                try db.query("SELECT count(*) AS n FROM \(identifier: table)")[0].decode("n")
            }
            try IlsonChild.county(url: url)
            let audits = try count("audit_log")

            let submit = try IlsonChild.run(
                [
                    "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "07:00", "--end", "16:00",
                    "--task", Self.huge, "--headcount", "4",
                ], url: url)
            #expect(submit.status == 2, "\(submit)")
            #expect(submit.stderr.contains("the task (--task) is too long: 5000 characters where at most 40 fit"))
            #expect(submit.stderr.utf8.count < 400, "the value is cut: \(submit.stderr.utf8.count) bytes")
            #expect(try count("labor_requests") == 0)
            #expect(try count("labor_jobs") == 0)

            let newline = try IlsonChild.run(
                [
                    "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "07:00", "--end", "16:00",
                    "--task", "수확\n포장", "--headcount", "4",
                ], url: url)
            #expect(newline.status == 2, "\(newline)")
            #expect(newline.stderr.contains("must be one line"))

            for (option, value) in [("--name", Self.huge), ("--meeting-point", String(repeating: "앞", count: 61))] {
                var arguments = [
                    "farm", "add", "--code", "F013", "--name", "새 농장", "--farmer", "01098765432", "--village",
                    "이월면 중산리",
                ]
                arguments += [option, value]
                let farm = try IlsonChild.run(arguments, url: url)
                #expect(farm.status == 2, "\(farm)")
                #expect(farm.stderr.contains("(\(option)) is too long"), "\(farm)")
            }
            #expect(try count("farms") == 1)

            let file = """
                code,name,farmer_name,farmer_phone,village,meeting_point
                F020,문백 수박농장,박문백,01033334444,문백면 평산리,
                F021,\(Self.huge),박문백,01033334444,문백면 평산리,
                """
            let imported = try IlsonChild.withFile(file) { path in
                try IlsonChild.run(["farm", "import", path], url: url)
            }
            #expect(imported.status == 2, "\(imported)")
            #expect(imported.stderr.contains("line 3: the farm name (name) is too long: 5000 characters"))
            #expect(imported.stderr.utf8.count < 600, "the value is cut: \(imported.stderr.utf8.count) bytes")
            #expect(try count("farms") == 1)
            #expect(try count("farmers") == 1)
            #expect(try count("audit_log") == audits)
        }
    }
}
