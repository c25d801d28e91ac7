import Foundation
import Postgres
import Testing

/// What `roster unassign` and `roster assign` print (one function for both): what was done, the rules a forced pin
/// breaks, and the roster's new version and score.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RosterEditOutputTests {
    @Test func unassignAndAForcedAssignPrintWhatTheyDidAndTheNewVersion() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            try IlsonChild.county(url: url)
            func run(_ arguments: [String]) throws -> IlsonChild.Outcome {
                let outcome = try IlsonChild.run(arguments, url: url)
                #expect(outcome.status == 0, "\(outcome)")
                return outcome
            }
            _ = try run([
                "worker", "add", "--name", "수확일", "--phone", "010-1111-0001", "--village", "이월면 중산리",
                "--skills", "harvest",
            ])
            _ = try run([
                "worker", "add", "--name", "포장일", "--phone", "010-2222-0001", "--village", "이월면 중산리",
                "--skills", "packing",
            ])
            _ = try run([
                "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "07:00", "--end", "16:00",
                "--task", "harvest", "--skills", "harvest", "--headcount", "1",
            ])
            _ = try run(["roster", "plan", "--date", "tomorrow"])
            let request: Int64 = try db.query("SELECT max(id) AS id FROM labor_requests")[0].decode("id")

            let off = try run([
                "roster", "unassign", "--date", "tomorrow", "--request", "\(request)", "--worker", "010-1111-0001",
            ])
            #expect(off.stdout.contains("took 수확일"), "\(off)")
            #expect(off.stdout.contains(": version 3, score "), "\(off)")
            #expect(!off.stdout.contains("warning (forced)"), "\(off)")

            // The packer has no harvest skill: the pin is forced, and the broken rule is printed before the version.
            let on = try run([
                "roster", "assign", "--date", "tomorrow", "--request", "\(request)", "--worker", "010-2222-0001",
                "--force", "--reason", "농가 요청",
            ])
            let lines = on.stdout.split(separator: "\n").map(String.init)
            let warning = try #require(lines.firstIndex { $0.hasPrefix("warning (forced): ") }, "\(on)")
            let version = try #require(lines.firstIndex { $0.contains(": version 4, score ") }, "\(on)")
            #expect(lines[0].contains("pinned 포장일"), "\(on)")
            #expect(warning < version && version == lines.count - 1, "\(on)")
        }
    }
}
