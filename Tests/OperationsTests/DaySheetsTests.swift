import Boundaries
import Foundation
import Operations
import Postgres
import PrintSheets
import Scheduling
import Storage
import TestSupport
import Testing
import Vocabulary

/// The printable day sheets and the map of a planned day on a real database, and `ilson roster print` / `roster map`
/// / `report placements --format html` as the real binary.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct DaySheetsTests {
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var date: Day { clock.tomorrow }

    func withPlannedDay(_ body: (Connection, RosterFixtures.Imported, String) throws -> Void) throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            // A hostile name: it must print as text.
            try db.query("UPDATE workers SET name = '<script>x</script>' WHERE id = \(c.workers["w1"]!)")
            _ = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            try body(db, c, url)
        }
    }

    @Test func theSheetHoldsEveryFarmWorkerAndShortage() throws {
        try withPlannedDay { db, c, _ in
            let view = try RosterView.load(center: c.center, date: Self.date, on: db)
            let sheet = try DaySheets.load(center: c.center, date: Self.date, on: db)
            #expect(sheet.farms.count == Set(view.requests.map(\.farmCode)).count)
            #expect(sheet.filled == view.assigned && sheet.wanted == view.wanted)
            #expect(sheet.unfilled == view.unfilled.reduce(0) { $0 + $1.missing })
            #expect(sheet.pickups == nil)
            // Full phone numbers by default (the sheet is for calling), masked on request.
            let phones = Set(sheet.farms.flatMap { $0.jobs.flatMap { $0.workers.map(\.phone) } })
            #expect(phones.allSatisfy { !$0.contains("*") && $0.hasPrefix("010-") })
            let masked = try DaySheets.load(center: c.center, date: Self.date, phones: .masked, on: db)
            #expect(
                masked.farms.flatMap { $0.jobs.flatMap { $0.workers.map(\.phone) } }.allSatisfy { $0.contains("****") })
            // Every worker has a home village of 진천군 and a meeting time.
            for w in sheet.farms.flatMap({ $0.jobs.flatMap(\.workers) }) {
                #expect(!w.home.isEmpty && w.homePoint != nil)
            }
            let html = DaySheetHTML.render(sheet)
            let hostile = sheet.farms.contains {
                $0.jobs.contains { $0.workers.contains { $0.name == "<script>x</script>" } }
            }
            #expect(hostile, "the worker named <script> should be placed in the small county")
            #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
            #expect(!html.contains("<script"))
        }
    }

    /// Each farm marker lies inside the 읍면 outline of its village, on the map and in degrees.
    @Test func farmMarkersLieInsideTheirTowns() throws {
        try withPlannedDay { db, c, _ in
            let sheet = try DaySheets.load(center: c.center, date: Self.date, on: db)
            let map = try #require(sheet.map)
            #expect(map.towns.count == 7)  // 진천군: 2 읍 and 5 면
            #expect(map.farms.count == sheet.farms.count)
            for page in sheet.farms {
                let location = try #require(page.location)
                let outline = try #require(Boundaries.outline(code: page.townCode))
                #expect(outline.contains(location), "\(page.name) at \(location) outside \(page.village)")
                let town = try #require(map.towns.first { $0.outline.code == page.townCode })
                #expect(page.village.hasPrefix(town.name))
            }
        }
    }

    @Test func theCommandsWriteTheFiles() throws {
        try withPlannedDay { _, _, url in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-sheets-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let html = dir.appendingPathComponent("day.html").path
            let svg = dir.appendingPathComponent("day.svg").path
            let day = Self.date.description
            let printed = try Child.run(["roster", "print", "--date", day, "--out", html], url: url)
            #expect(printed.status == 0, "\(printed.output)")
            let text = try String(contentsOfFile: html, encoding: .utf8)
            #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<svg") && !text.contains("<script"))
            #expect(text.contains("이월 딸기농장") && text.contains("출근 확인"))
            let mapped = try Child.run(["roster", "map", "--date", day, "--out", svg], url: url)
            #expect(mapped.status == 0, "\(mapped.output)")
            #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<?xml"))
            let report = try Child.run(
                ["report", "placements", "--from", day, "--to", day, "--format", "html"], url: url)
            #expect(report.status == 0 && report.output.contains("대상자 유형별") && report.output.contains("<svg"))
            // The year's targets as charts: each target marked on its bar.
            let year = String(Self.date.components.year)
            let set = try Child.run(
                ["target", "set", "--year", year, "--category", "고령", "--days", "1200"], url: url)
            #expect(set.status == 0, "\(set.output)")
            let targets = try Child.run(["report", "targets", "--year", year, "--format", "html"], url: url)
            #expect(targets.status == 0 && targets.output.hasPrefix("<!DOCTYPE html>"), "\(targets.output.prefix(300))")
            #expect(targets.output.contains("목표 1,200") && targets.output.contains("대상별 실적과 목표"))
            #expect(!targets.output.contains("<script"))
            // --pdf without a browser: the HTML is written, the PDF is not, and the command says why (exit 1).
            let pdf = dir.appendingPathComponent("day.pdf").path
            let noBrowser = try Child.run(
                ["roster", "print", "--date", day, "--out", html, "--pdf", pdf], url: url, path: "/nonexistent")
            #expect(noBrowser.status == 1 && noBrowser.output.contains("chromium"), "\(noBrowser.output)")
            #expect(FileManager.default.fileExists(atPath: html) && !FileManager.default.fileExists(atPath: pdf))
            // Bad input: nothing written.
            let bad = try Child.run(["roster", "print", "--date", "2026-13-45", "--out", html + "x"], url: url)
            #expect(bad.status != 0 && !FileManager.default.fileExists(atPath: html + "x"))
        }
    }
}

/// The real binary with only PATH and a fixed config.
enum Child {
    static func run(
        _ arguments: [String], url: String, path: String = "/usr/local/bin:/usr/bin:/bin"
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: IlsonBinary.path)
        process.arguments = arguments + ["--database-url", url]
        process.environment = [
            "PATH": path, "ILSON_CONFIG": "/dev/null",
            "ILSON_TODAY": DaySheetsTests.clock.today.description, "LANG": "C.UTF-8",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
